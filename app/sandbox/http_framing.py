"""HTTP/1.1 request framing for the sandbox (RFC 9112 sections 6 and 7), strict on purpose: a message whose
length is ambiguous or unknown is refused (and the connection closed by the caller), so that nothing a
client sends after it can be read as another request (request smuggling).

- ``Transfer-Encoding`` together with ``Content-Length``: 400 (6.1: "ought to be handled as an error").
- A transfer coding other than ``chunked`` (``xchunked``, ``gzip``, ...): 501 (6.1); ``chunked`` twice: 400.
- ``Content-Length`` that is not 1*DIGIT, or several different values: 400 (6.3).
- A chunk-size that is not hex digits, chunk data not followed by CRLF, a short body: 400 (7.1).
- More than the caller's limit (declared, or summed over the chunks): 413.
- A header section that is not all ``name: value`` lines (whitespace between a field name and its colon, a
  line without a colon, a folded line): 400 (RFC 9112 5.1: "A server MUST reject, with a response status code
  of 400 (Bad Request), any received request message that contains whitespace between a header field name and
  colon"; 5.2: obs-fold is rejected with 400 too). Python's header parser stops at such a line and takes it
  and every header after it for the start of the body (a ``Transfer-Encoding : chunked`` was dropped, and the
  chunked body then served as a second request).
"""

from __future__ import annotations

import re
import socket
from email import errors as _email_errors
import time
from dataclasses import dataclass

MAX_LINE = 4096  # a chunk-size line or a trailer line
MAX_TRAILERS = 32
#: A refused request (401) with a declared body up to this size keeps its connection: the answer goes out
#: first, then the body is read and dropped. A larger one, a chunked one, or one waiting for "100 Continue"
#: is answered with Connection: close instead. (exchangelib takes any error answered with Connection: close
#: for "server busy" and retries, so a wrong password on an ordinary request must not close.)
DISCARD_LIMIT = 1024 * 1024
_DIGITS = re.compile(r"[0-9]{1,18}")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,15}")
_BAD_HEADER_CHARS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # control characters except HTAB
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: What the header parser reports for a line it could not read as a field (other defects, such as a multipart
#: Content-Type without a body to split, are about the body, which is not parsed here).
_UNPARSED_LINE = (_email_errors.MissingHeaderBodySeparatorDefect, _email_errors.FirstHeaderLineIsContinuationDefect)


class FramingError(Exception):
    """The request cannot be framed; answer ``status`` and close the connection."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass(frozen=True)
class Framing:
    chunked: bool = False
    length: int = 0  # Content-Length (0 when absent or chunked)

    @property
    def has_body(self) -> bool:
        return self.chunked or self.length > 0


def request_framing(headers) -> Framing:
    """How the body of a request with these headers (an ``http.client.HTTPMessage``) is delimited."""
    check_header_section(headers)
    te = headers.get_all("Transfer-Encoding") or []
    cl = headers.get_all("Content-Length") or []
    if te and cl:
        raise FramingError(400, "Transfer-Encoding and Content-Length together")
    if te:
        codings = [c.strip(" \t").lower() for value in te for c in value.split(",")]
        codings = [c for c in codings if c]
        unknown = [c for c in codings if c != "chunked"]
        if unknown:
            raise FramingError(501, f"transfer coding {unknown[0][:40]!r} is not implemented")
        if len(codings) != 1:
            raise FramingError(400, "Transfer-Encoding must be chunked, once")
        return Framing(chunked=True)
    if cl:
        values = {v.strip(" \t") for v in cl}
        value = values.pop() if len(values) == 1 else ""
        if not _DIGITS.fullmatch(value):
            raise FramingError(400, "Content-Length must be one decimal number")
        return Framing(length=int(value))
    return Framing()


def check_header_section(headers) -> None:
    """400 unless every line of the header section was parsed as a header field: the parser keeps what it
    could not parse (and every line after it) as a payload, with a defect, and a folded line inside a value."""
    payload = headers.get_payload()
    if any(isinstance(d, _UNPARSED_LINE) for d in headers.defects) or (isinstance(payload, str) and payload):
        raise FramingError(400, "a header line is not a field name, a colon and a value")
    for _name, value in headers.items():
        if "\r" in value or "\n" in value:
            raise FramingError(400, "a folded header line (obs-fold)")


def check_declared(framing: Framing, limit: int) -> None:
    """413 before anything is read when the declared length is over ``limit``."""
    if framing.length > limit:
        raise FramingError(413, f"request body over {limit} bytes")


def read_body(rfile, framing: Framing, limit: int) -> bytes:
    """The body, read from ``rfile`` (never more than ``limit`` bytes of it; FramingError otherwise)."""
    check_declared(framing, limit)
    if not framing.chunked:
        data = rfile.read(framing.length) if framing.length else b""
        if len(data) != framing.length:
            raise FramingError(400, "body shorter than its Content-Length")
        return data
    chunks, total = [], 0
    while True:
        line = _line(rfile)
        size_text = line.split(b";", 1)[0].rstrip(b" \t")  # chunk extensions are ignored
        if not _CHUNK_SIZE.fullmatch(size_text):
            raise FramingError(400, "bad chunk size")
        size = int(size_text, 16)
        if size == 0:
            break
        total += size
        if total > limit:
            raise FramingError(413, f"request body over {limit} bytes")
        data = rfile.read(size)
        if len(data) != size or rfile.read(2) != b"\r\n":
            raise FramingError(400, "chunk data does not match its size")
        chunks.append(data)
    for _ in range(MAX_TRAILERS + 1):  # the trailer section, up to its empty line (trailers are ignored)
        if _line(rfile) == b"":
            return b"".join(chunks)
    raise FramingError(400, "too many trailer fields")


def discard(rfile, n: int) -> bool:
    """Read and drop ``n`` bytes of a body that was refused unread (never buffered whole). False when the
    client sent fewer (the connection must close)."""
    while n > 0:
        got = len(rfile.read(min(n, 65536)))
        if not got:
            return False
        n -= got
    return True


def _line(rfile) -> bytes:
    line = rfile.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE or not line.endswith(b"\r\n"):
        raise FramingError(400, "bad chunked framing")
    return line[:-2]


def check_header(name: str, value: str) -> None:
    """Refuse a response header that would break the framing (CR, LF or other control characters)."""
    if not _TOKEN.fullmatch(name) or _BAD_HEADER_CHARS.search(value):
        raise ValueError(f"refusing to write header {name[:40]!r}: control characters")


def linger(sock, seconds: float = 2.0, max_bytes: int = 256 * 1024 * 1024) -> None:
    """Lingering close (RFC 9112 9.6): the response is out; stop writing, then discard (never buffer) what
    the client still sends, for at most ``seconds``, so that closing with unread data does not reset the
    connection before the client has read the response."""
    try:
        sock.shutdown(socket.SHUT_WR)
        deadline, total = time.monotonic() + seconds, 0
        while total < max_bytes:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            sock.settimeout(left)
            data = sock.recv(65536)
            if not data:
                return
            total += len(data)
    except (OSError, ValueError):
        pass
