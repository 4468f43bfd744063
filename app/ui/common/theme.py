"""Look and feel: a light and a dark stylesheet and palette, icons drawn as SVG in resources/icons.

The scheme is the user's choice (View → Theme: System, Light or Dark; kept in the settings, applied at once:
:func:`set_choice`, app/ui/window/theme_menu.py). "System" follows the system (Qt 6's
``QStyleHints.colorScheme()``, at start and on ``colorSchemeChanged``), or ``DISPATCH_COLOR_SCHEME=dark|light``
when it is set (users whose system says nothing, and tests).
Every focusable widget paints a visible focus indicator (a 2 px ring, a tinted background).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

ACCENT = "#2563eb"
DANGER = "#dc2626"
MUTED = "#64748b"


def resources_dir() -> Path:
    """resources/ beside app/: in the source tree, and in the bundle too (PyInstaller sets a bundled
    module's ``__file__`` to its place under the bundle's folder, where the spec puts resources/)."""
    return Path(__file__).resolve().parents[3] / "resources"


@lru_cache(maxsize=None)
def icon(name: str):
    from PySide6.QtGui import QIcon  # not at import: the frame needs no icon

    path = resources_dir() / ("dispatch-mail.svg" if name == "app" else f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


# a sidebar item's icon name (the icon is drawn again in the scheme's colours when the scheme changes)
ICON_ROLE = 0x0100 + 42  # Qt.UserRole + 42
_ICON_INK = 'stroke="#475569"'  # the colour the SVG icons are drawn in


@lru_cache(maxsize=None)
def sidebar_icon(name: str, scheme: str):
    """The view's icon in the sidebar's own text colours: the scheme's sidebar text when not selected, the
    selected item's text colour when selected (Qt's own "selected" icon darkens the icon towards the
    highlight: on the dark scheme's selection it was nearly invisible)."""
    from PySide6.QtGui import QIcon, QPixmap

    path = resources_dir() / f"icons/{name}.svg"
    if not path.exists():
        return icon(name)
    svg = path.read_text(encoding="utf-8")
    c = PALETTES[scheme]
    out = QIcon()
    for mode, key in ((QIcon.Normal, "side_fg"), (QIcon.Active, "side_fg"), (QIcon.Selected, "sel_fg")):
        pm = QPixmap()
        pm.loadFromData(svg.replace(_ICON_INK, f'stroke="{c[key]}"').encode("utf-8"), "SVG")
        out.addPixmap(pm, mode)
    return out


def set_sidebar_icon(item, name: str, scheme: str | None) -> None:
    """Give a sidebar item the view's icon ``name`` in ``scheme``'s colours (and remember the name)."""
    item.setData(ICON_ROLE, name)
    item.setIcon(sidebar_icon(name, scheme if scheme in PALETTES else "light"))


def _tint_sidebar(widget, scheme: str) -> None:
    from PySide6.QtWidgets import QListWidget

    side = widget.findChild(QListWidget, "sidebar")
    for row in range(side.count() if side is not None else 0):
        name = side.item(row).data(ICON_ROLE)
        if name:
            set_sidebar_icon(side.item(row), name, scheme)


CHEVRON = (resources_dir() / "icons" / "chevron-down.svg").as_posix()

