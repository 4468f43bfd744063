"""Requests per user-visible flow on Microsoft Graph next to EWS: Dispatch's GraphMailService and
EwsMailService against the same in-process sandbox (``Sandbox(graph=True)``: one mailbox served both ways).
Prints a table; asserts nothing (targets are the product's promises for Graph).

Measures: EWS, the sandbox's ``request_log`` (one entry per SOAP request, i.e. per HTTP POST); Graph, HTTP
requests on the wire, counted by an httpx event hook on the sending client (a ``$batch`` is 1, each
upload-session PUT is 1), cross-checked against the sandbox's own log less the requests inside each
``$batch`` (bench/graph_wire.py); wall time per flow.

Baselines (same run): what straightforward code does by hand, plain exchangelib for EWS and plain httpx for
Graph.

Run: ``python bench/bench_requests_graph.py``

Results: printed, and saved to ``bench/out/requests.json`` (and ``requests.txt``);
``python scripts/gen_docs.py --collect`` copies it to bench/results/ and ``python scripts/gen_docs.py``
generates docs/performance.md from it ("Requests per flow").
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import asdict, replace
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.account import AccountConfig  # noqa: E402
from app.domain.models import Attachment, Draft, Folder, Recipient  # noqa: E402
from bench.hog import machine  # noqa: E402
from bench.graph_wire import ALICE, BOB, PIECE, EwsMeter, GraphMeter, plain_graph_flows  # noqa: E402

BATCH = 50
LARGE = 10_000_000  # a 10 MB file: an upload session of ceil(10 MB / 4 MiB) = 3 pieces over Graph
CHUNKS = -(-LARGE // PIECE)
SEED = 60  # drafts in the folder before the first page is read (a full page of 50)

#: (key, label, Graph target: the product's promise; "—" where it sets none)
ROWS = [
    ("connect", "connect (check the mailbox)", "—"),
    ("first_page", "first Drafts page (50 rows)", "1"),
    ("save_new", "save a new draft", "1"),
    ("save_again", "save it again (new recipients and subject)", "1"),
    ("save_small", "save a new draft with a 2 KB attachment", "1"),
    ("save_large", "save a new draft with a 10 MB attachment", f"1+{CHUNKS}"),  # +1 per upload piece
    ("open", "open one message (with its 2 KB attachment)", "—"),
    ("send_one", "send one saved draft", "1"),
    ("send_many", f"send {BATCH} selected drafts", "3"),
    ("find_mid", "find a sent draft by its Message-ID", "—"),
    ("resolve", "resolve a name (\"bob\")", "—"),
    ("delete", "delete one draft (to Deleted Items)", "—"),
]


def _draft(subject: str, atts=()) -> Draft:
    return Draft(to=[Recipient(BOB, "Bob")], subject=subject, body=f"hello {subject}",
                 attachments=[Attachment(name, data) for name, data in atts])


def has_recipient(sb, subject: str, email: str) -> bool:
    """Whether the draft called ``subject`` has ``email`` among its recipients on the server."""
    found = [i for i in sb.mailbox(ALICE).items("drafts") if i.get("subject") == subject]
    return len(found) == 1 and email in str(found[0].get("to"))


def dispatch_flows(sb, make, meter, large: bytes, settle) -> dict:
    """The flows through Dispatch's MailService (the same code for both backends); ``make()`` a fresh one."""
    res, held = {}, {}
    svc = make()
    res["connect"] = meter.measure(svc.connect)
    svc.close()
    svc = make()  # a fresh start: the Drafts list is the first thing read
    res["first_page"] = meter.measure(lambda: held.setdefault("page", svc.list_messages(Folder.DRAFTS, 0, 50)))
    res["first_page"].extra["rows"] = len(held["page"].items)
    res["save_new"] = meter.measure(lambda: held.setdefault("d", svc.save_draft(_draft("dispatch 0"))))
    edited = replace(held["d"], to=[Recipient("carol@example.com")], subject="dispatch 0 edited")
    res["save_again"] = meter.measure(lambda: held.__setitem__("d", svc.save_draft(edited)))
    res["save_again"].extra["recipients_on_server"] = has_recipient(sb, "dispatch 0 edited", "carol@example.com")
    res["save_small"] = meter.measure(lambda: held.setdefault("s", svc.save_draft(
        _draft("dispatch small", [("a.bin", b"a" * 2048)]))))
    res["save_large"] = meter.measure(lambda: held.setdefault("l", svc.save_draft(
        _draft("dispatch large", [("big.bin", large)]))))
    res["open"] = meter.measure(lambda: held.setdefault("o", svc.get_message(held["s"].ref)))
    res["open"].extra["attachment_bytes"] = sum(len(a.content or b"") for a in held["o"].attachments)
    res["send_one"] = meter.measure(lambda: held.setdefault("sent1", svc.send_drafts([held["d"].ref])))
    refs = [svc.save_draft(_draft(f"dispatch bulk {i}")).ref for i in range(BATCH)]
    res["send_many"] = meter.measure(lambda: held.setdefault("sent", svc.send_drafts(refs)))
    res["send_many"].extra["ok"] = sum(1 for o in held["sent"] if o.ok)
    settle()
    mid = held["d"].internet_message_id
    res["find_mid"] = meter.measure(lambda: held.setdefault("found", svc.find_by_message_ids([mid])))
    res["find_mid"].extra["found"] = sum(len(v) for v in held["found"][mid].values())
    res["resolve"] = meter.measure(lambda: held.setdefault("people", svc.resolve_names("bob")))
    res["resolve"].extra["found"] = len(held["people"])
    res["delete"] = meter.measure(lambda: held.setdefault("del", svc.delete_items([held["l"].ref])))
    res["delete"].extra["ok"] = sum(1 for o in held["del"] if o.ok)
    svc.close()
    return res


