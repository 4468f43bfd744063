"""The signature in the Compose body: one block, tracked so that switching replaces it and nothing else.

The block is "\\n\\n-- \\n" (the standard separator line, dash dash space) and the signature's text, at the
end of the body (Dispatch has no quoted text yet; a reply's quote would go after it). It is tracked with two
QTextCursors that Qt moves as the text around them changes: the start one moves on when text is typed at
it (typing just above the signature is the user's text), the end one keeps its place (typing after the
signature is the user's too). Should the document be replaced under them (Rich text switched off turns
the body into new plain text), the block is found again by its text. A message loaded from Drafts is
searched for a block of one of the account's signatures.

A rich signature goes in as HTML through :func:`app.ui.compose.snippet_insert.safe_fragment` (nothing loaded, no
remote image); its picture (kept in the signature as a ``data:`` image) becomes an inline attachment of the
message (``cid:``); in a plain-text message, as its plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

from app.domain.snippets import Signature
from app.ui.compose.snippet_insert import plain_of, rich_fragment

SEPARATOR = "\n\n-- \n"


def block_text(sig: Signature) -> str:
    """The block's plain text as it stands in the body."""
    return SEPARATOR + (plain_of(sig.text) if sig.rich else sig.text)


class SignatureBlock(QObject):
    def __init__(self, compose, known=lambda: []):
        super().__init__(compose)
        self.compose = compose
        self.known = known  # () -> the account's signatures (to find one in a loaded draft)
        self.current = ""  # the name of the signature in the body ("": none)
        self._start: QTextCursor | None = None
        self._end: QTextCursor | None = None
        self._text = ""  # the block's plain text when it went in
        compose.about_to_load.connect(self.forget)

    def forget(self) -> None:
        self._start = self._end = None
        self.current, self._text = "", ""

    def _doc(self):
        return self.compose.body.document()

    def span(self) -> tuple[int, int] | None:
        """(start, end) of the signature block in the body, or None."""
        doc = self._doc()
        if self._start is not None and self._start.document() is doc:
            s, e = self._start.position(), self._end.position()
            sel = self._selected(s, e) if s < e else ""
            k = sel.find("-- ")
            if k >= 0:
                lead = sel[:k].rstrip("\n")
                if lead.strip():  # written on the blank lines above the separator: the user's, it stays
                    s += len(lead)
                return s, e
        plain = doc.toPlainText()
        wanted = [self._text] if self._text else []
        wanted += [block_text(sig) for sig in self.known()]
        for text in wanted:
            at = plain.rfind(text) if text else -1
            if at >= 0:
                self._anchor(at, at + len(text))
                if not self.current:
                    self.current = next((s.name for s in self.known() if block_text(s) == text), "")
                return at, at + len(text)
        return None

    def _selected(self, s: int, e: int) -> str:
        c = QTextCursor(self._doc())
        c.setPosition(s)
        c.setPosition(e, QTextCursor.KeepAnchor)
        return c.selectedText().replace("\u2029", "\n")

    def _anchor(self, s: int, e: int) -> None:
        doc = self._doc()
        self._start = QTextCursor(doc)
        self._start.setPosition(s)
        self._end = QTextCursor(doc)
        self._end.setPosition(e)
        self._end.setKeepPositionOnInsert(True)

    def _fragment(self, sig: Signature):
        """A rich signature as it goes in: its pictures (``data:`` in the stored HTML) become inline
        attachments of the message, named by ``cid:`` (mail clients show those; many block ``data:``)."""
        return rich_fragment(self.compose, sig.text, stem="signature")

    def switch(self, sig: Signature | None) -> None:
        """Put ``sig`` in place of the signature block (at the end when there is none); None removes it.
        The user's text and cursor stay as they were. One undo step."""
        body = self.compose.body
        body.ensure_whole()  # the block is looked for at the body's end: a long body still loading goes in first
        doc = self._doc()
        mine = body.textCursor()
        keep = (mine.anchor(), mine.position())
        found = self.span()
        c = QTextCursor(doc)
        c.beginEditBlock()
        if found is not None:
            c.setPosition(found[0])
            c.setPosition(found[1], QTextCursor.KeepAnchor)
            c.removeSelectedText()
            at = found[0]
        else:
            c.movePosition(QTextCursor.End)
            at = c.position()
        self.forget()
        if sig is not None:
            c.setPosition(at)
            c.insertText(SEPARATOR)
            if sig.rich and self.compose.rich.isChecked():
                c.insertFragment(self._fragment(sig))
            else:
                c.insertText(plain_of(sig.text) if sig.rich else sig.text)
            self._anchor(at, c.position())
            self._text = self._selected(at, c.position())
            self.current = sig.name
        c.endEditBlock()
        if keep[1] <= at:  # the user's cursor was above the block: it stays there
            mine = QTextCursor(doc)
            mine.setPosition(min(keep[0], doc.characterCount() - 1))
            mine.setPosition(min(keep[1], doc.characterCount() - 1), QTextCursor.KeepAnchor)
            body.setTextCursor(mine)
