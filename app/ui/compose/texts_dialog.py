"""Snippets and signatures (Ctrl+Shift+L): add, rename, edit and delete them, by keys.

Two tabs (Ctrl+Tab switches): Snippets (name, trigger word, rich or plain text) and Signatures (for the
account in use: name, rich or plain text, "Use for new messages"). Your name (``{my_name}``) above them.
Alt+A adds, Alt+D deletes the entry selected in the list (Up/Down in the list choose it), Alt+N is its
name; Ctrl+S or Save keeps everything in the settings file, Esc or Cancel keeps nothing.
The text field is HTML-safe like the Compose body: a pasted rich text loads nothing. A rich signature may
hold one picture, pasted in (kept as a ``data:`` image; Compose sends it as an inline attachment).
"""

from __future__ import annotations

import base64
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextImageFormat
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QPushButton,
    QTabWidget, QVBoxLayout, QWidget,
)

from app.domain.snippets import MAX_TEXT, PLACEHOLDERS, Signature, Snippet, problems
from app.ui.common.field_label import field_label
from app.ui.common.safe_text import PlainLabel, SafeTextEdit
from app.ui.common.tr import data_size, shown, translate


def _words(kind: str) -> dict[str, str]:
    """The words of a page: a snippet's or a signature's."""
    if kind == "Snippet":
        return {"list": translate("Texts", "Snippets"), "add": translate("Texts", "&Add snippet"),
                "delete": translate("Texts", "&Delete snippet"), "name": translate("Texts", "Snippet name"),
                "text": translate("Texts", "Snippet text"), "new": translate("Texts", "New snippet {n}")}
    return {"list": translate("Texts", "Signatures"), "add": translate("Texts", "&Add signature"),
            "delete": translate("Texts", "&Delete signature"), "name": translate("Texts", "Signature name"),
            "text": translate("Texts", "Signature text"), "new": translate("Texts", "New signature {n}")}


