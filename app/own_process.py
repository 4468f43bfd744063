"""How Dispatch starts a process of its own code (the mail engine, the HTML helper): only the installation's code.

``python -m app…`` puts the current folder first on the import path, and the window inherits the folder it was
started from: a folder that holds an ``app`` package (planted by another user in a folder they can write to, or
just another project's) would run in its place, with the window's environment. So the child runs isolated
(``-I``: no current folder, no ``PYTHONPATH``, no ``PYTHON*`` variables on its path) with the folder that holds
*this* ``app`` package put first, plus the user's own site-packages when the window has them (an install with
``pip --user``, which ``-I`` would drop), and it starts in that folder, not the window's. The packaged
executable resolves its modules from inside itself: it takes a flag. Standard library only.
"""

from __future__ import annotations

import os
import site
import sys

# the folder that holds the ``app`` package of the code running now (a source tree, an editable install's or
# site-packages)
ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# what the child runs first: the install's folder and the user's site on its path, then the module as ``-m`` would
_BOOT = ("import runpy, site, sys; root, user, module = sys.argv[1:4]; del sys.argv[1:4]; "
         "user and site.addsitedir(user); sys.path.insert(0, root); "
         "runpy.run_module(module, run_name='__main__', alter_sys=True)")


def _user_site() -> str:
    """The user's site-packages when this process has it on its path ("" otherwise)."""
    user = site.getusersitepackages() if site.ENABLE_USER_SITE else ""
    return user if user and user in sys.path else ""


def command(module: str, *args: str, frozen_flag: str = "") -> list[str]:
    """The command line that runs ``module`` of this installation with ``args``; packaged, the executable with
    ``frozen_flag`` (when the module is not the entry point's) and ``args``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *([frozen_flag] if frozen_flag else []), *args]
    return [sys.executable, "-I", "-c", _BOOT, ROOT, _user_site(), module, *args]


# what a child of ours may need of the window's environment, by name: where the user's files are (the data
# folder, a profile's ``DISPATCH_HOME``), language and time zone, the system's proxies and certificates, the
# temporary folder, the libraries' path, and what Windows needs to start a process with a network. Nothing else
# crosses: no other variable (``--password-env``'s, a token, another program's secret) reaches a child.
_NAMES = frozenset({
    "HOME", "USER", "LOGNAME", "PATH", "TMPDIR", "TEMP", "TMP", "LANG", "LANGUAGE", "TZ", "LD_LIBRARY_PATH",
    "DISPATCH_HOME", "DISPATCH_DNS", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR",
    "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "KRB5CCNAME", "KRB5_CONFIG", "FONTCONFIG_FILE",
    "FONTCONFIG_PATH", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE", "USERNAME", "APPDATA",
    "LOCALAPPDATA", "PROGRAMDATA", "HOMEDRIVE", "HOMEPATH", "SYSTEMDRIVE", "COMPUTERNAME",
})
# ... and by kind: the locale's categories, the XDG folders, and coverage's (the tests measure the children too)
_PREFIXES = ("LC_", "XDG_", "COVERAGE_")


def child_env(extra: dict[str, str] | None = None, secrets: tuple[str, ...] = ()) -> dict[str, str]:
    """The environment of a child of ours: the named variables of the window's (:data:`_NAMES`), never one that
    is one of ``secrets`` (the password a ``--password-env`` variable holds, whatever it is called), plus
    ``extra``."""
    env = {}
    for name, value in os.environ.items():
        wanted = name.upper() in _NAMES or name.upper().startswith(_PREFIXES)
        if wanted and not (value and value in secrets):  # equal, not within: a short one would empty PATH
            env[name] = value
    if env.get("DISPATCH_HOME", "").strip():  # the child starts in the install's folder, not the window's
        env["DISPATCH_HOME"] = os.path.abspath(env["DISPATCH_HOME"].strip())
    env.update(extra or {})
    return env
