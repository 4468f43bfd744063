"""One raw SOAP request to the sandbox's EWS endpoint, in Exchange 2016's envelope."""

from __future__ import annotations

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
