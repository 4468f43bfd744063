"""The window is running: ``dispatch-mail`` commands hand their messages to its Outbox through the account's door.

The real window in this process, on an Exchange account of the sandbox (over real HTTP); each command a real
``python -m app ...`` child process with this test's DISPATCH_HOME (the same settings, journal and door folder).
The window holds the account's lock and serves its door (app/core/account_queue/keeper.py); a message handed over is an
Outbox submission of the window's, shown there at once and sent from there, once (copies counted by Message-ID in
the recipient's inbox and in the sender's Sent Items)."""

from __future__ import annotations

import json
import os
import stat
from collections import Counter

import pytest
from PySide6.QtCore import Qt

from app.core.scripts.doors import AccountLock, door_dir, door_path
from app.core.account_queue.keeper import COMMAND_SENDS, OTHER_WINDOW
from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers import dispatch_mail as dm
from tests.helpers.door_window import account_set_up, open_account_window, send_args
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window

SUBJECT = "Nightly report"


@pytest.fixture
def home(short_home):
    """This test's own short DISPATCH_HOME (tests/conftest.py)."""
    return short_home


@pytest.fixture
def account(sandbox, home):
    """Alice's Exchange account on the sandbox, set up in Dispatch's settings (as a command reads them)."""
    return account_set_up(sandbox)


@pytest.fixture
def running(qtbot, aloop, account):
    """The window running on Alice's account, its door open."""
    win, session = open_account_window(qtbot, account)
    yield win
    close_window(win, session)


def shot(qtbot, win, path) -> None:
    """The Outbox page as laid out and painted (its table is sized once shown)."""
    view = win.journal_bridge.show_outbox()
    shown = view.table if view.table.isVisibleTo(view) else view.empty
    qtbot.waitUntil(lambda: shown.isVisible() and shown.width() > 300, timeout=5000)
    qtbot.waitExposed(win)
    win.grab().save(str(path))


def outbox_rows(win) -> list[tuple[str, str, str]]:
    return win.journal_bridge.show_outbox().rows()


def copies(sandbox, mids) -> tuple[Counter, Counter]:
    """How many copies of each Message-ID Bob received, and Alice's Sent Items holds."""
    inbox = Counter(i["internet_message_id"] for i in sandbox.mailbox(BOB).items(Folder.INBOX.value))
    sent = Counter(i["internet_message_id"] for i in sandbox.mailbox(ALICE).items(Folder.SENT.value))
    return Counter({m: inbox[m] for m in mids}), Counter({m: sent[m] for m in mids})


def wait_sent_once(qtbot, sandbox, mids) -> None:
    qtbot.waitUntil(lambda: all(n >= 1 for c in copies(sandbox, mids) for n in c.values()), timeout=60000)
    inbox, sent = copies(sandbox, mids)
    assert set(inbox.values()) == {1} and set(sent.values()) == {1}, (inbox, sent)


def test_a_command_hands_its_message_to_the_running_window(qtbot, running, sandbox, home, tmp_path,
                                                           screenshot_dir):
    body = tmp_path / "report.txt"
    body.write_text("All green.\n", encoding="utf-8")
    code, out, err = dm.run(qtbot, send_args(SUBJECT, body, "--no-wait"), home)
    assert code == 0, err
    [said] = dm.json_lines(out)
    assert said["result"] in ("queued", "sent")
    outbox = running.session.outbox
    sub = outbox.queue.submission(said["id"])
    assert sub is not None, "the window's own Outbox has the message (it was not sent by the command itself)"
    assert sub.draft.internet_message_id == said["message_id"]
    # shown in the window's Outbox at once (a row of its own), then sent from there, once
    qtbot.waitUntil(lambda: any(r[0] == SUBJECT for r in outbox_rows(running)), timeout=5000)
    shot(qtbot, running, screenshot_dir / "outbox-handed-over.png")
    wait_sent_once(qtbot, sandbox, [said["message_id"]])


