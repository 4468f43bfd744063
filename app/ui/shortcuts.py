"""F1: a sheet listing every action and its shortcut (non-modal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from app.ui.safe_text import PlainLabel


class ShortcutSheet(QDialog):
    def __init__(self, actions: list[QAction], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.setModal(False)
        lay = QVBoxLayout(self)
        title = PlainLabel("Keyboard shortcuts", self)
        title.setObjectName("viewTitle")
        lay.addWidget(title)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Shortcut list")
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for act in actions:
            keys = ", ".join(s.toString(QKeySequence.NativeText) for s in act.shortcuts())
            if not keys:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(act.text().replace("&", "")))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, self.table.columnWidth(0) + 24)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.resize(560, 560)
        self.setAttribute(Qt.WA_DeleteOnClose, False)