def exchangelib_flows(sb, meter, large: bytes) -> dict:
    """What straightforward exchangelib code does for the same flows (as bench/bench_requests.py)."""
    from exchangelib import BASIC, DELEGATE, Account, Configuration, Credentials, FileAttachment, Mailbox, Message
    from exchangelib.protocol import close_connections

    info = next(a for a in sb.accounts if a["email"] == ALICE)
    close_connections()

    def account():
        config = Configuration(service_endpoint=sb.ews_url, credentials=Credentials(info["username"], info["password"]),
                               auth_type=BASIC)
        return Account(ALICE, config=config, autodiscover=False, access_type=DELEGATE)

    def message(subject, atts=()):  # with a Message-ID of its own (to be found by it, as Dispatch's are)
        m = Message(folder=acct.drafts, subject=subject, body="hello", to_recipients=[Mailbox(email_address=BOB)],
                    message_id=f"<{subject.replace(' ', '-')}@bench.example>")
        if atts:
            m.attach([FileAttachment(name=n, content=d) for n, d in atts])
        m.save()
        return m

    res, held = {}, {}
    acct = account()
    res["connect"] = meter.measure(lambda: acct.drafts)
    close_connections()
    acct = account()
    fields = ("subject", "display_to", "datetime_created", "has_attachments", "importance", "message_id")
    res["first_page"] = meter.measure(lambda: list(acct.drafts.all().order_by("-datetime_created").only(*fields)[:50]))
    res["save_new"] = meter.measure(lambda: held.setdefault("m", message("plain 0")))

    def save_again():  # the plain save(): To/Cc/Bcc are silently left out (the trap)
        held["m"].to_recipients = [Mailbox(email_address="carol@example.com")]
        held["m"].subject = "plain 0 edited"
        held["m"].save()

    res["save_again"] = meter.measure(save_again)
    res["save_again"].extra["recipients_on_server"] = has_recipient(sb, "plain 0 edited", "carol@example.com")
    res["save_small"] = meter.measure(lambda: held.setdefault("s", message("plain small", [("a.bin", b"a" * 2048)])))
    res["save_large"] = meter.measure(lambda: held.setdefault("l", message("plain large", [("big.bin", large)])))

    def open_one():
        m = acct.fetch(ids=[(held["s"].id, held["s"].changekey)])
        m = next(iter(m))
        return [a.content for a in m.attachments]

    res["open"] = meter.measure(open_one)
    mid = held["m"].message_id
    res["send_one"] = meter.measure(lambda: held["m"].send(save_copy=True, copy_to_folder=acct.sent))
    msgs = [message(f"plain bulk {i}") for i in range(BATCH)]
    res["send_many"] = meter.measure(lambda: [m.send(save_copy=True, copy_to_folder=acct.sent) for m in msgs])
    res["find_mid"] = meter.measure(lambda: held.setdefault("found", [
        list(f.filter(message_id=mid).only("id")) for f in (acct.drafts, acct.sent)]))
    res["find_mid"].extra["found"] = sum(len(x) for x in held["found"])
    res["resolve"] = meter.measure(lambda: held.setdefault("people", list(acct.protocol.resolve_names(["bob"]))))
    res["delete"] = meter.measure(lambda: held["l"].move_to_trash())
    close_connections()
    return res


def _seed(svc) -> None:
    for i in range(SEED):
        svc.save_draft(_draft(f"seed {i}"))


def meets(target: str, n: int) -> str:
    """"yes" / "NO" against a target such as "1", "3" or "1+3" (at most that many); "—" without one."""
    return "—" if target == "—" else ("yes" if n <= sum(int(t) for t in target.split("+")) else "NO")


