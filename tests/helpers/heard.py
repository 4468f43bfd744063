"""What the window's Announcer says (app/ui/common/announce.py), as a test hears it in-process: the words and
whether they were assertive, in order."""

from __future__ import annotations


def read_as_alert(box) -> str:
    """What a reader reads as ``box`` (a QMessageBox) opens: it must be an alert with the keyboard in it, its
    words its value (AT-SPI's description of the alert). A question asked this way is not announced as well."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    iface = QAccessible.queryAccessibleInterface(box)
    assert iface.role() == QAccessible.Role.AlertMessage, iface.role()
    focus = QApplication.focusWidget()
    assert focus is not None and box.isAncestorOf(focus), "the keyboard is in the box: a reader reads it"
    return iface.text(QAccessible.Text.Value)


class Heard:
    """Every ``(words, assertive)`` the announcer says from now on."""

    def __init__(self, announcer):
        self.said: list[tuple[str, bool]] = []
        announcer.said.connect(self._hear)

    def _hear(self, words: str, assertive: bool) -> None:
        self.said.append((words, assertive))

    def words(self) -> list[str]:
        return [w for w, _ in self.said]

    def once(self, words: str, assertive: bool) -> bool:
        """``words`` said exactly once, with that politeness (and never with the other)."""
        return [a for w, a in self.said if w == words] == [assertive]
