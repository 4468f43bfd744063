"""Snippets into the Compose body: a trigger word then Tab, or the palette.

Tab in the body: when the word just before the cursor is a snippet's trigger, the word becomes the
snippet (placeholders filled in, one Ctrl+Z undoes it); otherwise Tab moves the focus on as always
(the body has ``tabChangesFocus``: this filter only takes the Tab it uses).

Rich snippets (and rich signatures) are HTML the user once pasted or typed, so they go in the way every
other HTML does, as data (``app/ui/common/safe_text.py``): :func:`safe_fragment` reads them into a
:class:`SafeDocument` (which loads nothing: a remote image is never fetched), then drops every image that
is not an inline ``data:`` one and every link that is not http(s)/mailto/ftp, so no remote reference is
sent either (a ``cid:`` image stays when it names one of the message's own inline pictures: a signature's
picture, :mod:`app.ui.compose.signature_block`). A rich snippet's own ``data:`` pictures become such inline
pictures as it goes in (:func:`rich_fragment`), as a signature's do. In a plain-text message a rich snippet goes
in as its plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocumentFragment, QTextFormat

from app.domain.inline_images import data_pictures
from app.domain.snippets import Snippet, expand, trigger_before, values
from app.ui.compose.formatting import link_url
from app.ui.common.port import ShellPort
from app.ui.common.safe_document import content_id
from app.ui.common.safe_text import SafeDocument, allowed

# the URLs :func:`safe_fragment` left out of the last fragment it made (for tests and the log's count)
last_blocked: list[str] = []


def safe_fragment(html: str, pictures=None) -> QTextDocumentFragment:
    """``html`` as a fragment fit to insert: nothing loaded, no remote image, no script-like link.
    ``pictures``: Content-ID -> bytes of the message's inline pictures (a ``cid:`` image it knows stays)."""
    from PySide6.QtCore import QUrl

    doc = SafeDocument()
    doc.inline_source = pictures
    doc.setHtml(html)
    dropped: list[str] = []
    removals, unlinks = [], []  # (position, length): images that are not data: URIs; links not allowed
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            it += 1
            if not frag.isValid():
                continue
            fmt = frag.charFormat()
            if fmt.isImageFormat() and not _kept(QUrl(fmt.toImageFormat().name()), pictures):
                dropped.append(fmt.toImageFormat().name()[:200])
                removals.append((frag.position(), frag.length()))
            elif fmt.isAnchor() and fmt.anchorHref() and link_url(fmt.anchorHref()) is None:
                dropped.append(fmt.anchorHref()[:200])
                unlinks.append((frag.position(), frag.length()))
        block = block.next()
    for pos, length in unlinks:  # the words stay, the link goes
        c = QTextCursor(doc)
        c.setPosition(pos)
        c.setPosition(pos + length, QTextCursor.KeepAnchor)
        fmt = QTextCharFormat(c.charFormat())
        for prop in (QTextFormat.IsAnchor, QTextFormat.AnchorHref):
            fmt.clearProperty(prop)
        c.setCharFormat(fmt)
    for pos, length in sorted(removals, reverse=True):
        c = QTextCursor(doc)
        c.setPosition(pos)
        c.setPosition(pos + length, QTextCursor.KeepAnchor)
        c.removeSelectedText()
    last_blocked[:] = dropped + [u for u in doc.blocked if u not in dropped]
    return QTextDocumentFragment(doc)


def _kept(url, pictures) -> bool:
    """An image that stays: a ``data:`` one, or one of the message's own inline pictures."""
    cid = content_id(url)
    return allowed(url) or (cid is not None and pictures is not None and pictures(cid) is not None)


def plain_of(html: str) -> str:
    """What a rich text says, as plain text (nothing loaded)."""
    return safe_fragment(html).toPlainText()


def message_values(port: ShellPort, c, texts) -> dict[str, str]:
    """The placeholders' values for the message in Compose ``c`` (``port``: the shell's, for the account in use)."""
    to = c.to.recipients_as_typed()
    first = to[0] if to else None
    my_name = texts.my_name() if texts is not None else ""
    session = port.session
    if not my_name and session is not None:
        from app.domain.snippets import split_name

        my_name = " ".join(p for p in split_name("", session.account.email) if p)
    date = QLocale().toString(QDate.currentDate(), QLocale.ShortFormat)
    return values(to_name=first.name if first else "", to_email=first.email if first else "",
                  my_name=my_name, subject=c.subject.text(), date=date)


def rich_fragment(compose, html: str, stem: str = "snippet") -> QTextDocumentFragment:
    """A rich snippet or signature as it goes in: its pictures (``data:`` in the stored HTML) become inline
    attachments of the message, named by ``cid:``, as a pasted picture does (mail clients show those; many
    block ``data:``), so the message never carries a ``data:`` URL."""
    images = compose.images
    html, _pictures = data_pictures(html, images.content_id_for, stem=stem)
    return safe_fragment(html, images.bytes_of)


def insert_snippet(port: ShellPort, c, texts, snippet: Snippet, cursor: QTextCursor | None = None) -> None:
    """``snippet`` into the body of Compose ``c`` at ``cursor`` (its selection replaced; default: the body's cursor),
    as one undo step; the body's cursor ends after it."""
    body = c.body
    if c.loader.waiting:  # a body still with the HTML helper is set first: the snippet goes into it
        body.ensure_whole()
    cursor = QTextCursor(cursor) if cursor is not None else body.textCursor()
    vals = message_values(port, c, texts)
    cursor.beginEditBlock()
    if snippet.rich:
        html = expand(snippet.text, vals, html=True)
        if c.rich.isChecked():
            cursor.insertFragment(rich_fragment(c, html))
        else:
            cursor.insertText(plain_of(html))
    else:
        cursor.insertText(expand(snippet.text, vals))
    cursor.endEditBlock()
    body.setTextCursor(cursor)


class SnippetTrigger(QObject):
    """Tab after a trigger word in the Compose body expands the snippet; any other Tab moves the focus."""

    def __init__(self, port: ShellPort, compose, texts):
        super().__init__(compose)
        self.port, self.compose, self.texts = port, compose, texts
        compose.body.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if (event.type() == QEvent.KeyPress and event.key() == Qt.Key_Tab
                and not (event.modifiers() & ~Qt.KeypadModifier) and obj is self.compose.body):
            return self.expand_at_cursor()
        return False

    def expand_at_cursor(self) -> bool:
        """True when the word before the body's cursor was a trigger (and is now its snippet)."""
        body = self.compose.body
        cursor = body.textCursor()
        if cursor.hasSelection():
            return False
        before = cursor.block().text()[: cursor.positionInBlock()]
        snippet = trigger_before(before, self.texts.snippets())
        if snippet is None:
            return False
        word = before.split()[-1]
        cursor.movePosition(QTextCursor.Left, QTextCursor.KeepAnchor, len(word))
        insert_snippet(self.port, self.compose, self.texts, snippet, cursor)
        return True
