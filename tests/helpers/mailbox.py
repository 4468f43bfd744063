"""The sandbox mailbox's contents: what a folder holds, the addresses of a recipient field, drafts and sent
mail put there by exchangelib (as another client would)."""

from collections import Counter

from exchangelib import FileAttachment, HTMLBody, Mailbox, Message

from app.domain.models import Folder
from tests.helpers.ews_accounts import make_account
from tests.helpers.backends import ALICE


def emails(field) -> set[str]:
    out = set()
    for r in field or []:
        if isinstance(r, dict):
            out.add((r.get("email") or r.get("address") or r.get("EmailAddress") or "").lower())
        elif isinstance(r, str):
            out.add(r.split("<")[-1].rstrip(">").strip().lower())
        else:
            out.add(str(getattr(r, "email", r)).lower())
    return out


def items(sb, folder, who=ALICE):
    return sb.mailbox(who).items(folder)


def sent_mids(sb) -> Counter:
    return Counter(i["internet_message_id"] for i in sb.mailbox(ALICE).items(Folder.SENT.value))


def seed_drafts(sandbox, n: int, prefix: str = "Draft") -> None:
    alice = make_account(sandbox, ALICE)
    alice.bulk_create(folder=alice.drafts, items=[
        Message(account=alice, folder=alice.drafts, subject=f"{prefix} {i:02d}", body=f"body {i}",
                to_recipients=[Mailbox(email_address="bob@example.com")]) for i in range(n)])


def seed_sent(sandbox, subject: str, attachments=(), to="bob@example.com") -> None:
    alice = make_account(sandbox, ALICE)
    m = Message(account=alice, folder=alice.sent, subject=subject, body=HTMLBody(f"<p>{subject}</p>"),
                to_recipients=[Mailbox(email_address=to)])
    for name, data in attachments:
        m.attach(FileAttachment(name=name, content=data))
    m.send_and_save()