def test_twenty_commands_in_a_loop_each_go_out_once_from_the_window(qtbot, running, sandbox, home, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("ping\n", encoding="utf-8")
    loop = (f'for i in $(seq 1 20); do $DM send --to {BOB} --subject "Loop $i" --body-file {body} --json --no-wait'
            ' || echo "FAILED $i $?"; done')
    code, out, err = dm.finish(qtbot, dm.start([], home, shell=loop), timeout_ms=180000)
    assert code == 0 and "FAILED" not in out, (out, err)
    said = dm.json_lines(out)
    assert len(said) == 20
    outbox = running.session.outbox
    assert all(outbox.queue.submission(s["id"]) is not None for s in said), "every message is in the window's Outbox"
    qtbot.waitUntil(lambda: {f"Loop {i}" for i in range(1, 21)} <= {r[0] for r in outbox_rows(running)},
                    timeout=5000)
    mids = [s["message_id"] for s in said]
    assert len(set(mids)) == 20
    wait_sent_once(qtbot, sandbox, mids)


def test_outbox_and_cancel_through_the_window_put_the_message_back_in_compose(qtbot, running, sandbox, home, tmp_path):
    """A message a command handed over that waits in the window's Outbox (the server busy: it waits to be tried
    again in a minute), listed by ``outbox`` and taken out by ``outbox cancel``: the user's again, in Compose."""
    body = tmp_path / "later.txt"
    body.write_text("For tomorrow.\n", encoding="utf-8")
    sandbox.faults.inject("CreateItem", "server_busy", count=-1, backoff_ms=60000)  # asked to come back in a minute
    code, out, err = dm.run(qtbot, send_args("Waiting in the Outbox", body, "--no-wait"), home)
    assert code == 0, err
    [waiting] = dm.json_lines(out)
    sub = running.session.outbox.queue.submission(waiting["id"])
    qtbot.waitUntil(lambda: bool(sandbox.faults.fired_list()) and sub.state == SubState.QUEUED and sub.attempts >= 1,
                    timeout=20000)  # tried once, refused for now: it waits here for its next try
    code, out, err = dm.run(qtbot, ["outbox", "--json"], home)
    assert code == 0, err
    [listed] = [r for r in json.loads(out)["entries"] if r["id"] == waiting["id"]]
    assert listed["subject"] == "Waiting in the Outbox" and listed["can_cancel"] and not listed.get("kept_by_server")
    assert running.compose.is_empty()
    code, out, err = dm.run(qtbot, ["outbox", "cancel", waiting["id"][:8]], home)
    assert code == 0, err
    assert "Taken out of the Outbox" in out
    # the message taken out is the user's again, in the window: Compose was empty, so there
    qtbot.waitUntil(lambda: running.compose.subject.text() == "Waiting in the Outbox", timeout=5000)
    assert "For tomorrow." in running.compose.draft().body
    qtbot.waitUntil(lambda: not any(r[0] == "Waiting in the Outbox" for r in outbox_rows(running)), timeout=5000)
    sandbox.faults.clear()
    assert sandbox.mailbox(BOB).items(Folder.INBOX.value) == []


def test_send_later_through_the_window_is_kept_by_exchange_and_cancel_takes_it_back_to_drafts(
        qtbot, running, sandbox, home, tmp_path):
    """``send --later`` handed to the window: Exchange keeps it (issue 79); ``outbox`` lists the server's copy, the
    window's Outbox shows it, and ``outbox cancel`` of its ID takes it back to Drafts, never sent."""
    body = tmp_path / "later.txt"
    body.write_text("For tomorrow.\n", encoding="utf-8")
    code, out, err = dm.run(qtbot, send_args("Held for tomorrow", body, "--later", "tomorrow 8:00"), home)
    assert code == 0, err
    [said] = dm.json_lines(out)
    assert said["result"] == "scheduled" and said["send_at"]
    assert [i["subject"] for i in sandbox.mailbox(ALICE).items("outbox")] == ["Held for tomorrow"]
    code, out, err = dm.run(qtbot, ["outbox", "--json"], home)
    assert code == 0, err
    [kept] = [r for r in json.loads(out)["entries"] if r.get("kept_by_server")]
    assert (kept["subject"], kept["message_id"]) == ("Held for tomorrow", said["message_id"]) and kept["can_cancel"]
    running.journal_bridge.kept.read()  # the window reads the server's Outbox (as F5 does)
    qtbot.waitUntil(lambda: [(r[0], r[2].endswith("(kept by Exchange)")) for r in outbox_rows(running)]
                    == [("Held for tomorrow", True)], timeout=10000)
    code, out, err = dm.run(qtbot, ["outbox", "cancel", kept["id"][:8]], home)
    assert code == 0, err
    assert "Taken back: it is in Drafts, not sent" in out
    assert sandbox.mailbox(ALICE).items("outbox") == []
    assert [i["subject"] for i in sandbox.mailbox(ALICE).items(Folder.DRAFTS.value)] == ["Held for tomorrow"]
    running.journal_bridge.kept.read()
    qtbot.waitUntil(lambda: not any(r[0] == "Held for tomorrow" for r in outbox_rows(running)), timeout=10000)
    sandbox.advance_clock(2 * 24 * 3600)  # well past its time: Exchange sends nothing, it was taken back
    assert sandbox.outbox.wait_idle(10)
    assert sandbox.mailbox(BOB).items(Folder.INBOX.value) == []
    assert sandbox.mailbox(ALICE).items(Folder.SENT.value) == []


def test_the_door_is_private(running, account):
    acc = account[0]
    folder = os.stat(door_dir())
    door = os.stat(door_path(acc.key))
    assert stat.S_IMODE(folder.st_mode) == 0o700 and folder.st_uid == os.getuid()
    assert stat.S_ISSOCK(door.st_mode) and stat.S_IMODE(door.st_mode) == 0o600
    assert not AccountLock(acc.key).take(), "the window holds the account's lock"


def test_the_window_reads_no_system_file_for_a_command_however_its_path_gets_there(qtbot, running, sandbox, home,
                                                                                   tmp_path):
    """Issue 74, item 5: read by the window, /proc/self/… is the *window's* (its environment held the password).
    The window holds the account's lock, so each command is answered by it: 66, nothing queued, nothing sent."""
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "env-link").symlink_to("/proc/self/environ")
    (tmp_path / "fifo-link").symlink_to(tmp_path / "fifo")
    shapes = {"..": "/tmp/../proc/self/environ", "relative": "../" * 40 + "proc/self/environ",
              "a link": str(tmp_path / "env-link"), "a FIFO": str(tmp_path / "fifo"),
              "a link to a FIFO": str(tmp_path / "fifo-link"), "a device": "/tmp/../dev/zero"}
    before = len(running.session.outbox.queue.submissions())
    for shape, path in shapes.items():
        code, out, err = dm.run(qtbot, ["send", "--to", BOB, "--subject", f"Attached {shape}", "--attach", path],
                                home)
        assert code == 66 and "not an ordinary file" in err, (shape, code, out, err)
    assert len(running.session.outbox.queue.submissions()) == before
    subjects = [i.get("subject") for i in sandbox.mailbox(BOB).items(Folder.INBOX.value)]
    assert not any(str(s).startswith("Attached") for s in subjects), subjects


