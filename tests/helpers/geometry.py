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
        if width:  # as a user would, kept on the screen
            want = max(dlg.minimumWidth(), min(width, dlg.maximumWidth()))
            dlg.move(0, dlg.y())
            dlg.resize(want, dlg.height())
            qtbot.waitUntil(lambda: dlg.width() == want)
        settle()
        on_screen(dlg)
        for form in dlg.findChildren(QFormLayout):
            form_rows_apart(dlg, form)
        all_shown_whole(dlg)
        dlg.grab().save(str(screenshot_dir / f"dialog-{name}-{width or 'default'}.png"))
