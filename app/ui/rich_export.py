"""The HTML of a run of whole paragraphs of a rich document, written as Qt's own exporter writes them in
``toHtml()``, for Compose's rich mirror (app/ui/rich_mirror.py), and the checks that tell when Qt would
write a fragment otherwise (:class:`NotSplittable`: the document is then taken whole)."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment, QTextFormat, QTextTable

from app.ui.rich_cuts import TRAILER

_START, _END = "<!--StartFragment-->", "<!--EndFragment-->"

# the empty paragraph a segment's fragment starts with (the paragraph break before the segment): tags only
_EMPTY_BLOCK = re.compile(r"\n(?:<[^<>]*>)*\n")


class NotSplittable(Exception):
    """Qt wrote a fragment otherwise than the segments expect: take the document whole."""


def _same_first_block(doc: QTextDocument, part: QTextDocument) -> bool:
    """Did the first paragraph keep its format, list included? (Qt drops the list of an empty first
    paragraph when it is copied: the first segment is then not written by itself.)"""
    a, b = doc.begin(), part.begin()
    la, lb = a.textList(), b.textList()
    if (la is None) != (lb is None) or a.charFormat() != b.charFormat():
        return False
    if la is not None and (la.format() != lb.format() or la.count() != lb.count()):
        return False
    fa, fb = a.blockFormat(), b.blockFormat()
    fa.clearProperty(QTextFormat.ObjectIndex)
    fb.clearProperty(QTextFormat.ObjectIndex)
    return fa == fb


def _same_frames(a, b) -> bool:
    """Are frames ``a`` and ``b`` the same shape: tables of as many rows and columns, frames inside alike?"""
    if isinstance(a, QTextTable) != isinstance(b, QTextTable):
        return False
    if isinstance(a, QTextTable) and (a.rows() != b.rows() or a.columns() != b.columns()):
        return False
    inner_a, inner_b = a.childFrames(), b.childFrames()
    return len(inner_a) == len(inner_b) and all(_same_frames(x, y) for x, y in zip(inner_a, inner_b))


def _same_tables(doc: QTextDocument, part: QTextDocument, offset: int) -> bool:
    """Did copying a segment (``part``; its position p is the document's ``offset + p``) keep each table's
    shape? Qt leaves out a row with no cell of its own (every one merged into a row above) when it copies
    a table, where ``toHtml()`` writes it as ``<tr></tr>``."""
    root = doc.rootFrame()
    for copy in part.rootFrame().childFrames():
        frame = doc.frameAt(offset + copy.firstPosition())
        while frame is not root and frame.parentFrame() is not root:
            frame = frame.parentFrame()
        if frame is root or not _same_frames(frame, copy):
            return False
    return True


def segment(doc: QTextDocument, s: int, e: int, first: bool) -> str:
    """The HTML of the paragraphs from position ``s`` to ``e`` of ``doc`` (``first``: the document's first
    segment, ``s`` is 0): a fragment of them, from the paragraph break before them (without that break Qt
    leaves the first paragraph's format out), minus the empty paragraph the break makes."""
    cur = QTextCursor(doc)
    cur.setPosition(0 if first else s - 1)
    cur.setPosition(e, QTextCursor.KeepAnchor)
    # written as a whole document with the same default font: a fragment's own toHtml() compares each
    # format with no font at all and writes what the document's default already says
    part = QTextDocument()
    part.setDefaultFont(doc.defaultFont())
    QTextCursor(part).insertFragment(QTextDocumentFragment(cur))
    if first and not _same_first_block(doc, part):
        raise NotSplittable
    if not _same_tables(doc, part, 0 if first else s - 1):
        raise NotSplittable
    h = part.toHtml()
    try:
        i = h.index(">", h.index("<body")) + 1
        j = h.rindex(TRAILER)
    except ValueError:
        raise NotSplittable from None
    body = h[i:j].replace(_START, "").replace(_END, "")
    if not first:
        m = _EMPTY_BLOCK.match(body)
        if m is None:
            raise NotSplittable
        body = body[m.end() - 1:]
    return body


def header(doc: QTextDocument) -> str:
    """What Qt writes before the first paragraph: it depends on the document's default font, title and
    page background only, so an empty document with those writes the same."""
    tmp = QTextDocument()
    tmp.setDefaultFont(doc.defaultFont())
    tmp.setMetaInformation(QTextDocument.DocumentTitle, doc.metaInformation(QTextDocument.DocumentTitle))
    tmp.rootFrame().setFrameFormat(doc.rootFrame().frameFormat())
    h = tmp.toHtml()
    return h[:h.index(">", h.index("<body")) + 1]
