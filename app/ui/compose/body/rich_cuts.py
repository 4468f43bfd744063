"""Where a long rich-text body that Qt's HTML exporter wrote can be cut, so that Qt imports the pieces one
after another into the same document as the whole (``app/ui/compose/body/body_loader.py``: ``setHtml`` of a
10 MB body is one call of seconds on the UI thread).

Qt writes a document as ``<!DOCTYPE …><html><head><meta name="qrichtext" content="1" />…</head><body …>``,
then each top-level block on a line of its own (``\\n<p …>…</p>``, a heading, a list from ``<ul …>`` to
``</ul>``, a table) and ends with ``</body></html>``. A cut falls only between two top-level paragraphs
(``</p>\\n`` then ``<p ``), outside every list, table and other container: the piece after it starts
with that paragraph. HTML that Qt did not write is never cut.
"""

from __future__ import annotations

import re

# the mark Qt's exporter writes in the head of every document
QT_MARK = '<meta name="qrichtext" content="1" />'
TRAILER = "</body></html>"
_CUT = re.compile(r"</p>\r?\n(?=<p )")  # a server may have turned Qt's line ends into CRLF
_CONTAINERS = "ul|ol|table|pre|div|blockquote|dl"
_OPEN = re.compile(rf"<(?:{_CONTAINERS})\b", re.I)
_CLOSE = re.compile(rf"</(?:{_CONTAINERS})\s*>", re.I)


def qt_body(html: str) -> tuple[int, int] | None:
    """(where the body's content starts, where it ends) in HTML that Qt wrote; None for any other HTML.
    ``html[:start]`` is the head with the ``<body …>`` tag, ``html[end:]`` is :data:`TRAILER` (and any
    white space after it). A head a server added to (another ``<meta>``) is still Qt's HTML."""
    i = html.find("<body")
    end = len(html)
    while end and html[end - 1].isspace():  # what follows the trailer (a server's line end) is left out
        end -= 1
    end -= len(TRAILER)
    if i < 0 or QT_MARK not in html[:i] or not html.startswith(TRAILER, end):
        return None
    j = html.find(">", i)
    if j < 0 or j >= end:
        return None
    return j + 1, end


def next_cut(html: str, start: int, size: int, end: int) -> int:
    """Where the piece of ``html[start:end]`` that begins at ``start`` (a cut, or the body's start) should
    end: at the first cut ``size`` or more characters on, or at ``end`` when there is none."""
    depth = 0
    at = start
    pos = min(start + size, end)
    while True:
        m = _CUT.search(html, pos, end)
        if m is None:
            return end
        c = m.end()
        depth += len(_OPEN.findall(html, at, c)) - len(_CLOSE.findall(html, at, c))
        if depth == 0:
            return c
        at = pos = c


def first_paragraph_end(html: str, start: int) -> int:
    """The end of the paragraph a piece starts with (a piece starts with ``<p `` and Qt's paragraphs do not
    nest)."""
    return html.index("</p>", start) + len("</p>")
