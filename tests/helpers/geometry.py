"""Geometry checks for the GUI tests (issue 59, items 12 and 13): a window inside its screen, a widget inside
its window, the rows of a form apart, nothing cut short."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget


def settle() -> None:
    """Let what was shown or hidden be laid out (layout requests are posted events)."""
    for _ in range(3):
        QApplication.processEvents()


def on_screen(win) -> None:
    """The window's frame is inside its screen's available area."""
    settle()
    room, frame = win.screen().availableGeometry(), win.frameGeometry()
    assert room.contains(frame), f"the window's frame {frame} is past the screen's {room}"


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    """``widget``'s rectangle in ``top``'s coordinates."""
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


def inside(widget: QWidget, top: QWidget, what: str = "") -> None:
    """``widget`` is shown whole inside ``top`` (the window or dialog it belongs to)."""
    assert widget.isVisible(), f"{what or widget.accessibleName()} is not shown"
    r = rect_in(widget, top)
    assert top.rect().contains(r), f"{what or widget.accessibleName()} at {r} is outside {top.rect()}"


def _height_needed(w: QWidget) -> int:
    if isinstance(w, QLabel) and w.wordWrap():
        return w.heightForWidth(w.width())
    return w.minimumSizeHint().height()


def not_cut(widget: QWidget, what: str = "") -> None:
    """``widget`` has the height it needs: its minimum, or for wrapped text the height of its lines."""
    need = _height_needed(widget)
    assert widget.height() >= need, f"{what or widget.accessibleName() or widget.text()}: {widget.height()} < {need}"


def form_rows_apart(top: QWidget, form: QFormLayout) -> None:
    """No two rows of ``form`` overlap (their labels and fields), and each row's widgets have their height."""
    rects = []
    for row in range(form.rowCount()):
        for role in (QFormLayout.LabelRole, QFormLayout.FieldRole, QFormLayout.SpanningRole):
            item = form.itemAt(row, role)
            w = item.widget() if item is not None else None
            if w is None or not w.isVisible():
                continue
            not_cut(w)
            rects.append((row, w, rect_in(w, top)))
    for i, (row_a, a, ra) in enumerate(rects):
        for row_b, b, rb in rects[i + 1:]:
            if row_a != row_b:
                assert not ra.intersects(rb), (f"row {row_a} ({a.accessibleName() or type(a).__name__} {ra}) overlaps "
                                               f"row {row_b} ({b.accessibleName() or type(b).__name__} {rb})")


def all_shown_whole(top: QWidget) -> None:
    """Every visible wrapped label and input of ``top`` is inside it and has its height."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top:
            continue
        if isinstance(w, (QLabel, QLineEdit, QComboBox, QAbstractButton)):
            inside(w, top, f"{type(w).__name__} {w.accessibleName() or getattr(w, 'text', lambda: '')()!r}")
            not_cut(w, f"{type(w).__name__} {w.accessibleName() or getattr(w, 'text', lambda: '')()!r}")


def dialog_fits(qtbot, dlg, name: str, screenshot_dir, widths=(None, 683)) -> None:
    """``dlg`` at its default size, then widened or narrowed to 683 px (half a 1366 px screen; a dialog whose
    maximum width is less stays at its maximum, one whose minimum is more at its minimum): on the screen, no two
    rows of any of its forms overlapping, every label, field and button whole and inside it. A screenshot of
    each, ``dialog-<name>-<default|683>.png``."""
    from PySide6.QtWidgets import QFormLayout

    for width in widths:
        if width:
            set_width(qtbot, dlg, width)
        settle()
        on_screen(dlg)
        for form in dlg.findChildren(QFormLayout):
            form_rows_apart(dlg, form)
        all_shown_whole(dlg)
        dlg.grab().save(str(screenshot_dir / f"dialog-{name}-{width or 'default'}.png"))


def set_width(qtbot, top: QWidget, width: int) -> int:
    """``top`` widened or narrowed to ``width`` as a user would, kept on the screen (within its minimum and
    maximum width, and the least its layout allows); returns the width it took."""
    want = max(top.minimumWidth(), min(width, top.maximumWidth()))
    top.move(0, top.y())
    top.resize(want, top.height())
    least = max(want, top.minimumSizeHint().width())
    qtbot.waitUntil(lambda: top.width() in (want, least))
    settle()
    return top.width()


def _own(top: QWidget):
    return [w for w in top.findChildren(QWidget) if w.isVisible() and w.window() is top]


def _label_text(label: QLabel) -> str:
    text = label.text().replace("&&", "\0")
    if label.buddy() is not None:
        text = text.replace("&", "")
    return text.replace("\0", "&")


def clipped(top: QWidget, what: str = "") -> list[str]:
    """``top``'s visible labels and buttons whose words do not fit their width: a label's single lines (not
    word-wrapped, not rich text: an elided label has already shortened its text to its width), a button narrower
    than the room its words and icon need (its size hint; an icon-only tool button shows no words). One line each, with the widget's path."""
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtWidgets import QAbstractButton, QToolButton

    from tests.helpers.visible_text import widget_path

    found = []
    for w in _own(top):
        if isinstance(w, QLabel) and w.text() and not w.wordWrap() and not GuiQt.mightBeRichText(w.text()) \
                and w.pixmap().isNull():
            room = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
            need = max(w.fontMetrics().horizontalAdvance(line) for line in _label_text(w).split("\n"))
            if need > room:
                found.append(f"{what}: {widget_path(w)} {w.text()!r} needs {need} px, has {room}")
        elif isinstance(w, QToolButton) and w.toolButtonStyle() == GuiQt.ToolButtonIconOnly and not w.icon().isNull():
            continue  # its words are not shown (a field's own action: the address book's, a clear button)
        elif isinstance(w, QAbstractButton) and w.text() and w.width() < w.sizeHint().width():
            found.append(f"{what}: {widget_path(w)} {w.text()!r} needs {w.sizeHint().width()} px, "
                         f"has {w.width()}")
    return found


def overlapping(top: QWidget, what: str = "") -> list[str]:
    """Visible fields, buttons and labels of ``top`` that overlap a sibling (the same parent): geometry from the
    widgets, not pixels."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
                                   QPlainTextEdit, QTextEdit)

    from tests.helpers.visible_text import widget_path

    kinds = (QLabel, QLineEdit, QComboBox, QAbstractButton, QTextEdit, QPlainTextEdit, QAbstractItemView,
             QAbstractSpinBox)
    by_parent: dict = {}
    for w in _own(top):
        if isinstance(w, kinds) and w.parentWidget() is not None and not w.isWindow():
            by_parent.setdefault(id(w.parentWidget()), []).append(w)
    found = []
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1:]:
                both = a.geometry().intersected(b.geometry())
                if both.width() > 0 and both.height() > 0:
                    found.append(f"{what}: {widget_path(a)} {a.geometry()} overlaps {type(b).__name__} "
                                 f"{getattr(b, 'text', lambda: '')()!r} {b.geometry()}")
    return found
