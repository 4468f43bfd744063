"""When the heavy modules load, relative to the first paint (the goal: start-up unchanged, the Graph modules
loaded after the first paint). Prints a table; asserts nothing.

Measures: the real app started (offscreen) three ways: no account (the welcome page), ``--sandbox`` (EWS),
and a Microsoft Graph account in the settings (Graph and its MSAL sign-in's authority on a sandbox; nobody
has signed in, so its connect fails with AuthFailed after building the backend and MSAL). A wrapper puts an
import watcher first on ``sys.meta_path`` that prints ``DISPATCH_IMPORT <module> <unix time> <thread>`` the
first time one of :data:`WATCHED` is imported; the app prints ``DISPATCH_FIRST_PAINT <unix time>`` at its
first paint (``DISPATCH_FIRST_PAINT=2``: printed, and the app keeps running; the wrapper ends it after
``--seconds``). Per start, each watched module: before or after the first paint (ms), and on which thread.

Baseline: the first paint of the same start (each module is placed against it).

Run: ``python bench/startup_imports.py [--seconds 6]``

Results: printed, and saved to ``bench/out/startup_imports.json`` (not rendered in docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WATCHED = ("httpx", "httpcore", "msal", "app.mail.graph", "app.mail.graph.service", "exchangelib", "requests",
           "app.mail.ews", "app.sandbox")

WRAPPER = r"""
import os, sys, threading, time
WATCHED = set(sys.argv[1].split(","))

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            WATCHED.discard(name)
            print(f"DISPATCH_IMPORT {name} {time.time():.6f} {threading.current_thread().name}", flush=True)
            if name == os.environ.get("BENCH_END_AFTER"):  # seen what we came for: end half a second later
                threading.Timer(0.5, end).start()
        return None

sys.meta_path.insert(0, Watch())
seconds = float(sys.argv[2])
if os.environ.get("BENCH_SEED_PASSWORD"):  # the Graph account's "password" slot, so no prompt opens
    from app.storage import secrets
    email, username, pw = os.environ["BENCH_SEED_PASSWORD"].split("|")
    secrets._session[secrets._key(email, username)] = pw

def end():
    mods = sorted(m for m in sys.modules if m.split(".")[0] in ("httpx", "msal", "exchangelib"))
    print(f"DISPATCH_END {time.time():.6f} loaded={len(mods)}", flush=True)
    os._exit(0)

threading.Timer(seconds, end).start()
from app.cli import main
sys.argv = ["dispatch"] + sys.argv[3:]
main()
end()
"""


def start(args: list[str], home: str, seconds: float, extra_env: dict | None = None, end_after: str = "") -> dict:
    """{module: {"ms_after_paint", "thread"}} for the watched modules imported within ``seconds`` (or until
    half a second after ``end_after``, a watched module, is imported)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=home, DISPATCH_FIRST_PAINT="2",
               BENCH_END_AFTER=end_after,
               QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               **(extra_env or {}))
    out = subprocess.run([sys.executable, "-c", WRAPPER, ",".join(WATCHED), str(seconds), *args],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    paint, imports = None, {}
    for line in out.stdout.splitlines():
        words = line.split()
        if words and words[0] == "DISPATCH_FIRST_PAINT" and paint is None:
            paint = float(words[1])
        elif words and words[0] == "DISPATCH_IMPORT":
            imports[words[1]] = (float(words[2]), words[3])
    if paint is None:
        raise RuntimeError(f"no first paint from {args}: {out.stdout}\n{out.stderr[-3000:]}")
    return {m: {"ms_after_paint": round((t - paint) * 1000, 1), "thread": th} for m, (t, th) in imports.items()}


def is_graph_module(name: str) -> bool:
    return name.split(".")[0] in ("httpx", "httpcore", "msal") or name.startswith("app.mail.graph")


def graph_account(home: str, sb) -> dict:
    """A Graph account in the settings under ``home``: Graph and the sign-in's authority on the sandbox ``sb``
    (no token cached: MSAL is built, finds no signed-in account, and the connect fails with AuthFailed)."""
    from app.domain.account import AccountConfig, Backend
    from app.mail.graph.signin import SignInSettings
    from app.storage.settings import Settings

    info = sb.authority.json_info()
    signin = SignInSettings.sandbox(info["authority_url"], info["authority_cert"]).to_dict()
    acc = AccountConfig(email="alice@example.com", ews_url="https://outlook.office365.com/EWS/Exchange.asmx",
                        username="alice@example.com", backend=Backend.GRAPH,
                        extra={"graph_url": sb.graph_url, "graph_signin": signin})
    Settings(Path(home) / "config" / "settings.json").set_account(acc)
    return {"BENCH_SEED_PASSWORD": f"{acc.email}|{acc.username}|(no password over Graph)"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=6.0, help="how long each start runs after launch")
    a = ap.parse_args()
    from app.sandbox import Sandbox

    results = {}
    sb = Sandbox(graph=True).start()
    try:
        with tempfile.TemporaryDirectory() as h1, tempfile.TemporaryDirectory() as h2, \
                tempfile.TemporaryDirectory() as h3:
            results["no account (welcome page)"] = start([], h1, a.seconds)
            results["--sandbox (EWS)"] = start(["--sandbox"], h2, a.seconds)
            results["Graph account"] = start([], h3, a.seconds, graph_account(h3, sb))
    finally:
        sb.stop()
    before = []
    for name, mods in results.items():
        print(f"{name}:")
        for m in WATCHED:
            if m not in mods:
                print(f"  {m:<24} not imported within {a.seconds:g} s")
                continue
            ms, th = mods[m]["ms_after_paint"], mods[m]["thread"]
            when = f"{ms:.0f} ms after the first paint" if ms >= 0 else f"{-ms:.0f} ms BEFORE the first paint"
            print(f"  {m:<24} {when} ({th})")
            if ms < 0 and is_graph_module(m):
                before.append(f"{name}: {m}")
    print()
    print("httpx / msal / app.mail.graph before the first paint: " + (", ".join(before) if before else "none"))
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "startup_imports.json").write_text(json.dumps({"seconds": a.seconds, "starts": results,
                                                          "graph_before_paint": before}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
