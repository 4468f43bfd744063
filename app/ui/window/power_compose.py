"""Power composing: the command palette, snippets and signatures, wired into the window.

Three actions, each with a shortcut and a menu entry (so the F1 sheet and the palette list them too):

- View → Command palette… (Ctrl+Shift+P): :mod:`app.ui.window.palette`;
- File → Snippets and signatures… (Ctrl+Shift+L): :mod:`app.ui.compose.texts_dialog`;
- File → Switch signature (Ctrl+Shift+G): "No signature" → each of the account's signatures → again,
  replacing the signature block in the Compose body (:mod:`app.ui.compose.signature_block`).

A new message (Ctrl+N) gets the account's signature for new messages, if one is chosen (none by
default). Tab after a snippet's trigger word in the body inserts it (:mod:`app.ui.compose.snippet_insert`).
Built by the ``power`` setup slice (``app/ui/window/setup_steps.py``); the palette and the dialog are built the
first time they are used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from app.storage.compose_texts import ComposeTexts
from app.ui.compose.signature_block import SignatureBlock
from app.ui.compose.snippet_insert import SnippetTrigger, insert_snippet
from app.ui.common.tr import translate


class _SessionSettings:
    """Settings kept in memory (a window made without a settings file: tests, the self-test)."""

    def __init__(self):
        self._prefs: dict = {}

    def get(self, key, default=None):
        return self._prefs.get(key, default)

    def set(self, key, value) -> None:
        self._prefs[key] = value


class PowerCompose(QObject):
    def __init__(self, win):
        from app.ui.common.window_action import window_action

        super().__init__(win)
        self.win = win
        self.texts = ComposeTexts(win.settings if win.settings is not None else _SessionSettings())
        self.signature = SignatureBlock(win.compose, known=self.signatures)
        self.trigger = SnippetTrigger(win.port, win.compose, self.texts)
        self.palette = None
        self.dialog = None
        self.palette_action = window_action(win, translate("Menu", "Command &palette…"), "Ctrl+Shift+P", self.open_palette, "actPalette")
        self.texts_action = window_action(win, translate("Menu", "Sni&ppets and signatures…"), "Ctrl+Shift+L", self.edit_texts, "actSnippets")
        self.signature_action = window_action(win, translate("Menu", "Switch si&gnature"), "Ctrl+Shift+G", self.next_signature,
                                     "actSignature")
        menus = win.menus
        menus["&View"].addSeparator()
        menus["&View"].addAction(self.palette_action)
        acts = getattr(win, "actions_", None)
        file_menu = menus["&File"]
        before = acts.account if acts is not None else None
        if before is not None and before in file_menu.actions():
            file_menu.insertAction(before, self.signature_action)
            file_menu.insertAction(before, self.texts_action)
        else:
            file_menu.addAction(self.signature_action)
            file_menu.addAction(self.texts_action)
        if acts is not None:
            acts.new.triggered.connect(self._after_new)  # after Workflows.new_message (connected first)

    # ---- account ----
    def account_key(self) -> str | None:
        s = self.win.session
        return None if s is None else s.account.key

    def signatures(self) -> list:
        key = self.account_key()
        return self.texts.signatures(key) if key else []

    # ---- signatures ----
    def _after_new(self, *_a) -> None:
        """Ctrl+N (or a discard, Ctrl+Shift+D) made a blank message: it gets the account's signature for
        new messages (if any). The message stays unedited (nothing to save until the user writes)."""
        c, key = self.win.compose, self.account_key()
        if key is None or not c.is_empty() or c.identity().ref is not None:
            return
        name = self.texts.default_signature(key)
        sig = next((s for s in self.signatures() if s.name == name), None)
        if sig is None:
            return
        with c.putting_in():  # as a part of the new message, not an edit of it
            if sig.rich and not c.rich.isChecked():
                c.rich.setChecked(True)
                c.fmt.set_rich(True)
            self.signature.switch(sig)

    new_message_signature = _after_new

    def switch_signature(self, name: str) -> None:
        """Put the signature called ``name`` in the Compose body ("": none), replacing the one there."""
        if self.win.session is None:
            return
        sig = next((s for s in self.signatures() if s.name == name), None)
        self.win.show_view("compose")
        self.signature.span()  # a draft opened from Drafts: find its signature first
        self.signature.switch(sig)
        self.win.port.say(translate("Power", "Signature: {name}").format(name=sig.name) if sig
                          else translate("Power", "No signature"), ms=4000)

    def next_signature(self) -> None:
        names = [""] + [s.name for s in self.signatures()]
        if len(names) == 1:
            keys = self.texts_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.win.port.say(
                translate("Power", "No signatures for this account yet: {keys} adds one").format(keys=keys), ms=6000)
            return
        self.signature.span()
        cur = self.signature.current
        i = names.index(cur) if cur in names else 0
        self.switch_signature(names[(i + 1) % len(names)])

    # ---- snippets ----
    def insert(self, snippet) -> None:
        """A snippet from the palette: at the cursor in the Compose body."""
        w = self.win
        if w.session is None:
            return
        w.show_view("compose")
        w.compose.body.setFocus(Qt.OtherFocusReason)
        insert_snippet(w.port, w.compose, self.texts, snippet)

    def edit_texts(self) -> None:
        from app.ui.common.dialog_return import return_focus
        from app.ui.compose.texts_dialog import TextsDialog

        s = self.win.session
        self.dialog = return_focus(TextsDialog(self.win, self.texts, self.account_key(), s.account.email if s else ""),
                                   self.win)
        self.dialog.open()

    # ---- the palette ----
    def entries(self) -> list:
        from app.ui.window.palette import Entry, action_entries, draft_entries, view_entries, view_group

        w = self.win
        views, covered = view_entries(w)
        view = view_group(w)
        acts = [e for e in action_entries(w, skip={self.palette_action}) if not (e.where == view and e.label in covered)]
        tab = QKeySequence("Tab").toString(QKeySequence.SequenceFormat.NativeText)
        snippet, signature = translate("Power", "Snippet"), translate("Power", "Signature")
        snips = [Entry(translate("Power", "Insert snippet: {name}").format(name=s.name), snippet,
                       f"{s.trigger} {tab}" if s.trigger else "", lambda s=s: self.insert(s))
                 for s in self.texts.snippets()]
        sigs = []
        if self.signatures():
            sigs = [Entry(translate("Power", "Signature: none"), signature, "", lambda: self.switch_signature(""))]
            sigs += [Entry(translate("Power", "Signature: {name}").format(name=s.name), signature, "",
                           lambda n=s.name: self.switch_signature(n)) for s in self.signatures()]
        drafts = draft_entries(w) if w.session is not None else []
        return views + acts + snips + sigs + drafts

    def open_palette(self) -> None:
        if self.palette is None:
            from app.ui.window.palette import CommandPalette

            self.palette = CommandPalette(self.win, self.entries)
            self.palette.spoken.connect(lambda words, keyed: self.win.announcer.polite(words, keyed=keyed))
        self.palette.open()


def build(win) -> None:
    """The setup slice: the window's ``power`` part."""
    return PowerCompose(win)
