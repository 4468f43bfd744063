"""A Tab typed just as the suggestion list opens (issue 45, item 2; issue 59, item 8), in the REAL app
process: the app (``app.cli.main``) signed in to a sandbox served by this process, typed into by
tests/reliability/typing_app_child.py with a person's timing: a prefix of a directory name ("bo", "ca",
"da") in To, then Tab 0.25-0.5 s after the last key (the directory is asked 0.3 s after the last key: the
list pops up one round trip later), then "zed", Tab, "yy". Three app processes, three trials each (a
prefix is new to the field only once per process), so the Tab comes both before the list opens and after
it is shown.

The keys mean the same whatever the order of the Tab and the list: the Tab always moves on from To, so
"zed" lands in Cc and "yy" in Bcc every time. When the list was shown at the Tab, the Tab took its
highlighted name on the way (To holds "Dave Davis <dave@example.com>, "); when it was not shown yet, To
holds the prefix as typed ("da"). Every key lands in the field that had the focus when it was typed, and
the focus only ever moves on a key (Tab, Ctrl+N): never on a list's opening or closing (Qt's
``PopupFocusReason``/``ActiveWindowFocusReason``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.workload import ALICE, user

HERE = Path(__file__).resolve().parent
NAMES = {"bo": "Bob Brown <bob@example.com>", "ca": "Carol Clark <carol@example.com>",
         "da": "Dave Davis <dave@example.com>"}
RUNS = ((0.25, 0.3, 0.35), (0.29, 0.31, 0.4), (0.32, 0.33, 0.5))  # a Tab's delay per prefix, per process


def _records(log: Path) -> list[tuple[str, object]]:
    if not log.exists():
        return []
    out = []
    for line in log.read_text(encoding="utf-8").splitlines():
        kind, _, data = line.partition(" ")
        out.append((kind, json.loads(data)))
    return out


def _trials(records) -> list[dict]:
    """The records split per trial: its KEY and FOCUS lines, then its TRIAL line's texts."""
    trials, keys, focus = [], [], []
    for kind, data in records:
        if kind == "KEY":
            keys.append(data)
        elif kind == "FOCUS":
            focus.append(data)
        elif kind == "TRIAL":
            trials.append({**data, "keys": keys, "focus": focus})
            keys, focus = [], []
    return trials


def _run_app(sandbox, tmp_path: Path, trials: list) -> list:
    alice = user(sandbox, ALICE)
    tmp_path.mkdir()
    log = tmp_path / "typing.log"
    env = dict(os.environ, DISPATCH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", TYPE_LOG=str(log),
               TYPE_TRIALS=json.dumps(trials), KILL_URL=sandbox.ews_url,
               KILL_USER=alice.get("username") or ALICE, KILL_PW=alice["password"],
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    proc = subprocess.Popen([sys.executable, str(HERE / "typing_app_child.py")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        t0 = time.monotonic()
        while not any(kind == "DONE" for kind, _ in _records(log)):
            if proc.poll() is not None:
                raise AssertionError(f"the app ended: {proc.communicate()[1][-3000:]!r}")
            assert time.monotonic() - t0 < 120, "the typing did not finish in 120 s"
            time.sleep(0.1)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    return _records(log)


def _check_trial(t: dict) -> bool:
    """The keys landed in the same fields whichever came first, the Tab or the list; To holds the name the
    Tab took if the list was shown at the Tab, else the prefix as typed. Whether the list was shown."""
    typed_in = [(key, focus) for key, focus, _shown in t["keys"][1:]]  # after Ctrl+N (a new message, in To)
    assert t["keys"][0][0] == "Key_N" and typed_in == [(f"Key_{ch.upper()}", "toEdit") for ch in t["prefix"]] + [
        ("Key_Tab", "toEdit"), ("Key_Z", "ccEdit"), ("Key_E", "ccEdit"), ("Key_D", "ccEdit"),
        ("Key_Tab", "ccEdit"), ("Key_Y", "bccEdit"), ("Key_Y", "bccEdit")], t
    moves = [f for f in t["focus"] if f[1] == "FocusIn"]
    assert all(reason in ("TabFocusReason", "ShortcutFocusReason", "OtherFocusReason") for _w, _k, reason in moves), t
    shown = next(shown for key, _focus, shown in t["keys"] if key == "Key_Tab")  # what the first Tab met
    assert shown in (None, NAMES[t["prefix"]]), t
    to = f"{shown}, " if shown else t["prefix"]  # the Tab took the shown name; else the prefix stays as typed
    assert (t["to"], t["cc"], t["bcc"], t["subject"]) == (to, "zed", "yy", ""), t
    return shown is not None


@pytest.mark.timeout(240)
def test_keys_typed_as_the_suggestions_pop_up_land_where_the_user_tabbed(sandbox, tmp_path):
    outcomes = []
    for i, delays in enumerate(RUNS):
        trials = [[prefix, delay] for prefix, delay in zip(NAMES, delays)]
        records = _run_app(sandbox, tmp_path / f"run{i}", trials)
        stray = [data for kind, data in records
                 if kind == "FOCUS" and data[2] in ("PopupFocusReason", "ActiveWindowFocusReason")]
        assert stray == [], "the focus moved without a key: a suggestion list took it or handed it back"
        done = _trials(records)
        assert [[t["prefix"], t["delay"]] for t in done] == trials
        outcomes += [_check_trial(t) for t in done]
    assert True in outcomes, "no trial had its Tab meet the shown list"
    assert False in outcomes, "no trial had its Tab come before the list opened"