def test_another_accounts_command_is_not_taken_by_this_window(qtbot, running, home, tmp_path):
    body = tmp_path / "b.txt"
    body.write_text("x\n", encoding="utf-8")
    before = len(running.session.outbox.queue.submissions())
    code, out, err = dm.run(qtbot, ["send", "--account", "carol@example.com", "--to", BOB, "--subject", "Not hers",
                                    "--body-file", str(body)], home)
    # the window's door said "not mine": the command ran itself, and found no such account set up (78)
    assert code == 78, (code, out, err)
    assert "carol@example.com" in err
    assert len(running.session.outbox.queue.submissions()) == before


def test_a_command_holding_the_lock_keeps_the_window_waiting_then_the_window_sends_what_it_left(
        qtbot, aloop, sandbox, account, home, tmp_path, screenshot_dir):
    acc = account[0]
    body = tmp_path / "left.txt"
    body.write_text("Left by a command.\n", encoding="utf-8")
    # the server is busy for the command's sends (each asked to come back in a minute): the command holds the
    # account's lock, its message journaled, until its --wait ends
    sandbox.faults.inject("CreateItem", "server_busy", count=-1, backoff_ms=60000)
    proc = dm.start(send_args("Left behind", body, "--wait", "8", "--password-env", "PW"), home, PW=account[1])
    qtbot.waitUntil(lambda: bool(sandbox.faults.fired_list()) or proc.poll() is not None, timeout=30000)
    assert proc.poll() is None, proc.communicate()
    assert AccountLock(acc.key).holder()[0] == "command"
    win, session = open_account_window(qtbot, account, door=False)
    try:
        assert session.outbox is None, "the window does not drive the journal a command drives"
        view = win.journal_bridge.show_outbox()
        assert COMMAND_SENDS in view.empty.text()
        buttons = (view.edit_button, view.delete_button, view.retry_button, view.now_button)
        assert not any(b.isVisible() for b in buttons), "no queue here for the Outbox's buttons to act on"
        assert win.status.queue_notice.isVisible() and win.status.queue_notice.accessibleDescription() == COMMAND_SENDS
        shot(qtbot, win, screenshot_dir / "outbox-command-sending.png")
        sandbox.faults.clear()  # the server is back; the command's Outbox waits out the minute it was told
        code, out, err = dm.finish(qtbot, proc)
        assert code == 75, (out, err)  # not sent yet: it waits in the Outbox
        [left] = dm.json_lines(out)
        # the command let go: the window's Outbox opens, restores what it left, and sends it (once)
        qtbot.waitUntil(lambda: session.outbox is not None, timeout=10000)
        qtbot.waitUntil(lambda: any(r[0] == "Left behind" for r in view.rows()), timeout=5000)
        assert COMMAND_SENDS not in view.empty.text() and not win.status.queue_notice.isVisible()
        assert all(b.isVisible() for b in buttons)
        wait_sent_once(qtbot, sandbox, [left["message_id"]])
        qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)), timeout=10000)  # its door is open now
    finally:
        close_window(win, session)


