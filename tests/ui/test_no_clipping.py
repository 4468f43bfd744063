"""Nothing is cut, in a longer language: the real window on the sandbox built in the pseudo-locale (every word 40 %
longer), in French and in German, at its default size and at 683 px wide (half a 1366 px screen); each view shown
by its key (and the parts of it keys show: more options, the find bar, the palette) and each dialog the
keyboard opens opened by its keys, at both widths: no label whose line is wider
than its room (unless it wraps, or elides itself), no button narrower than its words, no field, button or label
overlapping a sibling (tests/helpers/geometry.py: from the widgets' geometry, not pixels); the dialogs on the
screen. Every problem is reported at once, with the widget's path.

French and German are the README's pictures in those languages too (docs/screenshots/fr/, de/: copied by
scripts/refresh-screenshots.sh; tests/helpers/paths.py LANGUAGE_SHOTS), taken at the default size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.dialogs import (DIALOGS, PARTS, VIEW_KEYS, close_by_escape, compose_ready, hide_part,
                                   open_by_keys, show_part, show_view)
from tests.helpers.geometry import clipped, on_screen, overlapping, set_width, settle
from tests.helpers.language import in_language
from tests.helpers.paths import LANGUAGE_SHOTS
from tests.helpers.pseudo_locale import pseudo_catalogues
from tests.helpers.windows import close_window, open_window

NARROW = 683


@pytest.fixture(params=["pseudo", "fr", "de"])
def language_window(request, qtbot, aloop, sandbox, settings):
    folder = pseudo_catalogues() if request.param == "pseudo" else None
    with in_language(request.param, catalogues=folder):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        try:
            yield request.param, win
        finally:
            close_window(win, session)


def _shot(widget, lang: str, name: str, screenshot_dir) -> None:
    """The README's picture in ``lang`` (default size), and every other one for a look."""
    picture = f"{lang}/{name}.png"
    path = screenshot_dir / (picture if picture in LANGUAGE_SHOTS else f"{lang}-{name}.png")
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))


def _problems(top, what: str) -> list[str]:
    settle()
    return clipped(top, what) + overlapping(top, what)


def test_a_cut_word_and_an_overlap_are_found(qtbot):
    """The checks themselves: a label narrower than its line, a button narrower than its words, two fields on top
    of each other are named; a word-wrapped label and a button with its room are not."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    top.resize(600, 300)
    cut = QLabel("A line much longer than its room", top)
    cut.setGeometry(0, 0, 60, 20)
    wrapped = QLabel("A line much longer than its room", top)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 30, 60, 120)
    narrow = QPushButton("Schedule the message", top)
    narrow.setGeometry(100, 0, 40, 30)
    roomy = QPushButton("OK", top)
    roomy.setGeometry(100, 200, roomy.sizeHint().width(), 30)
    a, b = QLineEdit(top), QLineEdit(top)
    a.setGeometry(200, 0, 100, 30)
    b.setGeometry(250, 10, 100, 30)
    top.show()
    qtbot.waitExposed(top)
    assert [line.split(" ")[1].split("/")[-1] for line in clipped(top, "t")] == ["QLabel", "QPushButton"]
    assert len(overlapping(top, "t")) == 1


def test_nothing_is_cut(qtbot, language_window, screenshot_dir):
    lang, win = language_window
    default = win.width()
    found: list[str] = []
    for width in (default, NARROW):
        if set_width(qtbot, win, width) != width:
            found.append(f"the window cannot be {width} px wide: its words need {win.width()} px")
        for view in VIEW_KEYS:
            show_view(qtbot, win, view)
            QApplication.processEvents()
            found += _problems(win, f"{view} at {width} px")
            _shot(win, lang, view if width == default else f"{view}-{width}", screenshot_dir)
        for part in PARTS:
            show_part(qtbot, win, part)
            found += _problems(win, f"{part} at {width} px")
            _shot(win, lang, f"{part}-{width}", screenshot_dir)
            hide_part(qtbot, win, part)
    set_width(qtbot, win, default)
    compose_ready(qtbot, win)  # each dialog closed gives the keyboard back there
    for name in DIALOGS:
        dlg = open_by_keys(qtbot, win, name)
        dlg_default = dlg.width()
        for width in (dlg_default, NARROW):
            if set_width(qtbot, dlg, width) > max(width, dlg.minimumWidth()):
                found.append(f"dialog {name} cannot be {width} px wide: its words need {dlg.width()} px")
            on_screen(dlg)
            found += _problems(dlg, f"dialog {name} at {dlg.width()} px")
            _shot(dlg, lang, name if width == dlg_default else f"{name}-{width}", screenshot_dir)
        close_by_escape(qtbot, win, dlg)
    unique = list(dict.fromkeys(found))
    assert not unique, f"{len(unique)} cut or overlapping:\n" + "\n".join(unique)
