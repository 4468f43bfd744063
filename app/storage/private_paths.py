"""Which files a program or a link may ask Dispatch to attach: the one rule behind ``dispatch-mail send --attach``
and the files a ``mailto:`` link names (``attach=``, ``attachment=``: what ``xdg-email --attach`` writes).

A link reaches Dispatch the same way whether LibreOffice wrote it or a web page did ("Mailto: Me Your Secrets",
2020: a web page's link made mail clients attach a private key), so some files are never attached from a name
given by another program, whatever the path looks like (checked on the path as given and on the path it resolves
to, every ``..`` and symlink followed: app/storage/regular_file.py):

- ``keys``: under ``~/.ssh``, ``~/.gnupg`` (or ``$GNUPGHOME``) or the keyring folder ``~/.local/share/keyrings``;
- ``dispatch``: Dispatch's own config, data and log folders (its settings, its journal, its tokens);
- ``hidden``: a hidden file, or a file in a hidden folder (a name starting with "."): where programs keep their
  settings and secrets, never a document a user means to send.

Files the user picks in Compose (the dialog, a drop) are the user's own choice and not checked by this rule.
"""

from __future__ import annotations

import os
from pathlib import Path

# the kinds this rule refuses, most specific first
KINDS = ("keys", "dispatch", "hidden")


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _key_folders(home: str) -> list[str]:
    roots = [os.path.join(home, ".ssh"), os.path.join(home, ".gnupg"),
             os.path.join(home, ".local", "share", "keyrings")]
    for name in ("GNUPGHOME",):
        if os.environ.get(name, "").strip():
            roots.append(os.environ[name].strip())
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    if data_home:
        roots.append(os.path.join(data_home, "keyrings"))
    return roots


def _dispatch_folders() -> list[str]:
    from app.storage.folders import config_dir, data_dir, log_dir

    return [str(config_dir()), str(data_dir()), str(log_dir())]


def _both(roots: list[str]) -> list[str]:
    """Each folder as written and as it resolves (a home folder may itself be a symlink)."""
    out = []
    for root in roots:
        out.append(os.path.normpath(os.path.abspath(root)))
        out.append(os.path.realpath(root))
    return out


def _hidden(path: str) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.split("/"))


def private_kind(given: str, real: str, home: str | None = None) -> str:
    """Why the file at ``given`` (absolute, as the program or link wrote it), resolved to ``real``, is never
    attached from a name another program gave: one of :data:`KINDS`, or "" when this rule allows it. ``home``:
    the user's home folder (default: ``$HOME``)."""
    home = home if home is not None else str(Path.home())
    given_abs = os.path.abspath(given)  # ".." folded as written, links not followed: ``real`` follows them
    paths = (given_abs, real)
    if any(_under(p, root) for p in paths for root in _both(_key_folders(home))):
        return "keys"
    if any(_under(p, root) for p in paths for root in _both(_dispatch_folders())):
        return "dispatch"
    if any(_hidden(p) for p in (given, given_abs, real)):
        return "hidden"
    return ""