PALETTES = {
    "light": dict(
        bg="#ffffff", fg="#0f172a", side="#f1f5f9", line="#e2e8f0", side_fg="#334155", sel="#dbeafe",
        sel_fg="#1e3a8a", hover="#e2e8f0", muted=MUTED, danger="#b91c1c", input_line="#cbd5e1", input_bg="#ffffff",
        text_sel="#bfdbfe", text_sel_fg="#0f172a", invalid_bg="#fff7f7", alt="#f8fafc", soft="#f8fafc",
        err_bg="#fef2f2", err_line="#fecaca", info_bg="#eff6ff", info_line="#bfdbfe", toast="#1e293b",
        toast_fg="#f8fafc", toast_btn="#93c5fd", accent=ACCENT, accent_hover="#1d4ed8",
        off_fg="#64748b", link=ACCENT, primary=ACCENT, ring="#1e3a8a", btn_hover="#f8fafc", btn_hover_line="#94a3b8", on_accent="#ffffff", warn="#92400e",
    ),
    "dark": dict(
        bg="#0f172a", fg="#e2e8f0", side="#0b1120", line="#334155", side_fg="#cbd5e1", sel="#1e3a8a",
        sel_fg="#dbeafe", hover="#1e293b", muted="#94a3b8", danger="#f87171", input_line="#475569",
        input_bg="#1e293b", text_sel="#1d4ed8", text_sel_fg="#f8fafc", invalid_bg="#3b1219", alt="#152036",
        soft="#111c30", err_bg="#3b1219", err_line="#7f1d1d", info_bg="#172554", info_line="#1e40af",
        toast="#334155", toast_fg="#f8fafc", toast_btn="#93c5fd", accent="#3b82f6", accent_hover="#1d4ed8",
        off_fg="#94a3b8", link="#93c5fd", primary="#2563eb", ring="#bfdbfe", btn_hover="#273449", btn_hover_line="#64748b",
        on_accent="#ffffff", warn="#fbbf24",
    ),
}


