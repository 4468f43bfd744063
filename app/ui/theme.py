"""Look and feel: one stylesheet, icons drawn as SVG in resources/icons."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

ACCENT = "#2563eb"
DANGER = "#dc2626"
MUTED = "#64748b"


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    candidates = [Path(base) / "resources"] if base else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[-1]


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = resources_dir() / ("dispatch-mail.svg" if name == "app" else f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


CHEVRON = (resources_dir() / "icons" / "chevron-down.svg").as_posix()

STYLE = f"""
QMainWindow, QWidget#page, QDialog {{ background: #ffffff; }}
QWidget {{ font-size: 10pt; color: #0f172a; }}
QListWidget#sidebar {{
    background: #f1f5f9; border: none; border-right: 1px solid #e2e8f0;
    padding: 12px 8px; outline: 0;
}}
QListWidget#sidebar::item {{ padding: 9px 12px; border-radius: 8px; margin: 2px 0; color: #334155; }}
QListWidget#sidebar::item:selected {{ background: #dbeafe; color: #1e3a8a; font-weight: bold; }}
QListWidget#sidebar::item:hover:!selected {{ background: #e2e8f0; }}
QLabel#brand {{ font-size: 13pt; font-weight: bold; color: #0f172a; padding: 16px 16px 4px 20px;
    background: transparent; }}
QWidget#sidebarBox {{ background: #f1f5f9; border-right: 1px solid #e2e8f0; }}
QLabel#viewTitle {{ font-size: 16pt; font-weight: bold; color: #0f172a; }}
QLabel#viewSubtitle {{ color: {MUTED}; }}
QLabel#fieldLabel {{ color: {MUTED}; font-weight: bold; min-width: 64px; }}
QLabel#fieldError {{ color: {DANGER}; font-size: 9pt; padding-left: 2px; }}
QLabel#formError {{ color: {DANGER}; background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px;
    padding: 8px 10px; }}
QLineEdit, QTextEdit, QComboBox {{
    border: 1px solid #cbd5e1; border-radius: 6px; padding: 6px 8px; background: #ffffff;
    selection-background-color: #bfdbfe; selection-color: #0f172a;
}}
QLineEdit:focus, QTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit, QComboBox {{ min-height: 20px; }}
QLineEdit[invalid="true"], QListWidget[invalid="true"] {{ border: 1px solid {DANGER}; background: #fff7f7; }}
QComboBox {{ padding-right: 24px; }}
QComboBox::drop-down {{ border: none; width: 22px; subcontrol-origin: padding; subcontrol-position: center right; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{ border: 1px solid #cbd5e1; background: #ffffff; selection-background-color: #dbeafe; }}
QTextEdit#body {{ padding: 10px; font-size: 10.5pt; }}
QPushButton {{
    border: 1px solid #cbd5e1; border-radius: 6px; padding: 6px 14px; background: #ffffff; color: #0f172a;
}}
QPushButton:hover {{ background: #f8fafc; border-color: #94a3b8; }}
QPushButton:focus {{ border: 1px solid {ACCENT}; }}
QPushButton:disabled {{ color: #94a3b8; background: #f8fafc; }}
QPushButton#primary {{ background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT}; font-weight: bold; }}
QPushButton#primary:hover {{ background: #1d4ed8; }}
QPushButton#primary:disabled {{ background: #93c5fd; border-color: #93c5fd; }}
QToolButton#fmt {{ border: 1px solid transparent; border-radius: 5px; padding: 3px 7px; min-width: 18px; }}
QToolButton#fmt:checked {{ background: #dbeafe; border-color: #bfdbfe; }}
QToolButton#fmt:hover {{ background: #f1f5f9; }}
QTableView {{
    outline: 0; border: 1px solid #e2e8f0; border-radius: 8px; gridline-color: transparent; background: #ffffff;
    selection-background-color: #dbeafe; selection-color: #0f172a; alternate-background-color: #f8fafc;
}}
QHeaderView::section {{
    background: #f8fafc; color: {MUTED}; border: none; border-bottom: 1px solid #e2e8f0;
    padding: 7px 8px; font-weight: bold;
}}
QListWidget#attachments {{ border: 1px dashed #cbd5e1; border-radius: 6px; background: #f8fafc; padding: 4px;
    color: #334155; outline: 0; }}
QListWidget#attachments::item {{ padding: 2px 8px; border-radius: 4px; }}
QListWidget#attachments::item:selected {{ background: #dbeafe; color: #0f172a; }}
QFrame#banner {{ border-radius: 8px; padding: 2px; }}
QFrame#banner[kind="error"] {{ background: #fef2f2; border: 1px solid #fecaca; }}
QFrame#banner[kind="info"] {{ background: #eff6ff; border: 1px solid #bfdbfe; }}
QFrame#undoBar {{ background: #1e293b; border-radius: 8px; }}
QFrame#undoBar QLabel {{ color: #f8fafc; }}
QFrame#undoBar QPushButton {{ background: transparent; color: #93c5fd; border: none; font-weight: bold; }}
QFrame#card {{ border: 1px solid #e2e8f0; border-radius: 12px; background: #ffffff; }}
QFrame#preview {{ border: 1px solid #e2e8f0; border-radius: 8px; background: #ffffff; }}
QTextBrowser {{ border: none; }}
QStatusBar {{ background: #f8fafc; border-top: 1px solid #e2e8f0; color: #334155; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QProgressBar {{ border: none; background: #e2e8f0; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
QMenuBar {{ background: #ffffff; border-bottom: 1px solid #e2e8f0; }}
"""