class _Page(QWidget):
    """A list of named texts and the fields of the selected one."""

    changed = Signal()
    said = Signal(str)  # why a paste was refused ("" clears it)

    def __init__(self, kind: str, items: list, *, trigger: bool, default: str | None, parent=None):
        super().__init__(parent)
        self.kind, self.items, self.has_trigger = kind, list(items), trigger
        self.default = default  # signatures: the name new messages get ("": none); snippets: None
        self.words = _words(kind)
        self._filling = False
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.words["list"])
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.words["add"], self)
        self.delete_button = QPushButton(self.words["delete"], self)
        for b in (self.add_button, self.delete_button):
            b.setAccessibleName(b.text().replace("&", ""))
            row.addWidget(b)
        left.addLayout(row)
        lay.addLayout(left, 2)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.words["name"])
        form.addRow(field_label(translate("Texts", "&Name"), self.name), self.name)
        self.trigger = QLineEdit(self)
        self.trigger.setAccessibleName(translate("Texts", "Trigger word"))
        self.trigger.setPlaceholderText(translate("Texts", "a word; type it in the message, then Tab"))
        if trigger:
            form.addRow(field_label(translate("Texts", "&Trigger"), self.trigger), self.trigger)
        else:
            self.trigger.hide()
        self.rich = QCheckBox(translate("Texts", "&Rich text"), self)
        self.rich.setAccessibleName(self.rich.text().replace("&", ""))
        form.addRow("", self.rich)
        self.text = SafeTextEdit(self)
        self.text.setAccessibleName(self.words["text"])
        self.text.setTabChangesFocus(True)
        self.text.setAcceptRichText(False)
        if not trigger:  # a rich signature may hold one picture (a logo), pasted in
            self.text.paste_hook = self._paste_picture
        form.addRow(field_label(translate("Texts", "Te&xt"), self.text), self.text)
        for key, setter in (("Ctrl+B", lambda on: self.text.setFontWeight(QFont.Bold if on else QFont.Normal)),
                            ("Ctrl+I", self.text.setFontItalic), ("Ctrl+U", self.text.setFontUnderline)):
            sc = QShortcut(QKeySequence(key), self.text, context=Qt.WidgetShortcut)
            sc.activated.connect(lambda s=setter, k=key: self._toggle(s, k))
        self.use_default = QCheckBox(translate("Texts", "Use for ne&w messages"), self)
        self.use_default.setAccessibleName(self.use_default.text().replace("&", ""))
        if default is not None:
            form.addRow("", self.use_default)
        else:
            self.use_default.hide()
        lay.addLayout(form, 3)
        for i in self.items:
            self.list.addItem(i.name)
        self.list.currentRowChanged.connect(self._show)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.name.textEdited.connect(self._edited)
        self.trigger.textEdited.connect(self._edited)
        self.rich.toggled.connect(self._rich_toggled)
        self.text.textChanged.connect(self._edited)
        self.use_default.toggled.connect(self._default_toggled)
        self.list.setCurrentRow(0 if self.items else -1)
        self._show(self.list.currentRow())

    def _toggle(self, setter, key: str) -> None:
        if not self.rich.isChecked():
            return
        fmt = self.text.currentCharFormat()
        on = {"Ctrl+B": fmt.fontWeight() < QFont.Bold, "Ctrl+I": not fmt.fontItalic(),
              "Ctrl+U": not fmt.fontUnderline()}[key]
        setter(on)

    def _fields(self, on: bool) -> None:
        for field in (self.name, self.trigger, self.rich, self.text, self.use_default, self.delete_button):
            field.setEnabled(on)

    def _show(self, row: int) -> None:
        self._filling = True
        try:
            item = self.items[row] if 0 <= row < len(self.items) else None
            self._fields(item is not None)
            self.name.setText(item.name if item else "")
            self.trigger.setText(getattr(item, "trigger", "") if item else "")
            self.rich.setChecked(bool(item and item.rich))
            self.text.setAcceptRichText(bool(item and item.rich))
            if item is not None and item.rich:
                self.text.setHtml(item.text)
            else:
                self.text.setPlainText(item.text if item else "")
            self.use_default.setChecked(bool(item and self.default and item.name == self.default))
        finally:
            self._filling = False

    def _row(self) -> int:
        return self.list.currentRow()

    def _edited(self, *_a) -> None:
        row = self._row()
        if self._filling or not (0 <= row < len(self.items)):
            return
        old = self.items[row]
        rich = self.rich.isChecked()
        new = replace(old, name=self.name.text(), rich=rich,
                      text=self.text.toHtml() if rich else self.text.toPlainText())
        if self.has_trigger:
            new = replace(new, trigger="".join(self.trigger.text().split()))
        if self.default is not None and self.default == old.name:
            self.default = new.name
        self.items[row] = new
        self.list.item(row).setText(new.name or translate("Texts", "(no name)"))
        self.changed.emit()

    def _rich_toggled(self, on: bool) -> None:
        if self._filling:
            return
        if not on:
            self.text.setPlainText(self.text.toPlainText())
        self.text.setAcceptRichText(on)
        self._edited()

    def _paste_picture(self, source) -> bool:
        """A picture pasted into a rich signature (image data, or an image file's URL) is kept in it as a
        ``data:`` image: the signature stays one self-contained text in the settings file (Compose makes the
        picture an inline attachment of the message, ``signature_block.py``). One picture, within the
        signature's size limit; False: not a picture, pasted as usual."""
        from app.ui.compose.inline_images import picture_of

        if not self.rich.isChecked():
            return False
        picture = picture_of(source, MAX_TEXT)
        if picture is None:
            return False
        data, mime = picture
        html = self.text.toHtml()
        url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        if "data:image/" in html:
            self.said.emit(translate("Texts", "A signature holds one picture: delete the one it has to paste another."))
        elif len(html) + len(url) + 64 > MAX_TEXT:
            room = max(0, (MAX_TEXT - len(html) - 64) * 3 // 4)
            self.said.emit(translate("Texts", "The picture is {size}; a signature has room for {room} of picture. Use a "
                                     "smaller one.").format(size=data_size(len(data)), room=data_size(room)))
        else:
            fmt = QTextImageFormat()
            fmt.setName(url)
            self.text.textCursor().insertImage(fmt)
            self.said.emit("")
        return True

    def _default_toggled(self, on: bool) -> None:
        row = self._row()
        if self._filling or self.default is None or not (0 <= row < len(self.items)):
            return
        name = self.items[row].name
        self.default = name if on else ("" if self.default == name else self.default)

    def add(self) -> None:
        names = {i.name for i in self.items}
        n = 1
        while self.words["new"].format(n=n) in names:
            n += 1
        name = self.words["new"].format(n=n)
        self.items.append(Snippet(name) if self.has_trigger else Signature(name))
        self.list.addItem(name)
        self.list.setCurrentRow(len(self.items) - 1)
        self.name.setFocus(Qt.OtherFocusReason)
        self.name.selectAll()

    def delete(self) -> None:
        row = self._row()
        if not (0 <= row < len(self.items)):
            return
        gone = self.items.pop(row)
        if self.default == gone.name:
            self.default = ""
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, len(self.items) - 1))
        self._show(self.list.currentRow())
        self.list.setFocus(Qt.OtherFocusReason)


