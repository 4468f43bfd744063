"""Writing a file all or nothing: a private temporary file beside it (0600), fsync, rename over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, *, prefix: str = ".dispatch-", suffix: str = ".tmp") -> Path:
    """``data`` into ``path``, mode 0600, all or nothing: readers see the old file or the new one, never
    part of it; on any error the temporary file is removed and the old file stays."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=str(target.parent))  # 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        os.chmod(target, 0o600)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