def stylesheet(scheme: str = "light") -> str:
    c = PALETTES[scheme]
    return f"""
QMainWindow, QWidget#page, QDialog, QMessageBox {{ background: {c['bg']}; }}
QWidget {{ font-size: 10pt; color: {c['fg']}; }}
QListWidget#sidebar {{
    background: {c['side']}; border: none; border-right: 1px solid {c['line']};
    padding: 12px 8px; outline: 0;
}}
QListWidget#sidebar:focus {{ border: 2px solid {c['accent']}; padding: 10px 6px; }}
QListWidget#sidebar::item {{ padding: 9px 12px; border-radius: 8px; margin: 2px 0; color: {c['side_fg']}; }}
QListWidget#sidebar[compact="true"]::item {{ padding: 9px 0px; }}
QListWidget#sidebar[compact="true"] {{ padding: 12px 4px; }}
QListWidget#sidebar[compact="true"]:focus {{ padding: 10px 2px; }}
QListWidget#sidebar::item:selected {{ background: {c['sel']}; color: {c['sel_fg']}; font-weight: bold; }}
QListWidget#sidebar::item:hover:!selected {{ background: {c['hover']}; }}
QLabel#brand {{ font-size: 13pt; font-weight: bold; color: {c['fg']}; padding: 16px 16px 4px 20px;
    background: transparent; }}
QWidget#sidebarBox {{ background: {c['side']}; border-right: 1px solid {c['line']}; }}
QLabel#viewTitle {{ font-size: 16pt; font-weight: bold; color: {c['fg']}; }}
QLabel#viewSubtitle {{ color: {c['muted']}; }}
QLabel#fieldLabel {{ color: {c['muted']}; font-weight: bold; min-width: 64px; }}
QLabel#fieldError {{ color: {c['danger']}; font-size: 9pt; padding-left: 2px; }}
QLabel#fieldWarning {{ color: {c['warn']}; font-size: 9pt; padding-left: 2px; }}
QLabel#formError {{ color: {c['danger']}; background: {c['err_bg']}; border: 1px solid {c['err_line']}; border-radius: 6px;
    padding: 8px 10px; }}
QLineEdit, QTextEdit, QComboBox {{
    border: 1px solid {c['input_line']}; border-radius: 6px; padding: 6px 8px; background: {c['input_bg']};
    selection-background-color: {c['text_sel']}; selection-color: {c['text_sel_fg']};
    placeholder-text-color: {c['muted']};
}}
QLineEdit:focus, QTextEdit:focus, QComboBox:focus {{ border: 2px solid {c['accent']}; padding: 5px 7px; }}
QLineEdit, QComboBox {{ min-height: 20px; }}
QLineEdit[invalid="true"], QListWidget[invalid="true"] {{ border: 1px solid {c['danger']}; background: {c['invalid_bg']}; }}
QComboBox {{ padding-right: 24px; }}
QComboBox:focus {{ padding-right: 23px; }}
QComboBox::drop-down {{ border: none; width: 22px; subcontrol-origin: padding; subcontrol-position: center right; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{ border: 1px solid {c['input_line']}; background: {c['input_bg']};
    selection-background-color: {c['sel']}; selection-color: {c['sel_fg']}; }}
QListView#suggestionList {{ border: 1px solid {c['input_line']}; background: {c['input_bg']}; color: {c['fg']};
    selection-background-color: {c['sel']}; selection-color: {c['sel_fg']}; }}
QTextEdit#body {{ padding: 10px; font-size: 10.5pt; }}
QTextEdit#body:focus {{ padding: 9px; }}
QPushButton {{
    border: 1px solid {c['input_line']}; border-radius: 6px; padding: 6px 14px; background: {c['input_bg']};
    color: {c['fg']};
}}
QPushButton {{ outline: none; }}
QPushButton:hover {{ background: {c['btn_hover']}; border-color: {c['btn_hover_line']}; }}
QPushButton:focus {{ border: 2px solid {c['accent']}; padding: 5px 13px; }}
QPushButton:disabled {{ color: {c['off_fg']}; background: {c['soft']}; }}
QPushButton#primary {{ background: {c['primary']}; color: {c['on_accent']}; border: 1px solid {c['primary']};
    font-weight: bold; }}
QPushButton#primary:hover {{ background: {c['accent_hover']}; }}
QPushButton#primary:focus {{ border: 2px solid {c['ring']}; padding: 5px 13px; }}
QPushButton#primary:disabled {{ background: {c['soft']}; border-color: {c['input_line']}; color: {c['off_fg']}; }}
QToolButton {{ border: 1px solid transparent; border-radius: 5px; padding: 3px 7px; }}
QToolButton#fmt {{ min-width: 18px; }}
QToolButton:disabled {{ color: {c['off_fg']}; }}
QToolButton:checked {{ background: {c['sel']}; border-color: {c['text_sel']}; }}
QToolButton:hover {{ background: {c['hover']}; }}
QToolButton:focus {{ border: 2px solid {c['accent']}; padding: 2px 6px; }}
QCheckBox {{ padding: 3px 5px; border: 1px solid transparent; border-radius: 5px; }}
QCheckBox:focus {{ border: 1px solid {c['accent']}; background: {c['sel']}; }}
QTableView {{
    outline: 0; border: 1px solid {c['line']}; border-radius: 8px; gridline-color: transparent;
    background: {c['bg']}; color: {c['fg']};
    selection-background-color: {c['sel']}; selection-color: {c['fg']}; alternate-background-color: {c['alt']};
}}
QTableView:focus {{ border: 2px solid {c['accent']}; }}
QHeaderView::section {{
    background: {c['soft']}; color: {c['muted']}; border: none; border-bottom: 1px solid {c['line']};
    padding: 7px 8px; font-weight: bold;
}}
QTableCornerButton::section {{ background: {c['soft']}; border: none; }}
QListWidget#attachments {{ border: 1px dashed {c['input_line']}; border-radius: 6px; background: {c['soft']};
    padding: 4px; color: {c['side_fg']}; outline: 0; }}
QListWidget#attachments:focus {{ border: 2px solid {c['accent']}; padding: 3px; }}
QListWidget#attachments::item {{ padding: 2px 8px; border-radius: 4px; }}
QListWidget#attachments::item:selected {{ background: {c['sel']}; color: {c['fg']}; }}
QFrame#banner {{ border-radius: 8px; padding: 2px; }}
QFrame#banner[kind="error"] {{ background: {c['err_bg']}; border: 1px solid {c['err_line']}; }}
QFrame#banner[kind="info"] {{ background: {c['info_bg']}; border: 1px solid {c['info_line']}; }}
QFrame#undoBar {{ background: {c['toast']}; border-radius: 8px; }}
QFrame#undoBar QLabel {{ color: {c['toast_fg']}; }}
QFrame#undoBar QPushButton {{ background: transparent; color: {c['toast_btn']}; border: 2px solid transparent;
    font-weight: bold; }}
QFrame#undoBar QPushButton:focus {{ border: 2px solid {c['toast_btn']}; }}
QFrame#card {{ border: 1px solid {c['line']}; border-radius: 12px; background: {c['bg']}; }}
QFrame#preview {{ border: 1px solid {c['line']}; border-radius: 8px; background: {c['bg']}; }}
QFrame#findBar {{ background: {c['soft']}; border-top: 1px solid {c['line']}; }}
QTextBrowser {{ border: 2px solid transparent; border-radius: 6px; background: {c['bg']}; }}
QTextBrowser:focus {{ border: 2px solid {c['accent']}; }}
QStatusBar {{ background: {c['soft']}; border-top: 1px solid {c['line']}; color: {c['side_fg']}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QProgressBar {{ border: none; background: {c['line']}; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {c['accent']}; border-radius: 3px; }}
QMenuBar {{ background: {c['bg']}; border-bottom: 1px solid {c['line']}; }}
QMenuBar::item {{ background: transparent; padding: 4px 8px; }}
QMenuBar::item:selected {{ background: {c['sel']}; color: {c['sel_fg']}; }}
QMenu {{ background: {c['input_bg']}; border: 1px solid {c['line']}; padding: 4px; }}
QMenu::item {{ padding: 5px 28px 5px 20px; border-radius: 4px; }}
QMenu::item:selected {{ background: {c['sel']}; color: {c['sel_fg']}; }}
QMenu::separator {{ height: 1px; background: {c['line']}; margin: 4px 8px; }}
QScrollBar:vertical {{ background: {c['soft']}; width: 12px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {c['soft']}; height: 12px; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ background: {c['input_line']}; border-radius: 4px; min-height: 24px; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: {c['input_line']}; border-radius: 4px; min-width: 24px; margin: 2px; }}
QScrollBar::handle:hover {{ background: {c['muted']}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QToolTip {{ background: {c['input_bg']}; color: {c['fg']}; border: 1px solid {c['line']}; padding: 4px; }}
"""


