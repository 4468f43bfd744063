"""The organisation's defaults for Microsoft 365 sign-in, deployed by an administrator so that users of a
managed machine only type their address:

- ``/etc/dispatch/defaults.json`` (the machine's), then
- ``defaults.json`` in the per-user config folder (:func:`app.storage.settings.config_dir`:
  ``$DISPATCH_HOME/config`` when set), which wins key by key.

Keys (all optional, all text): ``client_id`` (the application ID, a GUID), ``tenant`` (its ID, a domain of
it, or ``organizations``), ``authority`` (a full sign-in authority URL; wins over ``tenant``), ``graph_url``
(for a cloud whose Graph does not follow from the authority, e.g. US DoD). Anything else, or a key that looks
like a secret, and the file is refused with an error naming it (app/domain/m365.py checks); a refused file
costs nothing else: the other file still applies and the user can type the values.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.m365 import OrgDefaults, parse_defaults
from app.domain.words import translate
from app.storage.settings import config_dir

SYSTEM_DEFAULTS = Path("/etc/dispatch/defaults.json")
FILE = "defaults.json"
# a real defaults file is a few lines: a larger one is not read into memory
MAX_BYTES = 64 * 1024


def default_paths() -> list[Path]:
    """Where the defaults are looked for, the weakest first."""
    return [SYSTEM_DEFAULTS, config_dir() / FILE]


def load(paths: list[Path] | None = None) -> OrgDefaults:
    """The defaults of the files at ``paths`` (default :func:`default_paths`; a later file wins key by key).
    A missing file is no problem; an unreadable or invalid one is reported in ``problems`` and ignored."""
    out = OrgDefaults()
    for path in default_paths() if paths is None else paths:
        text, problem = _read(Path(path))
        if text is None:
            if problem:
                out.problems.append(problem)
            continue
        values, problem = parse_defaults(text, str(path))
        if problem:
            out.problems.append(problem)
            continue
        if "tenant" in values and "authority" not in values:
            out.values.pop("authority", None)  # this file's tenant wins over an earlier file's authority
        out.values.update(values)
        out.sources.append(str(path))
    return out


def _read(path: Path) -> tuple[str | None, str | None]:
    try:
        if not path.is_file():
            return None, None
        if path.stat().st_size > MAX_BYTES:
            return None, translate("M365", "{path} is larger than {limit} KB: not a defaults file. The file was not "
                                   "used.").format(path=str(path), limit=MAX_BYTES // 1024)
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        return None, translate("M365", "{path} could not be read ({error}). The file was not used.").format(
            path=str(path), error=type(exc).__name__)