def test_while_another_window_sends_for_the_account_this_one_says_so_and_compose_stays_usable(
        qtbot, aloop, sandbox, account, home):
    acc, password, _settings = account
    other = dm.start(["--ews-url", acc.ews_url, "--email", ALICE, "--username", acc.username, "--password-env", "PW"],
                     home, PW=password, QT_QPA_PLATFORM="offscreen")
    try:
        qtbot.waitUntil(lambda: AccountLock(acc.key).holder() == ("window", other.pid) or other.poll() is not None,
                        timeout=60000)
        assert other.poll() is None, other.communicate()
        win, session = open_account_window(qtbot, account, door=False)
        try:
            assert session.outbox is None
            view = win.journal_bridge.show_outbox()
            assert OTHER_WINDOW in view.empty.text()
            assert win.status.queue_notice.accessibleDescription() == OTHER_WINDOW
            # Compose is still the user's: what is typed is kept on this computer; a send says why it waits
            win.show_view("compose")
            qtbot.keyClicks(win.compose.to, BOB)
            qtbot.keyClicks(win.compose.subject, "Typed meanwhile")
            win.journal_bridge.autosave.flush()
            lid = win.compose.identity().local_id
            qtbot.waitUntil(lambda: win.journal_bridge.journal.get(lid) is not None, timeout=5000)
            from tests.helpers.heard import Heard

            heard = Heard(win.announcer)
            qtbot.keyClick(win.compose.subject, Qt.Key_Return, Qt.ControlModifier)
            qtbot.waitUntil(lambda: win.compose.error_text().endswith(OTHER_WINDOW), timeout=5000)
            assert heard.said == [(win.compose.error_text(), True)], "why it stays is said at once"
            assert win.compose.subject.text() == "Typed meanwhile"
            other.kill()  # that window ends (its lock goes with it): this one's Outbox opens
            other.communicate(timeout=30)
            qtbot.waitUntil(lambda: session.outbox is not None, timeout=10000)
            assert OTHER_WINDOW not in view.empty.text() and not win.status.queue_notice.isVisible()
            assert win.compose.error_text() == "" and win.compose.subject.text() == "Typed meanwhile"
            qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)), timeout=10000)
        finally:
            close_window(win, session)
    finally:
        if other.poll() is None:
            other.kill()
            other.communicate(timeout=30)