STYLE = stylesheet("light")


def palette(scheme: str = "light") -> QPalette:
    """The widgets' palette for ``scheme`` (what the stylesheet does not paint: scroll bars, check marks,
    the native parts of dialogs)."""
    c = PALETTES[scheme]
    p = QPalette()
    for role, key in ((QPalette.Window, "bg"), (QPalette.WindowText, "fg"), (QPalette.Base, "input_bg"),
                      (QPalette.AlternateBase, "alt"), (QPalette.Text, "fg"), (QPalette.Button, "input_bg"),
                      (QPalette.ButtonText, "fg"), (QPalette.Highlight, "text_sel"),
                      (QPalette.HighlightedText, "text_sel_fg"), (QPalette.ToolTipBase, "input_bg"),
                      (QPalette.ToolTipText, "fg"), (QPalette.PlaceholderText, "muted"), (QPalette.Mid, "line"),
                      (QPalette.Midlight, "soft"), (QPalette.Dark, "input_line"), (QPalette.Light, "hover"),
                      (QPalette.Link, "link"), (QPalette.LinkVisited, "link"),
                      (QPalette.BrightText, "on_accent")):
        p.setColor(role, QColor(c[key]))
    for role, key in ((QPalette.WindowText, "off_fg"), (QPalette.Text, "off_fg"), (QPalette.ButtonText, "off_fg")):
        p.setColor(QPalette.Disabled, role, QColor(c[key]))
    return p


THEME_CHOICES = ("system", "light", "dark")
_choice = "system"  # the user's (View → Theme); app-wide, as the application's palette is


