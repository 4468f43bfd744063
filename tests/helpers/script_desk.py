"""The desk that answers a ``dispatch-mail`` command (app/core/scripts/desk.py) on a test's Outbox (``box``,
tests/mail/outbox_harness.py), and a command line made into the request it hands the desk."""

from __future__ import annotations

from app.command import send_args as sc
from app.core.scripts.desk import ScriptDesk
from app.core.scripts.door_protocol import Reply
from app.domain.account import AccountConfig
from tests.helpers.backends import ALICE

ACCOUNT = AccountConfig(email=ALICE, ews_url="https://mail.example.com/EWS/Exchange.asmx", username=ALICE)


def desk_of(box, *, configured=ACCOUNT, principals=()):
    return ScriptDesk(box.ob, ACCOUNT, configured=lambda: configured, principals=lambda: list(principals))


def typed(desk, argv, stdin: bytes | None = None, cwd: str = "."):
    """The typed request the command builds from ``argv`` (app/command/send_args.py), against the desk's limit as
    the door tells it; or the command's own refusal."""
    data = stdin or b""
    try:
        return sc.request(list(argv), stdin=lambda n: data[:n], cwd=cwd, max_send_bytes=desk.limit())
    except sc.CommandError as exc:
        return Reply(exc.exit_code, err=f"{exc}\n")


def ask(box, desk, *argv, stdin: bytes | None = None, cwd: str = "."):
    recorded: list[str] = []
    request = typed(desk, argv, stdin, cwd)
    reply = request if isinstance(request, Reply) else box.run(desk.answer(request, recorded.append))
    return reply, recorded
