"""The status bar's messages as the user can read them whole (issue 59). A message that does not fit beside
the bar's own widgets is shown cut at a whole word with "…" (app.ui.window.frame.FittingStatusBar; the
offscreen screen is 800 px wide and the window fits it), and its whole text goes in the bar's tooltip and, by
the bar's ``cut`` signal, in the banner. Tests check those whole words, never the shortened line."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment


def record_messages(win, said: list[str] | None = None) -> list[str]:
    """Every message the status bar shows from now on, each whole ("" when it is cleared), appended to
    ``said`` (a new list when not given), which is returned."""
    bar = win.statusBar()
    said = [] if said is None else said
    bar.messageChanged.connect(said.append)

    def whole(text: str) -> None:  # emitted right after the shortened line's ``messageChanged``
        if said and said[-1] == text:
            return  # the same message again: Qt shows it on, without a second ``messageChanged``
        assert said and said[-1].endswith("…") and text.startswith(said[-1][:-1]), (said, text)
        said[-1] = text

    if hasattr(bar, "cut"):  # a plain QStatusBar (asked for before the window's frame was built) cuts nothing
        bar.cut.connect(whole)
    return said


def whole_message(win) -> str:
    """The message on show, whole: the bar's tooltip holds it when the line had to be shortened."""
    bar = win.statusBar()
    shown, tip = bar.currentMessage(), bar.toolTip()
    if not shown or not tip or not shown.endswith("…"):
        return shown
    whole = QTextDocumentFragment.fromHtml(tip).toPlainText()
    assert whole.startswith(shown[:-1]), f"the tooltip {whole!r} is not the whole of {shown!r}"
    return whole