def set_choice(choice: str) -> None:
    """The theme the user chose ("system", "light" or "dark"; anything else is "system"): what
    :func:`current_scheme` and :func:`early_scheme` answer from now on. :func:`apply` shows it."""
    global _choice
    _choice = choice if choice in THEME_CHOICES else "system"


def choice() -> str:
    return _choice


def current_scheme() -> str:
    """"dark" or "light": the user's choice if not "system"; else DISPATCH_COLOR_SCHEME if set, else the
    system's colour scheme."""
    if _choice in PALETTES:
        return _choice
    forced = os.environ.get("DISPATCH_COLOR_SCHEME", "").strip().lower()
    return forced if forced in PALETTES else system_scheme()


def early_scheme() -> str:
    """Like :func:`current_scheme`, without asking Qt for the system's colour scheme (that answer is a
    ``Qt`` enum: its first use costs 20-30 ms): DISPATCH_COLOR_SCHEME if set, else the palette's
    lightness. For the first frame; the first slice after it applies :func:`current_scheme`."""
    if _choice in PALETTES:
        return _choice
    forced = os.environ.get("DISPATCH_COLOR_SCHEME", "").strip().lower()
    if forced in PALETTES:
        return forced
    return "dark" if QGuiApplication.palette().color(QPalette.Window).lightness() < 128 else "light"


def system_scheme() -> str:
    """The system's colour scheme as Qt reports it ("light" when it does not say)."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return "dark" if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def paint_background(widget, scheme: str) -> None:
    """Give ``widget`` the scheme's background colour only (the window's first frame: empty, as a bare
    window paints it). QPalette's two-colour constructor, not :func:`palette`: its roles are Qt enums,
    built on first use (~1 ms); :func:`apply` gives the whole palette and the stylesheet with the frame."""
    c = PALETTES[scheme]
    widget.setPalette(QPalette(QColor(c["input_bg"]), QColor(c["bg"])))


def apply(widget, scheme: str | None = None) -> str:
    """Give ``widget`` (the main window: its children and dialogs inherit it) the scheme's stylesheet and
    palette. Returns the scheme applied."""
    scheme = scheme or current_scheme()
    if widget.property("colorScheme") != scheme:
        widget.setProperty("colorScheme", scheme)
        pal = palette(scheme)
        widget.setPalette(pal)
        app_palette(pal)
        widget.setStyleSheet(stylesheet(scheme))
        _tint_sidebar(widget, scheme)
    return scheme


def app_palette(pal: QPalette) -> None:
    """The application's palette too: a widget the stylesheet polishes takes the roles the stylesheet
    does not set (links, visited links) from the application's palette, not from its parent's: without
    this, links in Compose and the Sent preview were Qt's #0000FF on the dark scheme's #1E293B (1.7:1)."""
    app = QGuiApplication.instance()
    if app is not None and app.palette() != pal:
        QGuiApplication.setPalette(pal)


class SchemeFollower(QObject):
    """Re-applies the theme to its parent when the system's colour scheme changes."""

    def __init__(self, widget):
        super().__init__(widget)
        self._widget = widget
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, *_args) -> None:
        apply(self._widget)


def follow_system_app(app, *, early: bool = False):
    """The running app (not the tests' shared one): its palette follows the scheme too, for what is not
    a child of the window (tooltips, the platform's dialogs). ``early``: not before the returned function
    is called (after the first frame: the window has its own palette)."""
    def update(*_args):
        app.setPalette(palette(current_scheme()))

    if not early:
        update()
    QGuiApplication.styleHints().colorSchemeChanged.connect(update)
    return update


def follow_system(widget, *, early: bool = False) -> SchemeFollower:
    """Apply the current scheme to ``widget`` now and whenever the system's changes (``early``: the
    guessed one, :func:`early_scheme`, until :func:`apply` is called again)."""
    apply(widget, early_scheme() if early else None)
    return SchemeFollower(widget)
