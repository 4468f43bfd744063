"""What EWS's injected faults look like on the wire: IIS's HTML error page, and the mangled bodies of the
body kinds (core/faults.py: truncated, garbage_xml, unexpected_element, wrong_encoding)."""

from __future__ import annotations

import re

IIS_500 = (
    "<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<title>Runtime Error</title>\r\n</head>\r\n<body bgcolor=\"white\">\r\n"
    "<span><H1>Server Error in '/EWS' Application.<hr width=100% size=1 color=silver></H1>\r\n"
    "<h2> <i>Runtime Error</i> </h2></span>\r\n<b> Description: </b>An application error occurred on the server."
    "\r\n</body>\r\n</html>\r\n"
)


GARBAGE = {
    "html": b"<html><head><title>Gateway</title></head><body><h1>Proxy error</h1><p>upstream said no</p></body></html>",
    "wrong_root": b'<?xml version="1.0" encoding="utf-8"?><foo/>',
    "not_xml": b"OK\r\nsession=7f3a; this is not XML <<< at all",
}
_M = b"http://schemas.microsoft.com/exchange/services/2006/messages"
_RESPONSE_MSG = re.compile(rb'(<(\w+:)?\w+ResponseMessage\b[^>]*?ResponseClass=")(\w+)("[^>]*>)')
_CONTAINERS = re.compile(rb"<(/?)(\w+:)?(Items|Folders|RootFolder|ResolutionSet|Attachments)\b")


def mangle(kind: str, params: dict, body: bytes) -> bytes:
    """The body a body-kind fault sends instead of ``body`` (the operation's real answer)."""
    if kind == "truncated":
        return body[: max(len(body) // 2, 1)]
    if kind == "wrong_encoding":
        return body  # the body is fine; its Content-Encoding header is not (see the server)
    variant = params.get("variant")
    if kind == "garbage_xml":
        variant = variant or "html"
        if variant not in GARBAGE:
            raise ValueError(f"garbage_xml variant must be one of {', '.join(GARBAGE)}")
        return GARBAGE[variant]
    variant = variant or "extra_element"
    if variant == "extra_element":
        extra = (b'<ProxyDiagnostics xmlns="' + _M + b'" Hop="edge-7">'
                 b"<Note>added by a misconfigured proxy</Note></ProxyDiagnostics>")
        return _RESPONSE_MSG.sub(lambda m: m.group(1) + m.group(3) + m.group(4) + extra, body)
    if variant == "response_class":
        return _RESPONSE_MSG.sub(lambda m: m.group(1) + b"Partial" + m.group(4), body)
    if variant == "container":
        return _CONTAINERS.sub(lambda m: b"<" + m.group(1) + b"m:Results", body)
    raise ValueError("unexpected_element variant must be extra_element, response_class or container")
