"""Which seconds of an undo-send countdown a screen reader is told. No Qt.

A countdown's bar changes every second; a reader that spoke each change would talk over everything else for
the whole window (WAI-ARIA's advice for a timer: not a live region read at every tick). So it is said twice
at most: at its **start** (how long there is to take it back), and once in its **last** :data:`LAST_SECONDS`
seconds (the last chance). A countdown that starts inside its last seconds is said once, at its start.

:func:`cue` is asked at every tick with the seconds left and what was said of this countdown so far.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# the countdown's last seconds, said once when it reaches them
LAST_SECONDS = 3


class Cue(Enum):
    START = "start"
    LAST = "last"


@dataclass(frozen=True)
class Said:
    """What was said of one countdown so far."""

    start: bool = False
    last: bool = False


def cue(left: int, said: Said) -> tuple[Cue | None, Said]:
    """What to say now that ``left`` whole seconds are left, and what will have been said then. None: nothing
    (a second like any other, or the countdown is over: its outcome is said instead)."""
    if not said.start:
        return Cue.START, Said(start=True, last=left <= LAST_SECONDS)
    if not said.last and 0 < left <= LAST_SECONDS:
        return Cue.LAST, Said(start=True, last=True)
    return None, said


def spoken_seconds(ticks: list[int]) -> list[tuple[int, Cue]]:
    """The seconds of ``ticks`` (the seconds left at each tick, in order) that are said, and as what."""
    said, out = Said(), []
    for left in ticks:
        what, said = cue(left, said)
        if what is not None:
            out.append((left, what))
    return out
