"""``dispatch-mail send | sendmail`` against faults, as a script meets them: each command a real subprocess
(``python -m app ...``, no window), the sandbox server in its own process that outlives every kill -9 of a
command (tests/helpers/commands.py).

- killed after the server committed the send (its answer held by ``hold_after_commit``), then the same
  command again: one copy in Sent Items and in Bob's Inbox, and the second command says sent (0);
- killed at other points (while starting, with the message journaled and its send on the wire, before the
  server ran it): never lost (the next command sends what was left), never twice;
- two commands at once on one account, several rounds: no duplicate and no lost message.
"""

from __future__ import annotations

import pytest

from tests.helpers.commands import BOB, kill_9, rfc822, wait_until

EX_OK = 0
HOLD = 120.0  # seconds the server holds a committed answer (the command is killed long before)


def _sends(entries) -> list:
    return [e for e in entries if e.op == "send"]


@pytest.mark.timeout(180)
def test_sendmail_killed_after_the_server_committed_then_run_again_sends_once(server, home):
    mid = "<kill-after-commit-1@scripts.example>"
    message = rfc822(mid, "killed after commit")
    server.inject("CreateItem", "hold_after_commit", seconds=HOLD, then="drop")
    proc = home.start("sendmail", BOB, stdin=message)
    wait_until(lambda: ("CreateItem", "hold_after_commit") in server.fired(), 60, proc)
    # the server has the message in Sent Items and Bob's Inbox; the command has not heard so
    assert server.copies()["inbox"][mid] == 1
    kill_9(proc)
    journaled = _sends(home.journal())
    assert [(e.draft.internet_message_id, e.state) for e in journaled] == [(mid, "submitting")]
    server.release()  # the held answer is dropped (its command is gone)

    again = home.run("sendmail", BOB, stdin=message)  # its send restored, unknown: the command follows it
    assert again.returncode == EX_OK, again.stderr
    copies = server.copies()
    assert (copies["sent"][mid], copies["inbox"][mid], copies["drafts"][mid]) == (1, 1, 0)
    assert _sends(home.journal()) == []  # settled: nothing left to send

    third = home.run("sendmail", BOB, stdin=message)  # settled already: found in Sent Items, not sent again
    assert third.returncode == EX_OK, third.stderr
    copies = server.copies()
    assert (copies["sent"][mid], copies["inbox"][mid]) == (1, 1)
    assert b"Already sent" in third.stdout


@pytest.mark.timeout(120)
def test_sendmail_killed_while_starting_journals_nothing_and_the_same_command_again_sends_once(server, home):
    mid = "<killed-starting@scripts.example>"
    message = rfc822(mid, "killed while starting")
    proc = home.start("sendmail", BOB, stdin=message)
    kill_9(proc)  # at once: Python is still starting, long before anything is read or journaled
    assert _sends(home.journal()) == []
    assert server.copies()["inbox"][mid] == 0

    again = home.run("sendmail", BOB, stdin=message)
    assert again.returncode == EX_OK, again.stderr
    copies = server.copies()
    assert (copies["sent"][mid], copies["inbox"][mid]) == (1, 1)


@pytest.mark.timeout(240)
def test_killed_with_the_message_journaled_and_not_sent_the_next_command_sends_it(server, home):
    """The server says "busy, come back in two minutes" (did nothing): the command has journaled the message
    and waits. Killed there, the NEXT command (another message) sends what was left, and its own, once each."""
    left, mine = "<left-queued@scripts.example>", "<next-command@scripts.example>"
    server.inject("CreateItem", "server_busy", backoff_ms=int(HOLD * 1000))
    proc = home.start("sendmail", BOB, stdin=rfc822(left, "left queued"))
    wait_until(lambda: ("CreateItem", "server_busy") in server.fired(), 60, proc)
    wait_until(lambda: [e.state for e in _sends(home.journal())] == ["queued"], 30, proc)
    kill_9(proc)
    assert server.copies()["inbox"][left] == 0

    nxt = home.run("sendmail", BOB, stdin=rfc822(mine, "the next command"))
    assert nxt.returncode == EX_OK, nxt.stderr
    copies = server.copies()
    assert (copies["sent"][left], copies["inbox"][left]) == (1, 1), "what the killed command left was not sent"
    assert (copies["sent"][mine], copies["inbox"][mine]) == (1, 1)
    assert _sends(home.journal()) == []


@pytest.mark.timeout(240)
def test_killed_while_the_server_runs_the_send_the_next_command_settles_it_never_twice(server, home):
    """Killed while the send is on the wire and the server has not run it yet (a ``delay``: it runs after the
    pause, with nobody left to answer). The next command looks it up by Message-ID before anything is repeated:
    one copy, and the next command's own message too."""
    left, mine = "<left-on-the-wire@scripts.example>", "<after-the-wire@scripts.example>"
    server.inject("CreateItem", "delay", seconds=1.0)
    proc = home.start("sendmail", BOB, stdin=rfc822(left, "left on the wire"))
    wait_until(lambda: ("CreateItem", "delay") in server.fired(), 60, proc)
    assert server.copies()["inbox"][left] == 0  # not run yet
    kill_9(proc)
    assert [e.state for e in _sends(home.journal())] == ["submitting"]

    nxt = home.run("sendmail", BOB, stdin=rfc822(mine, "after the wire"))
    assert nxt.returncode == EX_OK, nxt.stderr
    copies = server.copies()
    assert (copies["sent"][left], copies["inbox"][left]) == (1, 1)
    assert (copies["sent"][mine], copies["inbox"][mine]) == (1, 1)
    assert _sends(home.journal()) == []