class TextsDialog(QDialog):
    """Snippets and signatures; ``saved`` is emitted after they were written."""

    saved = Signal()

    def __init__(self, parent, texts, account_key: str | None, account_name: str = ""):
        super().__init__(parent)
        self.texts, self.account_key = texts, account_key
        self.setWindowTitle(translate("Texts", "Snippets and signatures"))
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 500)
        lay = QVBoxLayout(self)
        top = QFormLayout()
        self.my_name = QLineEdit(texts.my_name(), self)
        self.my_name.setAccessibleName(translate("Texts", "Your name"))
        self.my_name.setPlaceholderText(translate("Texts", "as {my_name} puts it in a snippet"))
        top.addRow(field_label(translate("Texts", "Your na&me"), self.my_name), self.my_name)
        lay.addLayout(top)
        self.tabs = QTabWidget(self)
        self.snippets = _Page("Snippet", texts.snippets(), trigger=True, default=None, parent=self.tabs)
        self.tabs.addTab(self.snippets, translate("Texts", "Sn&ippets"))
        sigs = texts.signatures(account_key) if account_key else []
        self.signatures = _Page("Signature", sigs, trigger=False,
                                default=texts.default_signature(account_key) if account_key else "", parent=self.tabs)
        self.tabs.addTab(self.signatures, translate("Texts", "Si&gnatures"))
        if account_key is None:
            self.signatures.setEnabled(False)
        lay.addWidget(self.tabs, 1)
        names = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        if account_name:
            said = translate("Texts", "Placeholders: {names}. Ctrl+Tab: next tab. Signatures are {account}'s.").format(
                names=names, account=account_name)
        else:
            said = translate("Texts", "Placeholders: {names}. Ctrl+Tab: next tab.").format(names=names)
        hint = PlainLabel(said, self)
        hint.setObjectName("viewSubtitle")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.error = PlainLabel(self)
        self.error.setObjectName("formError")
        self.error.setAccessibleName(translate("Texts", "Snippets error"))
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.signatures.said.connect(self._say)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        from app.ui.common.room_for_text import make_room

        make_room(self)  # an error wrapped to several lines never squeezes the form

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> bool:
        sn, sg = self.snippets.items, self.signatures.items
        errs = problems(sn)
        names = [s.name.strip().lower() for s in sg]
        if any(not n for n in names):
            errs.append(translate("Texts", "Every signature needs a name."))
        elif len(set(names)) != len(names):
            errs.append(translate("Texts", "Two signatures have the same name."))
        if errs:
            self.error.setText(" ".join(shown(e) for e in errs))
            self.error.show()
            return False
        self.texts.save_all([replace(s, name=s.name.strip()) for s in sn], self.my_name.text(), self.account_key,
                            [replace(s, name=s.name.strip()) for s in sg], (self.signatures.default or "").strip())
        self.saved.emit()
        self.accept()
        return True
