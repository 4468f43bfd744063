"""What the window is made of, declared in one place.

:class:`WindowParts` names every part the frame and the set-up slices build (app/ui/window/frame.py,
app/ui/window/setup_steps.py); each is filled once, by :meth:`WindowParts.fill`, and never replaced. The
window reads its parts through :class:`Part` descriptors (``win.compose`` is ``win.parts.compose``), which
refuse assignment: nothing outside the window gives it a new attribute or swaps one of its parts. A feature
is given the parts it needs when it is built, rather than looking for them on the window.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass
class WindowParts:
    # the frame (app/ui/window/frame.py): painted in the second frame
    sidebar: Any = None  # QListWidget: the views, in order
    stack: Any = None  # QStackedWidget: the views' pages
    menus: Any = None  # {"&File": QMenu, ...}
    # the shell slice: what needs Qt's enums
    sidebar_fit: Any = None  # the sidebar giving way in a narrow window
    status: Any = None  # app.ui.window.status_bar.StatusWidgets
    banner: Any = None
    banner_slot: Any = None
    announcer: Any = None  # app.ui.common.announce.Announcer: the window's one voice to a screen reader
    # the controller and the views
    outbox_news: Any = None  # app.ui.outbox.outbox_signals.OutboxSignals: the one bridge of the Outbox's news
    flows: Any = None  # app.ui.window.workflows.Workflows
    compose: Any = None
    drafts: Any = None
    sent: Any = None
    welcome: Any = None
    # actions and menus
    actions_: Any = None  # app.ui.window.actions.Actions
    views_end: Any = None  # the View menu's separator after its views (more views go before it)
    theme_actions: Any = None  # {"system"|"light"|"dark": QAction}
    language_actions: Any = None  # {""|"en"|"fr"|"de": QAction}: View → Language ("": the system's)
    eml: Any = None  # app.ui.compose.eml_flows.EmlFiles
    find_bar: Any = None
    edit_actions: Any = None
    spelling: Any = None
    power: Any = None  # app.ui.window.power_compose.PowerCompose
    merge_action: Any = None  # File → Mail merge… (its dialog is built when first used: win.merge_dialog)
    # the journal slice: autosave, recovery, the send queue and the Outbox view
    journal_bridge: Any = None
    send_timing: Any = None  # app.ui.compose.send_timing.SendTiming

    def fill(self, **parts) -> None:
        """Put the parts just built in place; a part is filled once (a second fill is a programming error)."""
        for name, value in parts.items():
            if name not in NAMES:
                raise AttributeError(f"the window has no part {name!r}")
            if getattr(self, name) is not None:
                raise AttributeError(f"the window's part {name!r} is already built")
            setattr(self, name, value)


NAMES = tuple(f.name for f in fields(WindowParts))


class Part:
    """A window attribute that is one of its :class:`WindowParts` (read-only: filled through ``parts.fill``)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, win, owner=None):
        if win is None:
            return self
        return getattr(win.parts, self.name)

    def __set__(self, win, value) -> None:
        raise AttributeError(f"{self.name!r} is a window part: filled once through win.parts.fill")
