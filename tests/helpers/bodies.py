"""Long message bodies, plain and rich, opened in Compose; the order of background slices and a 1 ms timer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.models import BodyFormat, Draft
from app.ui.compose.body.body_loader import PIECEWISE_FROM

#: lines as mail has them, some of them long, with the characters Qt's insertText treats specially
LINE = "Line of a long message, with ünïcödé, a tab\tand an emoji \U0001F600 in it.\n"


def long_body(n: int = PIECEWISE_FROM * 3) -> str:
    return (LINE * (n // len(LINE) + 1))[:n] + "\nThe last words."


class TurnOrder:
    """Records the slices of background work (``slice``) and the ticks of another 1 ms timer (a key, a
    paint, the benches' heartbeat) in the order they ran; :meth:`back_to_back` counts the slices that ran
    right after the one before although the other timer had fallen due meanwhile."""

    def __init__(self):
        import time

        from PySide6.QtCore import QTimer

        self._now = time.perf_counter
        self.events: list[tuple[str, float]] = []
        self.other = QTimer()
        self.other.setTimerType(Qt.TimerType.PreciseTimer)
        self.other.setInterval(1)
        self.other.timeout.connect(lambda: self.events.append(("tick", self._now())))

    def slice(self, *_args) -> None:
        self.events.append(("slice", self._now()))

    def start(self, qtbot) -> None:
        self.other.start()
        qtbot.waitUntil(lambda: sum(kind == "tick" for kind, _t in self.events) > 3, timeout=5000)

    def back_to_back(self) -> tuple[int, int, int]:
        """(slices, slices after which the other timer was due, of those the ones followed by a slice)."""
        self.other.stop()
        slices = [k for k, (kind, _t) in enumerate(self.events) if kind == "slice"]
        due, followed, last_tick = 0, 0, None
        for k, (kind, t) in enumerate(self.events):
            if kind == "tick":
                last_tick = t
            elif last_tick is not None and t - last_tick >= 0.002:  # due (with a margin) when it ended
                due += 1
                followed += k + 1 < len(self.events) and self.events[k + 1][0] == "slice"
        return len(slices), due, followed


def open_body(qtbot, c, draft) -> None:
    """Open ``draft`` in Compose and wait until its body is all in the editor (a long one goes in a piece
    per turn: app/ui/compose/body/body_loader.py, tested in test_body_loader.py)."""
    c.load(draft)
    qtbot.waitUntil(lambda: not c.loader.active, timeout=30000)


def rich_body(paragraphs: int) -> str:
    return "<html><body>" + "".join(
        f"<p>Paragraph {i} with <b>bold</b>, <a href='https://example.com/{i}'>a link</a> and some more words"
        f" to make a line.</p>" + ("<ul><li>one</li><li>two</li></ul>" if i % 50 == 7 else "")
        for i in range(paragraphs)) + "</body></html>"


def open_rich(qtbot, c, html: str) -> None:
    c.load(Draft(body=html, body_format=BodyFormat.HTML))
    c.body.ensure_whole()  # set in one call (long HTML Qt did not write goes to the helper process otherwise)
    assert c.rich.isChecked() and not c.loader.active