ROUNDS = 5


@pytest.mark.timeout(300)
def test_two_commands_at_once_on_one_account_no_duplicate_no_loss(server, home):
    """Two loops of ``sendmail`` side by side, started together, with a killed command's message left queued in
    the journal: in each round one command drives the queue and the other hands its message over through the
    door, or waits for the lock while the first closes. Every command says sent (0); every message, the one
    left too, is once in Sent Items and in Bob's Inbox."""
    import threading

    left = "<two-at-once-left@scripts.example>"  # a killed command's message, queued in the journal
    server.inject("CreateItem", "server_busy", backoff_ms=int(HOLD * 1000))
    proc = home.start("sendmail", BOB, stdin=rfc822(left, "left for two"))
    # the busy answer taken by this command (killed before its first try, it left the fault for the next one)
    wait_until(lambda: ("CreateItem", "server_busy") in server.fired(), 60, proc)
    wait_until(lambda: [e.state for e in _sends(home.journal())] == ["queued"], 60, proc)
    kill_9(proc)
    results: list[tuple[str, int, bytes]] = []
    start = threading.Barrier(2)

    def loop(name: str) -> None:
        start.wait()
        for i in range(ROUNDS):
            mid = f"<two-at-once-{name}-{i}@scripts.example>"
            done = home.run("sendmail", BOB, stdin=rfc822(mid, f"two at once {name} {i}"))
            results.append((mid, done.returncode, done.stderr))

    loops = [threading.Thread(target=loop, args=(n,)) for n in "ab"]
    for t in loops:
        t.start()
    for t in loops:
        t.join(240)
    assert len(results) == 2 * ROUNDS
    assert [(mid, code) for mid, code, _ in results if code != 0] == [], [e for *_, e in results]
    copies = server.copies()
    for mid in [left, *(mid for mid, _code, _err in results)]:  # the first two restore it: one sends it
        assert (copies["sent"][mid], copies["inbox"][mid]) == (1, 1), mid
    assert _sends(home.journal()) == []


@pytest.mark.timeout(120)
def test_a_real_send_imports_no_qt(server, home):
    """``python -X importtime`` lists every module the command loaded, on stderr: a real send over EWS (the
    command drives the queue itself) loads exchangelib and neither PySide6 nor qasync."""
    env = dict(home.env, PYTHONPROFILEIMPORTTIME="1")
    mid = "<no-qt@scripts.example>"
    done = home.run("sendmail", BOB, stdin=rfc822(mid, "no qt"), env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = {line.rsplit("|", 1)[1].strip().split(".")[0]
              for line in done.stderr.decode().splitlines() if line.startswith("import time:") and "|" in line}
    assert {"exchangelib", "app"} <= loaded  # the list is the real one: the send's own modules are in it
    assert not loaded & {"PySide6", "shiboken6", "qasync"}, sorted(loaded & {"PySide6", "shiboken6", "qasync"})
    assert server.copies()["inbox"][mid] == 1


@pytest.mark.timeout(180)
def test_while_another_process_holds_the_lock_a_command_waits_for_its_door_and_hands_over(server, home):
    """A process holding the account's lock with no door yet (a window starting) has the queue: a command then
    drives nothing (it would restore and send the journal's messages beside it), it knocks until the door opens
    and hands its message over. The message a killed command left queued goes once, from the holder."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tests.helpers.commands import PASSWORD_VAR

    left, mine = "<left-for-the-holder@scripts.example>", "<handed-to-the-holder@scripts.example>"
    server.inject("CreateItem", "server_busy", backoff_ms=int(HOLD * 1000))
    killed = home.start("sendmail", BOB, stdin=rfc822(left, "left for the holder"))
    # the busy answer taken by the killed command (killed before its first try, it left the fault armed for the
    # holder, whose send then waited the two minutes' back-off)
    wait_until(lambda: ("CreateItem", "server_busy") in server.fired(), 60, killed)
    wait_until(lambda: [e.state for e in _sends(home.journal())] == ["queued"], 60, killed)
    kill_9(killed)

    holder = subprocess.Popen([sys.executable, str(Path(__file__).with_name("door_holder_child.py")), PASSWORD_VAR],
                              env=home.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"LOCKED", holder.stderr.read()[-3000:]
        proc = home.start("sendmail", BOB, stdin=rfc822(mine, "handed to the holder"))
        # a command that does not wait would be done in this time: watched for a while (a negative has no event)
        deadline = time.monotonic() + 8.0
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert proc.poll() is None, f"the command did not wait for the lock's holder: {proc.communicate()!r}"
        assert server.copies()["inbox"][left] == 0 and [e.draft.internet_message_id for e in _sends(home.journal())] \
            == [left]
        holder.stdin.write(b"go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == b"OPEN", holder.stderr.read()[-3000:]
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == EX_OK, err
        assert (server.copies()["sent"][mine], server.copies()["inbox"][mine]) == (1, 1)
        # the holder's queue sends the left message on its own time (its reconciling of the draft the killed
        # command created may still be under way when the handed-over one is answered): waited for, then once
        wait_until(lambda: server.copies()["inbox"][left] >= 1, 60, holder)
        copies = server.copies()
        assert (copies["sent"][left], copies["inbox"][left]) == (1, 1)
    finally:
        if holder.poll() is None:
            holder.terminate()
        holder.communicate(timeout=60)
