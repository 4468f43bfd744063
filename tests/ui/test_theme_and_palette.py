"""Issue 59, item 10: View → Theme (System, Light, Dark) applied at once, in the palette, kept in the
settings for the next start; and in the palette a command whose name matches ranks above a draft matched
only weakly ("dark" offers the Dark theme first, not "Open draft: Unsaved work — to Dave Davis"). Real window
on the sandbox, real key events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.models import Draft, Recipient
from app.ui.common import theme
from tests.helpers.keys import ALT, CTRL, SHIFT, key, popup_key
from tests.helpers.windows import close_window, make_window, wait_task

DAVE = Recipient("dave@example.com", "Dave Davis")


def open_palette(qtbot, win):
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    return win.power.palette


def dark_on_screen(win) -> bool:
    return win.property("colorScheme") == "dark" and win.palette().color(QPalette.Window).lightness() < 128


def test_dark_in_the_palette_is_the_theme_first_and_a_weak_draft_match_last(qtbot, window, screenshot_dir):
    win = window
    wait_task(qtbot, win.session.save_draft(Draft(to=[DAVE], subject="Unsaved work", body="b")))
    win.drafts.model.reload()
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    p = open_palette(qtbot, win)
    qtbot.keyClicks(p.field, "dark")
    shown = p.shown()
    win.grab().save(str(screenshot_dir / "palette-dark.png"))
    assert shown[0] == "Dark" and p.model.rows[0].where == "Theme", shown
    drafts = [i for i, e in enumerate(p.model.rows) if e.where == "Drafts"]
    assert "Open draft: Unsaved work — to Dave Davis" in shown
    assert drafts == list(range(len(shown) - len(drafts), len(shown))), ("a weak draft match comes last", shown)
    assert not dark_on_screen(win)
    key(qtbot, win, Qt.Key_Return)  # runs it: dark at once, kept in the settings
    qtbot.waitUntil(lambda: dark_on_screen(win), timeout=3000)
    assert win.settings.theme() == "dark" and win.theme_actions["dark"].isChecked()
    assert QApplication.palette().color(QPalette.Window).lightness() < 128, "dialogs and tooltips too"
    win.grab().save(str(screenshot_dir / "theme-dark-chosen.png"))


def test_view_theme_by_keys_applies_at_once_and_is_kept_for_the_next_start(qtbot, window, sandbox, settings,
                                                                           monkeypatch):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", "light")  # what "System" says here
    win = window
    names = [a.text() for a in win.menus["&View"].actions()]
    assert "&Theme" in names, names
    assert [a.text() for a in win.theme_actions.values()] == ["&System", "&Light", "&Dark"]
    assert win.theme_actions["system"].isChecked() and not dark_on_screen(win)
    QTest.keyClick(win.windowHandle(), Qt.Key_V, ALT)  # View (through the window, as the platform sends it)
    qtbot.waitUntil(lambda: win.menus["&View"].isVisible(), timeout=3000)
    popup_key(qtbot, Qt.Key_T)  # Theme
    qtbot.waitUntil(lambda: win.findChild(type(win.menus["&View"]), "menuTheme").isVisible(), timeout=3000)
    popup_key(qtbot, Qt.Key_D)  # Dark
    qtbot.waitUntil(lambda: dark_on_screen(win), timeout=3000)
    assert settings.theme() == "dark"
    # the next start: dark from the first frame, whatever "System" says
    session = win.session
    close_window(win)
    theme.set_choice("system")  # as in a fresh process
    win2 = make_window(qtbot, None, settings)
    try:
        qtbot.waitUntil(lambda: dark_on_screen(win2), timeout=5000)
        assert win2.theme_actions["dark"].isChecked()
        # System again, from the palette: light, as DISPATCH_COLOR_SCHEME says
        p = open_palette(qtbot, win2)
        qtbot.keyClicks(p.field, "theme system")
        assert p.shown()[0] == "System"
        key(qtbot, win2, Qt.Key_Return)
        qtbot.waitUntil(lambda: win2.property("colorScheme") == "light", timeout=3000)
        assert settings.theme() == "system"
    finally:
        close_window(win2)
        del session