def test_the_app_as_a_process_takes_a_command_and_once_it_is_gone_a_command_runs_itself(
        qtbot, sandbox, account, home, tmp_path):
    """The real app (``python -m app``, its own process) serves the door; killed, it leaves its socket behind and
    its lock goes with it: the next command finds nobody behind the door and sends by itself."""
    acc, password, _settings = account
    body = tmp_path / "b.txt"
    body.write_text("From cron.\n", encoding="utf-8")
    app = dm.start(["--ews-url", acc.ews_url, "--email", ALICE, "--username", acc.username, "--password-env", "PW"],
                   home, PW=password, QT_QPA_PLATFORM="offscreen")
    try:
        qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)) or app.poll() is not None, timeout=60000)
        assert app.poll() is None, app.communicate()
        # no password given to the command: only the window can have sent it
        code, out, err = dm.run(qtbot, send_args("Through the app", body), home)
        assert code == 0, err
        [handed] = dm.json_lines(out)
        assert handed["result"] == "sent"
        app.kill()
        app.communicate(timeout=30)
        assert os.path.exists(door_path(acc.key)), "a door left by a process that ended"
        code, out, err = dm.run(qtbot, send_args("By itself", body, "--password-env", "PW"), home, PW=password)
        assert code == 0, err
        [alone] = dm.json_lines(out)
        wait_sent_once(qtbot, sandbox, [handed["message_id"], alone["message_id"]])
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)


def test_a_plain_kill_of_the_app_closes_its_door(qtbot, sandbox, account, home):
    """SIGTERM (a log-out, a service stopped, a plain ``kill``) closes the window as quitting does: its door's
    socket goes with it (issue 74, item 14); after kill -9 the next start and command are not blocked by the one
    left behind (the test above)."""
    acc, password, _settings = account
    app = dm.start(["--ews-url", acc.ews_url, "--email", ALICE, "--username", acc.username, "--password-env", "PW"],
                   home, PW=password, QT_QPA_PLATFORM="offscreen")
    try:
        qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)) or app.poll() is not None, timeout=60000)
        assert app.poll() is None, app.communicate()
        app.terminate()
        app.communicate(timeout=60)
        assert app.returncode == 0
        assert not os.path.exists(door_path(acc.key)), "a door left by a window closed with SIGTERM"
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate(timeout=30)


# ------------------------------------------------------------------ issue 77, item 4: one window
def test_a_second_start_with_a_link_hands_it_to_the_running_window_and_ends(qtbot, running, account, home,
                                                                                 sandbox):
    """``dispatch-mail 'mailto:…'`` (what the desktop runs for a link) while the window runs: the child hands the
    link over the door and ends, 0, saying nothing (no second window: it never gets to Qt); the window opens the
    link as a new message, what was being written going to Drafts first, as with Ctrl+N."""
    from tests.helpers.compose import type_message
    from tests.helpers.mailbox import items

    win, c = running, running.compose
    type_message(qtbot, win, cc="", bcc="", subject="Being written", body="half")
    code, out, err = dm.run(qtbot, ["mailto:bob@example.com?subject=From%20a%20link&body=Hi%20Bob"], home)
    assert (code, out, err) == (0, "", ""), (code, out, err)
    assert _processes_of(home) == [], "one window: no process the start made runs on"
    qtbot.waitUntil(lambda: c.subject.text() == "From a link", timeout=10000)
    assert [r.email for r in c.draft().to] == [BOB]
    qtbot.waitUntil(lambda: any(m["subject"] == "Being written" for m in items(sandbox, "drafts")), timeout=20000)
    # and a start with nothing to open only brings the window forward
    code, out, err = dm.run(qtbot, [], home)
    assert (code, out, err) == (0, "", "") and c.subject.text() == "From a link"
    # the window takes a start whatever account it shows: here one that is no longer the account set up
    from app.domain.account import AccountConfig

    settings = account[2]  # the window's own settings: the account set up is another one now
    settings.set_account(AccountConfig(email=BOB, ews_url=sandbox.ews_url, username=BOB))
    assert settings.account().email == BOB and win.session.account.email == ALICE
    code, out, err = dm.run(qtbot, ["mailto:carol@example.com?subject=Another%20link"], home)
    assert (code, out, err) == (0, "", ""), (code, out, err)
    qtbot.waitUntil(lambda: c.subject.text() == "Another link", timeout=10000)


def _processes_of(home) -> list[int]:
    """The processes started with DISPATCH_HOME ``home`` (the process list, read from /proc): any Dispatch a start
    left running (this test's own process set it after it started: /proc shows a process's first environment)."""
    found = []
    wanted = f"DISPATCH_HOME={home}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if wanted in f.read().split(b"\0"):
                    found.append(int(entry))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return sorted(found)
