"""A folder another user could write to, holding an ``app`` package of theirs (issue 74, hole 1): a process of
Dispatch started there must run the installation's code, never this one. The planted package (and a
``sitecustomize`` beside it, which a ``PYTHONPATH`` naming the folder would run) records each time it runs, in a
file of its own, and what it saw of the environment."""

from __future__ import annotations

from pathlib import Path

_PLANTED = """
import os
with open({ran!r}, "a", encoding="utf-8") as f:
    f.write(repr(sorted(os.environ)) + "\\n")
"""


def plant(folder: Path) -> Path:
    """``folder`` (world-writable, as /tmp or a shared folder is) with an ``app`` package and a ``sitecustomize``
    that each append to the returned file when they run."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o1777)
    ran = folder / "planted-code-ran.txt"
    (folder / "app").mkdir(exist_ok=True)
    for path in (folder / "app" / "__init__.py", folder / "sitecustomize.py"):
        path.write_text(_PLANTED.format(ran=str(ran)), encoding="utf-8")
    return ran
