"""Opening an ``.eml``: CPU time and peak memory for the largest legitimate files and for hostile ones just
inside the limits. Prints a table; asserts nothing.

Measures: each row is one file read by ``app.domain.eml_read.read_eml`` in this process, its CPU seconds
(``process_time``) and the most memory held at once beside the file's bytes (tracemalloc, in a second pass:
tracing slows the parse). The goal: any file up to the size limit accepted or refused within 2 s and 100 MB.

Baseline (same run): ``base64.b64decode`` of a file of the same size.

Run: ``python bench/bench_eml.py``

Results: printed only.
"""

from __future__ import annotations

import base64
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.eml_read import (MAX_ADDRESS_CHARS, MAX_CONTENT_HEADER_CHARS, EmlError, file_limit,  # noqa: E402
                                 read_eml)
from app.domain.validation import DEFAULT_MAX_SEND_BYTES  # noqa: E402

LIMIT = file_limit(2 * DEFAULT_MAX_SEND_BYTES)  # the largest file read (at most 12 MB)
HEAD = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
MIXED = b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'


def _part(data: bytes, header: bytes = b"Content-Type: application/octet-stream\r\n", n: int = 0) -> bytes:
    return (b"--b\r\n" + header + b"Content-Transfer-Encoding: base64\r\n"
            b'Content-Disposition: attachment; filename="f%d.bin"\r\n\r\n' % n + data + b"\r\n")


def one_attachment() -> bytes:
    return HEAD + MIXED + _part(base64.encodebytes(os.urandom(int(LIMIT / 1.37) - 8192))) + b"--b--\r\n"


def plain_text() -> bytes:
    line = b"The quick brown fox jumps over the lazy dog, again and again and again.\r\n"
    return HEAD + b"Content-Type: text/plain; charset=utf-8\r\n\r\n" + line * ((LIMIT - 4096) // len(line))


def many_attachments() -> bytes:
    one = base64.encodebytes(os.urandom(int(LIMIT / 490 / 1.37) - 200))
    return HEAD + MIXED + b"".join(_part(one, n=i) for i in range(490)) + b"--b--\r\n"


def attached_message() -> bytes:
    """A forwarded message (message/rfc822, 7-bit as RFC 2046 wants) holding one large attachment."""
    inner = HEAD + MIXED.replace(b'"b"', b'"c"') + _part(base64.encodebytes(os.urandom(int(LIMIT / 1.37) - 16384)))
    inner = inner.replace(b"--b\r\n", b"--c\r\n") + b"--c--\r\n"
    return HEAD + MIXED + b"--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--b--\r\n"


def hostile_inside_limits() -> bytes:
    """490 attachments, and addresses and Content-Type headers as long as the limits let them be."""
    addrs = b", ".join(b"user%d@example.com" % i for i in range(3000))[:MAX_ADDRESS_CHARS // 3 - 200]
    head = HEAD.replace(b"To: b@example.com", b"To: " + addrs + b"\r\nCc: " + addrs + b"\r\nBcc: " + addrs)
    one = base64.encodebytes(os.urandom(int(LIMIT / 490 / 1.37) - 300))
    plain = b"Content-Type: application/octet-stream\r\n"
    room = MAX_CONTENT_HEADER_CHARS - len(_part(b"", plain).split(b"\r\n\r\n")[0]) * 490 - 4096
    long_ct = b'Content-Type: application/octet-stream; name="' + b"a" * (room // 3) + b'"\r\n'
    parts = [_part(one, long_ct if i < 3 else plain, i) for i in range(490)]
    return head + MIXED + b"".join(parts) + b"--b--\r\n"


def _row(name: str, fn, raw: bytes) -> str:
    t = time.process_time()
    try:
        fn(raw)
        said = "opened"
    except EmlError as exc:
        said = f"refused: {str(exc)[:40]}"
    cpu = time.process_time() - t
    tracemalloc.start()
    try:
        fn(raw)
    except EmlError:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    total = (len(raw) + peak) / 2**20
    return f"| {name} | {len(raw) / 2**20:.1f} | {cpu:.2f} | {total:.0f} | {said} |"


def main() -> None:
    print(f"load {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs; limit {LIMIT / 2**20:.0f} MiB")
    print("| file | MiB | CPU s | MiB with the file | result |\n|---|---|---|---|---|")
    base = base64.encodebytes(os.urandom(int(LIMIT / 1.37) - 8192))
    print(_row("baseline: base64 decode of the same size", base64.b64decode, base))
    for name, make in (("one attachment", one_attachment), ("plain text", plain_text),
                       ("490 attachments", many_attachments),
                       ("an attached message", attached_message), ("hostile, inside the limits", hostile_inside_limits)):
        print(_row(name, lambda raw: read_eml(raw, max_bytes=LIMIT), make()))


if __name__ == "__main__":
    main()
