"""The Compose editor's formatting: one QAction per command (with its shortcut), the toolbar buttons that
show them, an inline link field and the inline question before Rich text is switched off.

Every command is a checkable or plain :class:`QAction` on the compose view (context: the view and its
children), so a key, a button and a menu entry are one path and act at once (a QToolButton's own
shortcut clicks it ~100 ms later, after the next keys were typed). Shortcuts follow the common mail
clients: Ctrl+B/I/U, Ctrl+K link, Ctrl+Shift+7 numbered list, Ctrl+Shift+8 bulleted list, Ctrl+] / Ctrl+[
indent / outdent, Ctrl+Shift+V paste as plain text; Ctrl+Shift+X switches Rich text on or off (the
"Rich text" box, the Format menu and the palette are that one switch).

In a plain-text message a formatting command (its key, its button, its menu entry) switches the message
to rich text first, then formats, and says so (:attr:`Formatting.said`): a key never silently does nothing.

Indentation is a block's left margin, so the HTML that is sent says ``margin-left`` (other mail
clients ignore Qt's own ``-qt-block-indent``). Links take http(s), mailto and ftp addresses only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat, QTextListFormat
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QTextEdit, QToolButton,
)

from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import translate

INDENT_PX = 40
LINK_SCHEMES = ("http", "https", "mailto", "ftp")


def link_url(text: str) -> str | None:
    """The address a link may point to, or None: ``example.com`` becomes ``https://example.com``,
    ``bob@example.com`` a ``mailto:``; anything but http(s)/mailto/ftp (``javascript:``, ``file:``) is refused."""
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return None
    url = QUrl(text)
    scheme = url.scheme().lower()
    if not scheme or (scheme not in LINK_SCHEMES and "." in scheme):
        guess = f"mailto:{text}" if "@" in text and "/" not in text else f"https://{text}"
        url, scheme = QUrl(guess), guess.split(":", 1)[0]
    if scheme not in LINK_SCHEMES or not url.isValid() or (scheme != "mailto" and not url.host()):
        return None
    return url.toString()


class InlineBar(QFrame):
    """A line above the body: a label, optionally a text field, and two buttons. Non-modal."""

    def __init__(self, name: str, accept: str, reject: str, parent=None, field: bool = False):
        super().__init__(parent)
        self.setObjectName("inlineBar")
        self.setAccessibleName(name)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 0 if field else 1)
        self.field = QLineEdit(self) if field else None
        if self.field is not None:
            lay.addWidget(self.field, 1)
        self.accept_button = QPushButton(accept, self)
        self.reject_button = QPushButton(reject, self)
        for b, t in ((self.accept_button, accept), (self.reject_button, reject)):
            b.setAccessibleName(t.replace("&", ""))
            lay.addWidget(b)
        self.hide()

    def ask(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class Formatting(QObject):
    """The formatting commands of ``body`` (a QTextEdit) inside ``view``, switched on by ``rich``."""

    rich_changed = Signal(bool)  # Rich text really switched (after the question, if one was asked)
    said = Signal(str)  # a word for the status bar (a formatting key switched the message to rich text)

    def __init__(self, view, body, rich):
        super().__init__(view)
        self.view, self.body, self.rich = view, body, rich
        self._undo_html: str | None = None
        self._undo_plain = ""
        self._link_cursor: QTextCursor | None = None
        act = self._action
        self.rich_action = act(translate("Format", "&Rich text"), "Ctrl+Shift+X", "actRichText", self._switch_rich,
                               checkable=True, formats=False)
        self.rich_action.setChecked(rich.isChecked())
        rich.setToolTip(translate("Format", "Rich text on or off ({keys}); a formatting key switches it on").format(
            keys=self.rich_action.shortcut().toString(QKeySequence.NativeText)))
        self.bold = act(translate("Format", "&Bold"), "Ctrl+B", "actBold", self._bold, checkable=True)
        self.italic = act(translate("Format", "&Italic"), "Ctrl+I", "actItalic", lambda on: self.body.setFontItalic(on),
                          checkable=True)
        self.underline = act(translate("Format", "&Underline"), "Ctrl+U", "actUnderline",
                             lambda on: self.body.setFontUnderline(on), checkable=True)
        self.link = act(translate("Format", "Insert or edit &link…"), "Ctrl+K", "actLink", self.edit_link)
        self.numbered = act(translate("Format", "&Numbered list"), "Ctrl+Shift+7", "actNumbered",
                            lambda on: self._toggle_list(on, QTextListFormat.ListDecimal), checkable=True)
        self.bullets = act(translate("Format", "Bulle&ted list"), "Ctrl+Shift+8", "actBullets",
                           lambda on: self._toggle_list(on, QTextListFormat.ListDisc), checkable=True)
        self.indent = act(translate("Format", "In&dent"), "Ctrl+]", "actIndent", lambda: self._indent(+1))
        self.outdent = act(translate("Format", "&Outdent"), "Ctrl+[", "actOutdent", lambda: self._indent(-1))
        self.paste_plain = act(translate("Format", "Paste as plai&n text"), "Ctrl+Shift+V", "actPastePlain",
                               self.paste_plain_text, formats=False)
        self.rich_actions = [self.bold, self.italic, self.underline, self.link, self.numbered, self.bullets,
                             self.indent, self.outdent]
        self._keys = {s.toString() for a in self.actions() for s in a.shortcuts()}

        self.buttons = {name: self._button(a, text) for name, a, text in (
            # the buttons' letters as Outlook's in each language (French G/I/S, German F/K/U)
            ("bold", self.bold, translate("Format", "B", "the Bold button's letter")),
            ("italic", self.italic, translate("Format", "I", "the Italic button's letter")),
            ("underline", self.underline, translate("Format", "U", "the Underline button's letter")),
            ("bullets", self.bullets, "•"), ("numbered", self.numbered, "1."), ("indent", self.indent, "→"),
            ("outdent", self.outdent, "←"), ("link", self.link, translate("Format", "Link")))}
        for name, setter in (("bold", QFont.setBold), ("italic", QFont.setItalic), ("underline", QFont.setUnderline)):
            b = self.buttons[name]
            f = b.font()
            setter(f, True)
            b.setFont(f)

        self.question = InlineBar(translate("Format", "Rich text question"), translate("Format", "&Remove formatting"),
                                  translate("Format", "&Keep rich text"), view)
        self.question.accept_button.clicked.connect(self._convert_to_plain)
        self.question.reject_button.clicked.connect(self._keep_rich)
        self.undo_bar = InlineBar(translate("Format", "Formatting removed"), translate("Format", "&Undo"),
                                  translate("Format", "Dismiss"), view)
        self.undo_bar.accept_button.clicked.connect(self._undo_convert)
        self.undo_bar.reject_button.clicked.connect(self.undo_bar.hide)
        self.link_bar = InlineBar(translate("Format", "Link"), translate("Format", "&Apply link"),
                                  translate("Format", "Cancel"), view, field=True)
        self.link_bar.field.setAccessibleName(translate("Format", "Link address"))
        self.link_bar.field.setPlaceholderText("https://example.com")
        self.link_bar.field.returnPressed.connect(self._apply_link)
        self.link_bar.accept_button.clicked.connect(self._apply_link)
        self.link_bar.reject_button.clicked.connect(self._close_link_bar)
        self.link_bar.field.installEventFilter(self)

        rich.toggled.connect(self._rich_toggled)
        rich.toggled.connect(self.rich_action.setChecked)
        body.currentCharFormatChanged.connect(self.sync)
        body.cursorPositionChanged.connect(self.sync)
        body.textChanged.connect(self._body_edited)
        body.installEventFilter(self)
        self.set_rich(rich.isChecked())

    # ---- building ----
    def _action(self, text, key, name, slot, checkable=False, formats=True) -> QAction:
        """A command with its key; ``formats``: it formats, so a plain-text message becomes rich first."""
        a = QAction(text, self.view)
        a.setObjectName(name)
        a.setShortcut(QKeySequence(key))
        a.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        a.setCheckable(checkable)
        a.setToolTip(translate("Format", "{command} ({keys})").format(
            command=text.replace("&", "").rstrip("…"), keys=QKeySequence(key).toString(QKeySequence.NativeText)))
        ready = self._rich_first if formats else (lambda: True)

        def run_checked(on: bool) -> None:
            if ready():
                slot(on)

        def run(_checked=False) -> None:
            if ready():
                slot()
        a.triggered.connect(run_checked if checkable else run)
        self.view.addAction(a)
        return a

    def _button(self, action: QAction, text: str) -> QToolButton:
        b = QToolButton(self.view)
        b.setObjectName("fmt")
        action.setIconText(text)  # the button's short text; menus and the F1 sheet show text()
        b.setDefaultAction(action)
        b.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        b.setFocusPolicy(Qt.TabFocus)
        return b

    def actions(self) -> list[QAction]:
        """Every formatting command, for menus and the F1 sheet."""
        return [self.rich_action] + self.rich_actions + [self.paste_plain]

    def ensure_rich(self) -> bool:
        """Before putting something only rich text can hold (a picture): as before a formatting command."""
        return self._rich_first()

    def _rich_first(self) -> bool:
        """Before a formatting command: a plain-text message is switched to rich text (and the user is told).
        False: it cannot be now (a message is being put in), the command does nothing."""
        if self.rich.isChecked():
            return True
        if self.view.loading:
            self.sync()
            return False
        self.rich.setChecked(True)
        self.said.emit(translate("Format", "Rich text is on: this message is now sent formatted (Ctrl+Shift+X: plain "
                                           "text)"))
        return True

    def _switch_rich(self, on: bool) -> None:
        """Ctrl+Shift+X, Format → Rich text: the same as the "Rich text" box (switching off asks first
        when formatting would be lost)."""
        self.rich.setChecked(on)
        self.rich_action.setChecked(self.rich.isChecked())
        if self.rich.isChecked() == on and not self.question.isVisible():
            self.said.emit(translate("Format", "Rich text is on") if on else
                           translate("Format", "Plain text: the message is sent without formatting"))

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        t = event.type()
        if obj is self.body and t == QEvent.ShortcutOverride:
            # the editor claims Ctrl+U / Ctrl+K for its own line deletions on X11: ours win
            seq = QKeySequence(event.keyCombination()).toString()
            if seq in self._keys:
                event.ignore()
                return True
        if obj is self.link_bar.field and t == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self._close_link_bar()
            return True
        return False

    # ---- character and block formats ----
    def _bold(self, on: bool) -> None:
        self.body.setFontWeight(QFont.Bold if on else QFont.Normal)  # merges at once: the next key is bold

    def _toggle_list(self, on: bool, style) -> None:
        cursor = self.body.textCursor()
        lst = cursor.currentList()
        cursor.beginEditBlock()
        if on and lst is None:
            cursor.createList(style)
        elif on:
            fmt = lst.format()
            fmt.setStyle(style)
            lst.setFormat(fmt)
        elif lst is not None:
            lst.remove(cursor.block())
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        cursor.endEditBlock()
        self.sync()

    def _indent(self, step: int) -> None:
        cursor = self.body.textCursor()
        start, end = sorted((cursor.position(), cursor.anchor()))
        doc = self.body.document()
        block, last = doc.findBlock(start), doc.findBlock(end)
        cursor.beginEditBlock()
        while block.isValid():
            fmt = block.blockFormat()
            fmt.setLeftMargin(max(0.0, fmt.leftMargin() + step * INDENT_PX))
            c = QTextCursor(block)
            c.setBlockFormat(fmt)
            if block == last:
                break
            block = block.next()
        cursor.endEditBlock()

    def paste_plain_text(self) -> None:
        """The clipboard's words into the focused field (the Edit menu's entry is this action too): a
        line edit gets one line; the body keeps the formatting at the cursor and takes none from the paste."""
        text = QApplication.clipboard().text()
        field = QApplication.focusWidget()
        if not text:
            return
        if isinstance(field, QLineEdit):
            if not field.isReadOnly():
                field.insert(" ".join(text.splitlines()))
        elif isinstance(field, (QTextEdit, QPlainTextEdit)):
            if not field.isReadOnly():
                field.insertPlainText(text)
        elif field is None or self.view.isAncestorOf(field):
            self.body.insertPlainText(text)
            self.body.setFocus(Qt.OtherFocusReason)

    def sync(self, *_a) -> None:
        """Buttons show the format at the cursor."""
        self._leave_link_end()
        fmt = self.body.currentCharFormat()
        lst = self.body.textCursor().currentList()
        style = lst.format().style() if lst is not None else None
        for a, on in ((self.bold, fmt.fontWeight() >= QFont.Bold), (self.italic, fmt.fontItalic()),
                      (self.underline, fmt.fontUnderline()), (self.bullets, style == QTextListFormat.ListDisc),
                      (self.numbered, style == QTextListFormat.ListDecimal)):
            a.setChecked(bool(on) and self.rich.isChecked())

    def _leave_link_end(self) -> None:
        """Typing at the end of a link is not part of the link (as in every mail client)."""
        cursor = self.body.textCursor()
        fmt = self.body.currentCharFormat()
        if cursor.hasSelection() or not fmt.isAnchor():
            return
        after = QTextCursor(cursor)
        if not cursor.atBlockEnd():
            after.movePosition(QTextCursor.NextCharacter)
            if after.charFormat().anchorHref() == fmt.anchorHref():
                return  # inside the link
        self.body.setCurrentCharFormat(_without_link(fmt))

    # ---- links ----
    def edit_link(self) -> None:
        cursor = self.body.textCursor()
        href = cursor.charFormat().anchorHref() if not cursor.hasSelection() else ""
        if href:  # inside a link: edit the whole link
            block, pos = cursor.block(), cursor.position()
            for frag in _fragments(block):
                if frag.charFormat().anchorHref() == href and frag.position() <= pos <= frag.position() + frag.length():
                    cursor.setPosition(frag.position())
                    cursor.setPosition(frag.position() + frag.length(), QTextCursor.KeepAnchor)
                    break
        elif cursor.hasSelection():
            href = cursor.charFormat().anchorHref()
        self._link_cursor = cursor
        what = cursor.selectedText().strip()
        self.link_bar.ask(translate("Format", "Link “{text}” to:").format(text=_short(what)) if what else
                          translate("Format", "Link to:"))
        self.link_bar.field.setText(href)
        self.link_bar.field.selectAll()
        self.link_bar.field.setFocus(Qt.ShortcutFocusReason)

    def _apply_link(self) -> None:
        cursor = self._link_cursor or self.body.textCursor()
        text = self.link_bar.field.text().strip()
        url = link_url(text) if text else ""
        if url is None:
            self.link_bar.label.setText(translate("Format", "Links can be web (https://…) or e-mail (mailto:…) "
                                                  "addresses:"))
            return
        fmt = QTextCharFormat()
        cursor.beginEditBlock()
        if not url:  # empty address: remove the link
            fmt.setAnchor(False)
            fmt.setAnchorHref("")
            fmt.setFontUnderline(False)
            fmt.setForeground(self.body.palette().text())
            cursor.mergeCharFormat(fmt)
        else:
            fmt.setAnchor(True)
            fmt.setAnchorHref(url)
            fmt.setFontUnderline(True)
            fmt.setForeground(self.body.palette().link())
            if cursor.hasSelection():
                cursor.mergeCharFormat(fmt)
            else:
                merged = cursor.charFormat()
                merged.merge(fmt)
                cursor.insertText(text.removeprefix("mailto:"), merged)  # the words typed, not the guess
        cursor.endEditBlock()
        end = QTextCursor(cursor)
        end.setPosition(max(cursor.position(), cursor.anchor()))
        self.body.setTextCursor(end)
        self.body.setCurrentCharFormat(_without_link(end.charFormat()))  # what is typed next is not the link
        self._close_link_bar()

    def _close_link_bar(self) -> None:
        self.link_bar.hide()
        self._link_cursor = None
        self.body.setFocus(Qt.OtherFocusReason)

    # ---- Rich text on / off ----
    def has_formatting(self) -> bool:
        """Would plain text lose anything (bold, links, lists, indentation, fonts)?"""
        doc = self.body.document()
        plain = doc.clone()
        plain.setPlainText(doc.toPlainText())
        return plain.toHtml() != doc.toHtml()

    def set_rich(self, rich: bool) -> None:
        """Switch without asking (a message being loaded replaces the body anyway)."""
        self.question.hide()
        self.undo_bar.hide()
        self.link_bar.hide()
        self._undo_html = None
        self._apply_rich(rich)

    def _apply_rich(self, rich: bool) -> None:
        if not rich and self.body.acceptRichText() and self.body.document().toPlainText():
            self.body.setCurrentCharFormat(QTextCharFormat())  # setPlainText keeps the cursor's (bold) format
            self.body.setPlainText(self.body.toPlainText())
        if not rich:  # and what is typed next carries none either (it would be there again when rich)
            self.body.setCurrentCharFormat(QTextCharFormat())
        self.body.setAcceptRichText(rich)
        self.sync()

    def _set_box(self, on: bool) -> None:
        self.rich.blockSignals(True)
        self.rich.setChecked(on)
        self.rich.blockSignals(False)
        self.rich_action.setChecked(on)

    def _rich_toggled(self, on: bool) -> None:
        if self.view.loading:
            return  # load() switches with set_rich()
        self.body.ensure_whole()  # a switch converts or reads the whole body: one still loading is put in first
        self.undo_bar.hide()
        if not on and self.has_formatting():
            self._set_box(True)  # nothing changes until the question is answered
            self.question.ask(translate("Format", "Plain text removes the formatting (bold, lists, links, indents) "
                                                  "from this message."))
            self.question.accept_button.setFocus(Qt.OtherFocusReason)
            return
        self.question.hide()
        self._apply_rich(on)
        self.rich_changed.emit(on)

    def _convert_to_plain(self) -> None:
        self.question.hide()
        self._undo_html = self.body.toHtml()
        self._set_box(False)
        self._apply_rich(False)
        self._undo_plain = self.body.toPlainText()
        self.undo_bar.ask(translate("Format", "Formatting removed: the message is plain text."))
        self.undo_bar.accept_button.setFocus(Qt.OtherFocusReason)
        self.rich_changed.emit(False)

    def _keep_rich(self) -> None:
        self.question.hide()
        self.body.setFocus(Qt.OtherFocusReason)

    def _undo_convert(self) -> None:
        html, self._undo_html = self._undo_html, None
        self.undo_bar.hide()
        if html is None:
            return
        self._set_box(True)
        self._apply_rich(True)
        self.body.setHtml(html)
        self.body.setFocus(Qt.OtherFocusReason)
        self.rich_changed.emit(True)

    def _body_edited(self) -> None:
        # Undo would throw away what was typed since: it is offered only until the next edit
        if self.undo_bar.isVisible() and self.body.toPlainText() != self._undo_plain:
            self.undo_bar.hide()
            self._undo_html = None


def _without_link(fmt: QTextCharFormat) -> QTextCharFormat:
    fmt = QTextCharFormat(fmt)
    for prop in (QTextFormat.IsAnchor, QTextFormat.AnchorHref, QTextFormat.ForegroundBrush,
                 QTextFormat.TextUnderlineStyle, QTextFormat.FontUnderline):
        fmt.clearProperty(prop)
    return fmt


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            yield frag
        it += 1


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
