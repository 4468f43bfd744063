"""One raw SOAP request to the sandbox's EWS endpoint, in Exchange 2016's envelope; the bodies a run exchanged,
each checked against the XSD."""

from __future__ import annotations

from xml.etree import ElementTree

import requests

SOAP = """<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"
 xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header>
<s:Body>{body}</s:Body></s:Envelope>"""


def post(sb, body, user="alice@example.com", auth=True, broken=None, stream=False):
    """POST one SOAP request. ``broken``: the wire validator, when this request is schema-invalid on
    purpose (exempts this one body; the answer is still checked). The timeout is generous: the schema check
    of each body runs in the server's thread, and a loaded machine (parallel workers) slows it."""
    u = next(a for a in sb.accounts if a["email"] == user)
    data = SOAP.format(body=body).encode()
    if broken is not None:
        broken.expect_broken(data)
    return requests.post(sb.ews_url, data=data,
                         headers={"Content-Type": "text/xml; charset=utf-8"},
                         auth=(u["username"], u["password"]) if auth else None, timeout=60, stream=stream)


def seen_both_ways(sandbox, wire_validator, run) -> set[str]:
    """Run ``run()`` with every body the sandbox reads and writes kept; each is checked here against the XSD by
    the suite's validator (its own check of the request and of the answer, not only the fixture's at the end).
    Returns the body elements seen (operation and response names)."""
    bodies = []
    sandbox.wire_observer = lambda direction, raw, injected=False: bodies.append((direction, raw))
    run()
    sandbox.wire_observer = None
    names = set()
    for direction, raw in bodies:
        assert wire_validator.problems(direction, raw) == [], raw[:2000]
        body = ElementTree.fromstring(raw).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
        names.add(body[0].tag.rpartition("}")[2])
    return names
