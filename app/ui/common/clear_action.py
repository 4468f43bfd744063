"""A line edit's clear button a screen reader can name. Qt's own (``setClearButtonEnabled``) is a tool button
with no text: a reader says "push button". This one is the field's own trailing action, named, shown while the
field has text (as Qt's is)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QStyle


def add_clear_action(field: QLineEdit, name: str) -> QAction:
    """Give ``field`` a clear button called ``name`` ("Clear the filter"): its tool button takes the action's
    text, which is what a reader speaks."""
    act = field.addAction(field.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton),
                          QLineEdit.ActionPosition.TrailingPosition)
    act.setText(name)
    act.setToolTip(name)
    act.triggered.connect(field.clear)
    act.setVisible(bool(field.text()))
    field.textChanged.connect(lambda text: act.setVisible(bool(text)))
    return act