def measure() -> dict:
    from app.mail.ews import EwsMailService
    from app.mail.graph import GraphMailService
    from app.sandbox import Sandbox

    sb = Sandbox(data=":memory:", port=0, graph=True, max_send_bytes=64 * 1024 * 1024)
    sb.start()
    large = bytes(range(256)) * (LARGE // 256) + b"x" * (LARGE % 256)
    settle = lambda: sb.outbox.wait_idle(30)  # noqa: E731 - Graph delivers its sends after answering 202
    try:
        info = next(a for a in sb.accounts if a["email"] == ALICE)
        cfg = AccountConfig(email=ALICE, ews_url=sb.ews_url, username=info["username"])
        probe = EwsMailService(cfg, info["password"])  # learn the build once, as the app does on first start
        cfg.server_build = probe.connect().build
        _seed(probe)
        probe.close()
        ews_meter, graph_meter = EwsMeter(sb), GraphMeter(sb)

        def make_graph():
            svc = GraphMailService(ALICE, sb.graph_url, lambda force: sb.authority.access_token_for(ALICE),
                                   send_settle_seconds=1.0)
            graph_meter.watch(svc._http.client)  # the service's one httpx.Client (made here, nothing sent)
            return svc

        out = {
            "ews": dispatch_flows(sb, lambda: EwsMailService(cfg, info["password"]), ews_meter, large, settle),
            "exchangelib": exchangelib_flows(sb, ews_meter, large),
            "graph": dispatch_flows(sb, make_graph, graph_meter, large, settle),
            "httpx": plain_graph_flows(sb, graph_meter, large, BATCH, settle, has_recipient),
        }
    finally:
        sb.stop()
    return out


def table(data: dict) -> str:
    r = data["results"]
    w = 46
    lines = [f"{'flow':<{w}} {'EWS':>5} {'ms':>6} {'exchlib':>7} {'ms':>6} | {'Graph':>5} {'ms':>6} "
             f"{'target':>6} {'met':>3} {'httpx':>5} {'ms':>6}", "-" * (w + 78)]
    for key, label, target in data["rows"]:
        e, x, g, h = (r[b][key] for b in ("ews", "exchangelib", "graph", "httpx"))
        lines.append(f"{label:<{w}} {e['n']:>5} {e['ms']:>6.0f} {x['n']:>7} {x['ms']:>6.0f} | {g['n']:>5} "
                     f"{g['ms']:>6.0f} {target:>6} {meets(target, g['n']):>3} {h['n']:>5} {h['ms']:>6.0f}")
    return "\n".join(lines)


def notes(data: dict) -> str:
    r = data["results"]
    g, h = r["graph"], r["httpx"]
    agree = all(g[k]["n"] == g[k]["server"] and h[k]["n"] == h[k]["server"] for k, _, _ in data["rows"])
    lines = [
        f"10 MB attachment: upload-session PUTs on Graph: Dispatch {g['save_large']['puts']}, plain httpx "
        f"{h['save_large']['puts']} (4 MiB pieces: {CHUNKS} expected)",
        f"sent in the batch of {BATCH}: EWS {r['ews']['send_many']['extra'].get('ok')}, "
        f"Graph {g['send_many']['extra'].get('ok')}, plain httpx {h['send_many']['extra'].get('ok')}",
        "new recipients on the server after the second save: " + ", ".join(
            f"{name} {r[b]['save_again']['extra']['recipients_on_server']}" for b, name in (
                ("ews", "EWS"), ("exchangelib", "exchangelib plain save()"), ("graph", "Graph"),
                ("httpx", "plain httpx PATCH"))),
        f"found by Message-ID: EWS {r['ews']['find_mid']['extra']['found']}, Graph {g['find_mid']['extra']['found']}, "
        f"httpx {h['find_mid']['extra']['found']}; first page rows: EWS {r['ews']['first_page']['extra']['rows']}, "
        f"Graph {g['first_page']['extra']['rows']}",
        f"Graph wire count (httpx hook) equals the sandbox's count (log minus $batch inner requests) on every "
        f"row: {'yes' if agree else 'NO'}",
        "", "requests per flow:",
    ]
    for key, label, _ in data["rows"]:
        lines.append(f"  {label}:")
        for b in ("ews", "exchangelib", "graph", "httpx"):
            lines.append(f"    {b:<11} {_squash(r[b][key]['ops'])}")
    return "\n".join(lines)


def _squash(ops: list[str]) -> str:
    out, prev, n = [], None, 0
    for op in list(ops) + [None]:
        if op == prev:
            n += 1
            continue
        if prev is not None:
            out.append(f"{prev} x{n}" if n > 1 else prev)
        prev, n = op, 1
    return "[" + ", ".join(out) + "]"


def main() -> int:
    results = measure()
    data = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "python": platform.python_version(),
        "batch": BATCH, "large_bytes": LARGE, "chunks": CHUNKS,
        "rows": [list(r) for r in ROWS],
        "results": {b: {k: asdict(v) for k, v in res.items()} for b, res in results.items()},
    }
    print(table(data))
    print()
    print(notes(data))
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "requests.json").write_text(json.dumps(data, indent=1))
    (out / "requests.txt").write_text(table(data) + "\n\n" + notes(data) + "\n")
    print(f"\nsaved {out / 'requests.json'} and requests.txt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
