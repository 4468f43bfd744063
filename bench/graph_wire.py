"""Counting Microsoft Graph requests on the wire, and plain httpx doing the bench's flows by hand (the Graph
baseline of bench/bench_requests_graph.py).

How the wire is counted: an httpx ``request`` event hook on the client that sends (Dispatch's
GraphMailService's own ``httpx.Client``, or the baseline's), so every HTTP request that leaves counts once:
a ``$batch`` is 1 however many requests it carries, an upload-session PUT (another origin, no token) is 1, a
401 answered by a refresh and a retry would be 2. The sandbox's ``request_log`` cannot be used as it is:
it logs a ``$batch`` ("graph:Batch") AND each request inside it. So it serves as a cross-check from the
server's side: its entries minus the inner requests of the ``$batch`` bodies the sandbox received
(``graph_observer``) must equal the hook's count; ``Result.server`` holds that number.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

ALICE, BOB = "alice@example.com", "bob@example.com"
PIECE = 4 * 1024 * 1024  # Graph's upload-session piece (at most 4 MiB, a multiple of 320 KiB)
BATCH_MAX = 20


@dataclass
class Result:
    n: int  # HTTP requests on the wire (EWS: SOAP requests = sandbox operations)
    ops: list  # what they were
    ms: float  # wall time of the flow
    server: int | None = None  # Graph: the same count from the sandbox's side (cross-check)
    puts: int = 0  # Graph: upload-session PUTs among them
    extra: dict = field(default_factory=dict)


class EwsMeter:
    """EWS: every SOAP request is one HTTP POST and one ``request_log`` entry."""

    def __init__(self, sb):
        self.sb = sb

    def measure(self, fn) -> Result:
        n = len(self.sb.request_log)
        t0 = time.perf_counter()
        fn()
        ms = (time.perf_counter() - t0) * 1000
        ops = list(self.sb.request_log[n:])
        return Result(len(ops), ops, ms)


class GraphMeter:
    """Graph: the httpx hook's count (see the module docstring), checked against the sandbox's log."""

    def __init__(self, sb):
        self.sb = sb
        self.wire: list[str] = []
        self.inner = 0  # requests inside the $batch bodies the sandbox received
        previous = sb.graph_observer

        def observe(direction, body, *, method, path, **kw):
            if previous is not None:
                previous(direction, body, method=method, path=path, **kw)
            if direction == "request" and method == "POST" and urlsplit(path).path.endswith("/$batch"):
                try:
                    self.inner += len(json.loads(body)["requests"])
                except (ValueError, KeyError, TypeError):
                    pass

        sb.graph_observer = observe

    def watch(self, client):
        """Count what ``client`` (an httpx.Client) sends from now on; returns it."""
        graph = urlsplit(self.sb.graph_url)
        base = graph.path.rstrip("/")

        def hook(request):
            u = request.url
            if (u.host, u.port) != (graph.hostname, graph.port):
                self.wire.append(f"{request.method} <upload URL>")
            else:
                path = u.path[len(base):] if u.path.startswith(base) else u.path
                self.wire.append(f"{request.method} {re.sub(r'/messages/[^/]+', '/messages/{id}', path)}")

        hooks = client.event_hooks
        hooks["request"] = list(hooks.get("request", [])) + [hook]
        client.event_hooks = hooks
        return client

    def measure(self, fn) -> Result:
        n, logged, inner = len(self.wire), len(self.sb.request_log), self.inner
        t0 = time.perf_counter()
        fn()
        ms = (time.perf_counter() - t0) * 1000
        ops = self.wire[n:]
        server = len([o for o in self.sb.request_log[logged:] if o.startswith("graph:")]) - (self.inner - inner)
        return Result(len(ops), ops, ms, server=server, puts=sum(1 for o in ops if o == "PUT <upload URL>"))


def _message(subject: str, to: str = BOB, attachments=()) -> dict:
    """A new message, with a Message-ID of its own (to be found by it, as Dispatch's are)."""
    import base64

    doc = {"subject": subject, "internetMessageId": f"<{subject.replace(' ', '-')}@bench.example>",
           "body": {"contentType": "text", "content": f"hello {subject}"},
           "toRecipients": [{"emailAddress": {"address": to}}]}
    if attachments:
        doc["attachments"] = [{"@odata.type": "#microsoft.graph.fileAttachment", "name": name,
                               "contentType": "application/octet-stream",
                               "contentBytes": base64.b64encode(data).decode()} for name, data in attachments]
    return doc


class PlainGraph:
    """What straightforward code does by hand with httpx: one client, a bearer token, Graph's documented
    calls. No $batch except for many sends (20 per $batch, Graph's limit)."""

    def __init__(self, sb, meter: GraphMeter):
        import httpx

        token, graph = sb.authority.access_token_for(ALICE), urlsplit(sb.graph_url)

        class Bearer(httpx.Auth):  # the token to Graph only, never to the (pre-authenticated) upload URL
            def auth_flow(self, request):
                if (request.url.host, request.url.port) == (graph.hostname, graph.port):
                    request.headers["Authorization"] = f"Bearer {token}"
                yield request

        self.http = meter.watch(httpx.Client(base_url=sb.graph_url, trust_env=False, timeout=60, auth=Bearer(),
                                             headers={"Prefer": 'IdType="ImmutableId"'}))

    def _ok(self, resp):
        resp.raise_for_status()
        return resp.json() if resp.content.strip() else None

    def connect(self):
        return self._ok(self.http.get("/me/mailFolders/drafts", params={"$select": "id"}))

    def first_page(self):
        params = {"$top": "50", "$orderby": "createdDateTime desc", "$count": "true",
                  "$select": "id,subject,toRecipients,createdDateTime,hasAttachments,importance,internetMessageId"}
        return self._ok(self.http.get("/me/mailFolders/drafts/messages", params=params))["value"]

    def create(self, subject: str, attachments=()) -> dict:
        return self._ok(self.http.post("/me/messages", json=_message(subject, attachments=attachments)))

    def update(self, mid: str, subject: str, to: str) -> dict:
        return self._ok(self.http.patch(f"/me/messages/{quote(mid, safe='')}", json={
            "subject": subject, "toRecipients": [{"emailAddress": {"address": to}}]}))

    def create_large(self, subject: str, name: str, data: bytes) -> dict:
        """POST the message, then an upload session and its pieces (Graph takes no file of 3 MB or more
        inline)."""
        msg = self.create(subject)
        url = self._ok(self.http.post(f"/me/messages/{quote(msg['id'], safe='')}/attachments/createUploadSession",
                                      json={"AttachmentItem": {"attachmentType": "file", "name": name,
                                                               "size": len(data)}}))["uploadUrl"]
        for pos in range(0, len(data), PIECE):
            piece = data[pos: pos + PIECE]
            self.http.put(url, content=piece, headers={
                "Content-Range": f"bytes {pos}-{pos + len(piece) - 1}/{len(data)}",
                "Content-Type": "application/octet-stream"}).raise_for_status()
        return msg

    def open(self, mid: str) -> tuple[dict, list]:
        """The message, then its attachments with their bytes (the sandbox has no $expand)."""
        m = self._ok(self.http.get(f"/me/messages/{quote(mid, safe='')}"))
        atts = self._ok(self.http.get(f"/me/messages/{quote(mid, safe='')}/attachments"))["value"]
        return m, atts

    def send(self, mid: str):
        self._ok(self.http.post(f"/me/messages/{quote(mid, safe='')}/send"))

    def send_many(self, mids: list[str]) -> int:
        ok = 0
        for start in range(0, len(mids), BATCH_MAX):
            reqs = [{"id": str(i), "method": "POST", "url": f"/me/messages/{quote(m, safe='')}/send"}
                    for i, m in enumerate(mids[start: start + BATCH_MAX], 1)]
            doc = self._ok(self.http.post("/$batch", json={"requests": reqs}))
            ok += sum(1 for r in doc["responses"] if r["status"] < 300)
        return ok

    def find(self, internet_message_id: str) -> list:
        flt = "internetMessageId eq '" + internet_message_id.replace("'", "''") + "'"
        return self._ok(self.http.get("/me/messages", params={"$filter": flt, "$select": "id"}))["value"]

    def resolve(self, text: str) -> list:
        return self._ok(self.http.get("/me/people", params={"$search": f'"{text}"'}))["value"]

    def delete(self, mid: str):
        self._ok(self.http.delete(f"/me/messages/{quote(mid, safe='')}"))

    def close(self):
        self.http.close()


def plain_graph_flows(sb, meter: GraphMeter, large: bytes, batch: int, settle, has_recipient) -> dict:
    """The bench's flows by hand over httpx, in the order dispatch_flows runs them."""
    g = PlainGraph(sb, meter)
    res, held = {}, {}
    res["connect"] = meter.measure(g.connect)
    res["first_page"] = meter.measure(g.first_page)
    res["save_new"] = meter.measure(lambda: held.setdefault("m", g.create("httpx 0")))
    res["save_again"] = meter.measure(lambda: g.update(held["m"]["id"], "httpx 0 edited", "carol@example.com"))
    res["save_again"].extra["recipients_on_server"] = has_recipient(sb, "httpx 0 edited", "carol@example.com")
    res["save_small"] = meter.measure(lambda: held.setdefault("s", g.create("httpx small", [("a.bin", b"a" * 2048)])))
    res["save_large"] = meter.measure(lambda: held.setdefault("l", g.create_large("httpx large", "big.bin", large)))
    res["open"] = meter.measure(lambda: g.open(held["s"]["id"]))
    res["send_one"] = meter.measure(lambda: g.send(held["m"]["id"]))
    mids = [g.create(f"httpx bulk {i}")["id"] for i in range(batch)]
    res["send_many"] = meter.measure(lambda: held.setdefault("sent", g.send_many(mids)))
    res["send_many"].extra["ok"] = held["sent"]
    settle()
    mid = held["m"].get("internetMessageId") or ""
    res["find_mid"] = meter.measure(lambda: held.setdefault("found", g.find(mid)))
    res["find_mid"].extra["found"] = len(held["found"])
    res["resolve"] = meter.measure(lambda: held.setdefault("people", g.resolve("bob")))
    res["resolve"].extra["found"] = len(held["people"])
    res["delete"] = meter.measure(lambda: g.delete(held["l"]["id"]))
    g.close()
    return res
