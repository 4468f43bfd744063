"""No secret on disk or in output: the real app (sandbox mailbox) types, saves and sends, is killed with
SIGKILL and restarted; then the logs, config, journal (all its files) and the crash output (the child's
stdout/stderr) are searched for the account password — raw, base64 (a Basic auth header) and UTF-16.
The sandbox's own database (the SERVER's user table, under data/sandbox) is the only place it may be."""

from __future__ import annotations

import base64
import random

from tests.reliability.killrun import run_once, sandbox_items


def _needles(user: dict) -> list[bytes]:
    pw = user["password"]
    basic = base64.b64encode(f"{user.get('username') or user['email']}:{pw}".encode())
    return [pw.encode(), pw.encode("utf-16-le"), basic, base64.b64encode(pw.encode())]


def test_password_never_reaches_logs_config_journal_or_crash_output(tmp_path):
    rnd = random.Random(7)
    runs = [run_once(tmp_path, n, rnd, min_s=2.0, max_s=3.0) for n in range(3)]
    assert all(r.recovered is not None for r in runs)
    user = sandbox_items(tmp_path)["password"][0]
    assert len(user["password"]) >= 6
    needles = _needles(user)
    server_side = tmp_path / "data" / "sandbox"

    def scan() -> tuple[int, list[str]]:
        searched, hits = 0, []
        for p in tmp_path.rglob("*"):
            if not p.is_file() or server_side in p.parents:
                continue
            data = p.read_bytes()
            searched += 1
            hits += [str(p.relative_to(tmp_path)) for n in needles if n in data]
        return searched, hits

    searched, hits = scan()
    control = tmp_path / "logs" / "control.txt"  # positive control: the scan does find a planted copy
    control.write_bytes(b"x" + needles[2] + b"y")
    assert "logs/control.txt" in scan()[1]
    control.unlink()
    for r in runs:
        hits += [f"run {r.n} output" for n in needles if n in r.out or n in r.err]
    names = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    assert {"journal.sqlite3", "dispatch.log"} <= names, names  # the places that matter were there
    assert searched >= 4 and not hits, hits
