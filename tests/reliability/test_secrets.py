"""No secret on disk or in output: the real app (signed in to a sandbox in another process) types, saves
and sends, is killed with SIGKILL and restarted; then the logs, config, journal (all its files) and the
crash output (the child's stdout/stderr) are searched for the account password — raw, base64 (a Basic
auth header) and UTF-16. The sandbox's own database (the SERVER's user table) is the only place it may
be, and it lives outside the app's home here."""

from __future__ import annotations

import base64

from tests.reliability.killrun import SandboxProcess, kill, sandbox_items, start_app, wait_for


def _needles(user: dict) -> list[bytes]:
    pw = user["password"]
    basic = base64.b64encode(f"{user.get('username') or user['email']}:{pw}".encode())
    return [pw.encode(), pw.encode("utf-16-le"), basic, base64.b64encode(pw.encode())]


def _journaled(home, run) -> bool:
    """What this run typed is in the journal's files on disk: a word of the message it types that it typed
    itself (after what it reopened, when it goes on with the message an earlier run left: then no subject of
    its own appears, which a look for "kill r{n} m" waited for in vain whenever the reopened message was in
    Compose before the typist looked)."""
    run.parse()
    typed = [ln for ln in run.lines if ln[0] == "T"]
    if not typed:
        return False
    subject = typed[-1][1]
    reopened = run.recovered
    start = reopened[1] if reopened and reopened[0] == subject else 0
    word = len(f"{subject} word 00000. ")  # body_text's words (kill_child.py): all of one length
    # three words in a row: a long value's bytes are cut where SQLite's pages end, and one of them may be
    needles = [f"{subject} word {k:05d}. ".encode() for k in range(start // word + 1, start // word + 4)]
    files = [p.read_bytes() for p in home.rglob("journal.sqlite3*") if p.is_file()]
    return any(needle in blob for needle in needles for blob in files)


def _on_server(data, n: int) -> bool:
    """This run's save reached the server's Drafts."""
    return any(i["subject"].startswith(f"kill r{n} ") for i in sandbox_items(data)["drafts"])


def test_password_never_reaches_logs_config_journal_or_crash_output(tmp_path):
    home, data = tmp_path / "home", tmp_path / "sandbox"
    home.mkdir()
    data.mkdir()
    sb = SandboxProcess(data)
    runs, proc = [], None
    try:
        for n, plan in enumerate(("save_commit", "send_commit", "type")):  # no fault: a plain save / send
            run, proc, offset = start_app(home, sb, n, plan)
            run.go.touch()
            assert wait_for(lambda: run.log.exists() and "RECOVERED" in run.log.read_text(), 90, proc)
            if plan != "type":
                action = "SAVE" if plan == "save_commit" else "SEND"
                assert wait_for(lambda: f"\n{action}\t" in run.log.read_text(), 30, proc)
            # killed once the app has written what it does with the account: the typed message autosaved
            # to the journal (after the save, or the send and its answer), not after a pause
            if plan == "send_commit":
                assert wait_for(lambda: "\nSENT\t" in run.log.read_text(), 30, proc)
            if plan == "save_commit":
                assert wait_for(lambda: _on_server(data, n), 30, proc, step=0.2)
            assert wait_for(lambda: _journaled(home, run), 30, proc)
            runs.append(kill(run, proc, home, offset))
    finally:
        if proc is not None and proc.poll() is None:  # a wait that failed: the app must not type on after the test
            proc.kill()
            proc.communicate()
        sb.stop()
    user = sb.alice
    assert len(user["password"]) >= 6
    needles = _needles(user)

    def scan() -> tuple[int, list[str]]:
        searched, hits = 0, []
        for p in home.rglob("*"):
            if not p.is_file():
                continue
            blob = p.read_bytes()
            searched += 1
            hits += [str(p.relative_to(home)) for nd in needles if nd in blob]
        return searched, hits

    searched, hits = scan()
    control = home / "logs" / "control.txt"  # positive control: the scan does find a planted copy
    control.write_bytes(b"x" + needles[2] + b"y")
    assert "logs/control.txt" in scan()[1]
    control.unlink()
    for r in runs:
        hits += [f"run {r.n} output" for nd in needles if nd in r.out or nd in r.err]
    names = {p.name for p in home.rglob("*") if p.is_file()}
    assert {"journal.sqlite3", "dispatch.log"} <= names, names  # the places that matter were there
    assert searched >= 4 and not hits, hits
