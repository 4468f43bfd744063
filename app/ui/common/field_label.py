"""A form's label for a field: its Alt+letter takes the keyboard to the field, and a screen reader hears its name
without the "&".

Qt names a label without its mnemonic's "&" only once the label has a buddy, and tells the reader the name when the
label's words are set (AT-SPI ``object:property-change:accessible-name``). ``QFormLayout.addRow(text, field)`` sets the
words first and the buddy after, so the reader heard "&Account type" ("&Type de compte"); here the buddy comes first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def field_label(text: str, field: QWidget) -> QLabel:
    """A label for ``field`` (its buddy) reading ``text``, for ``QFormLayout.addRow(label, field)``."""
    label = QLabel(field.parentWidget())
    label.setBuddy(field)
    label.setText(text)
    return label
