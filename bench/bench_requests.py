"""EWS requests per user-visible flow: Dispatch's backend against plain exchangelib doing the same. Prints
one table; asserts nothing (targets are what the product promises).

Measures: the operations each flow sends to an in-process sandbox (no network), counted with its
``request_log``.

Baseline (same run): plain exchangelib doing each flow by hand.

Run: ``python bench/bench_requests.py``

Results: printed only (bench/bench_requests_graph.py's table, which has these EWS counts too, is the one
published).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.account import AccountConfig  # noqa: E402
from app.domain.models import Attachment, Draft, Folder, Recipient  # noqa: E402
from app.mail.ews import EwsMailService  # noqa: E402
from app.sandbox import Sandbox  # noqa: E402

ALICE, BOB = "alice@example.com", "bob@example.com"
BATCH = 50


def _draft(i: int, attachments: int = 0) -> Draft:
    return Draft(
        to=[Recipient(BOB, "Bob")],
        subject=f"bench {i}",
        body=f"hello {i}",
        attachments=[Attachment(f"a{j}.bin", bytes([j]) * 2048) for j in range(attachments)],
    )


class Counter:
    def __init__(self, sb):
        self.sb = sb

    def measure(self, fn):
        n = len(self.sb.request_log)
        t0 = time.perf_counter()
        fn()
        ms = (time.perf_counter() - t0) * 1000
        ops = self.sb.request_log[n:]
        return len(ops), ops, ms


def _config(sb) -> tuple[AccountConfig, str]:
    info = next(a for a in sb.accounts if a["email"] == ALICE)
    return AccountConfig(email=ALICE, ews_url=sb.ews_url, username=info["username"]), info["password"]


def dispatch_flows(sb) -> dict:
    c = Counter(sb)
    cfg, pw = _config(sb)
    probe = EwsMailService(cfg, pw)  # learn the build once, as the app does on first start
    cfg.server_build = probe.connect().build
    probe.close()
    res = {}
    svc = EwsMailService(cfg, pw)
    res["start"] = c.measure(svc.connect)
    svc.close()
    svc = EwsMailService(cfg, pw)  # a fresh start: open the Drafts list first
    res["first_page"] = c.measure(lambda: svc.list_messages(Folder.DRAFTS, 0, 50))
    saved = {}
    res["save_new"] = c.measure(lambda: saved.setdefault("d", svc.save_draft(_draft(0, attachments=2))))
    from dataclasses import replace

    edited = replace(saved["d"], to=[Recipient("carol@example.com")], subject="bench 0 edited")
    res["save_again"] = c.measure(lambda: saved.__setitem__("d", svc.save_draft(edited)))
    res["save_again_ok"] = _has_recipient(sb, saved["d"].ref.id, "carol@example.com")
    res["send_one"] = c.measure(lambda: svc.send_drafts([saved["d"].ref]))
    refs = [svc.save_draft(_draft(i)).ref for i in range(1, BATCH + 1)]
    out = {}
    res["send_many"] = c.measure(lambda: out.setdefault("o", svc.send_drafts(refs)))
    res["send_many_ok"] = sum(1 for o in out["o"] if o.ok)
    svc.close()
    return res


def baseline_flows(sb) -> dict:
    """What straightforward exchangelib code does for the same flows."""
    from exchangelib import BASIC, DELEGATE, Account, Configuration, Credentials, FileAttachment, Mailbox, Message
    from exchangelib.protocol import close_connections

    c = Counter(sb)
    cfg, pw = _config(sb)
    close_connections()

    def account():
        config = Configuration(service_endpoint=sb.ews_url, credentials=Credentials(cfg.username, pw), auth_type=BASIC)
        return Account(ALICE, config=config, autodiscover=False, access_type=DELEGATE)

    res = {}
    acct = account()
    res["start"] = c.measure(lambda: acct.drafts)
    close_connections()
    acct = account()
    fields = ("subject", "display_to", "datetime_created", "has_attachments", "importance", "message_id")
    res["first_page"] = c.measure(
        lambda: list(acct.drafts.all().order_by("-datetime_created").only(*fields)[:50])
    )

    def save_new():
        m = Message(folder=acct.drafts, subject="bench 0", body="hello", to_recipients=[Mailbox(email_address=BOB)])
        m.attach([FileAttachment(name=f"a{j}.bin", content=bytes([j]) * 2048) for j in range(2)])
        m.save()
        return m

    holder = {}
    res["save_new"] = c.measure(lambda: holder.setdefault("m", save_new()))

    def save_again():  # the plain save(): To/Cc/Bcc are silently left out (the trap)
        holder["m"].to_recipients = [Mailbox(email_address="carol@example.com")]
        holder["m"].subject = "bench 0 edited"
        holder["m"].save()

    res["save_again"] = c.measure(save_again)
    res["save_again_ok"] = _has_recipient(sb, holder["m"].id, "carol@example.com")
    res["send_one"] = c.measure(lambda: holder["m"].send(save_copy=True, copy_to_folder=acct.sent))
    msgs = []
    for i in range(1, BATCH + 1):
        m = Message(folder=acct.drafts, subject=f"bench {i}", body="x", to_recipients=[Mailbox(email_address=BOB)])
        m.save()
        msgs.append(m)
    res["send_many"] = c.measure(lambda: [m.send(save_copy=True, copy_to_folder=acct.sent) for m in msgs])
    msgs = []
    for i in range(1, BATCH + 1):
        m = Message(folder=acct.drafts, subject=f"bulk {i}", body="x", to_recipients=[Mailbox(email_address=BOB)])
        m.save()
        msgs.append(m)
    res["bulk_send"] = c.measure(lambda: acct.bulk_send([(m.id, m.changekey) for m in msgs], save_copy=True))
    close_connections()
    return res


ROWS = [
    ("start", "Start with a cached version (no version probe)", "1"),
    ("first_page", "First Drafts page (50 rows)", "<=2"),
    ("save_new", "Save new draft with 2 attachments", "1"),
    ("save_again", "Save it again with new recipients", "1"),
    ("send_one", "Send one saved draft", "1"),
    ("send_many", f"Send {BATCH} selected drafts", "1"),
]


def _has_recipient(sb, item_id: str, email: str) -> bool:
    item = next((i for i in sb.mailbox(ALICE).items("drafts") if i["id"] == item_id), None)
    return item is not None and email in str(item.get("to"))


def _meets(target: str, n: int) -> bool:
    return n <= int(target[2:]) if target.startswith("<=") else n == int(target)


def main() -> int:
    sb = Sandbox(data=":memory:", port=0)
    sb.start()
    try:
        ours = dispatch_flows(sb)
        base = baseline_flows(sb)
    finally:
        sb.stop()
    w = 48
    print(f"{'flow':<{w}} {'target':>6} {'dispatch':>9} {'ms':>7} {'exchangelib':>12} {'ms':>7}  ok")
    print("-" * (w + 50))
    for key, label, target in ROWS:
        n, ops, ms = ours[key]
        bn, bops, bms = base[key]
        ok = "yes" if _meets(target, n) else "NO"
        print(f"{label:<{w}} {target:>6} {n:>9} {ms:>7.0f} {bn:>12} {bms:>7.0f}  {ok}")
    bn, _, bms = base["bulk_send"]
    print(f"{'  (exchangelib bulk_send: 1 request, but results lost on some codes)':<{w + 27}} {bn:>12} {bms:>7.0f}")
    print()
    print(f"new recipients on the server after the second save: dispatch {ours['save_again_ok']}, "
          f"exchangelib plain save() {base['save_again_ok']}")
    print(f"dispatch sent {ours['send_many_ok']}/{BATCH} in the batch")
    for key, label, _ in ROWS:
        print(f"  {label}: dispatch {ours[key][1]} | exchangelib {_squash(base[key][1])}")
    return 0


def _squash(ops: list[str]) -> str:
    out, prev, n = [], None, 0
    for op in ops + [None]:
        if op == prev:
            n += 1
            continue
        if prev is not None:
            out.append(f"{prev} x{n}" if n > 1 else prev)
        prev, n = op, 1
    return "[" + ", ".join(out) + "]"


if __name__ == "__main__":
    raise SystemExit(main())
