"""What the window is made of, declared in one place.

:class:`WindowParts` names every part the frame and the set-up slices build (app/ui/window/frame.py,
app/ui/window/setup_steps.py); each is filled once, by :meth:`WindowParts.fill`, and never replaced. The
window reads its parts through :class:`Part` descriptors (``win.compose`` is ``win.parts.compose``), which
refuse assignment: nothing outside the window gives it a new attribute or swaps one of its parts. A feature
is given the parts it needs when it is built, rather than looking for them on the window.
"""

from __future__ import annotations

# every part of the window, grouped by what builds it, each with what it is
NAMES = (
    # the frame (app/ui/window/frame.py): painted in the second frame
    "sidebar",  # QListWidget: the views, in order
    "stack",  # QStackedWidget: the views' pages
    "menus",  # {"&File": QMenu, ...}
    # the shell slice: what needs Qt's enums
    "sidebar_fit",  # the sidebar giving way in a narrow window
    "status",  # app.ui.window.status_bar.StatusWidgets
    "banner",
    "banner_slot",
    "announcer",  # app.ui.common.announce.Announcer: the window's one voice to a screen reader
    "port",  # app.ui.window.shell_port.WindowPort: what the features may ask of the shell (app.ui.common.port)
    # the controller and the views
    "outbox_news",  # app.ui.outbox.outbox_signals.OutboxSignals: the one bridge of the Outbox's news
    "flows",  # app.ui.window.workflows.Workflows
    "compose",
    "drafts",
    "sent",
    "welcome",
    # actions and menus
    "actions_",  # app.ui.window.actions.Actions
    "views_end",  # the View menu's separator after its views (more views go before it)
    "theme_actions",  # {"system"|"light"|"dark": QAction}
    "language_actions",  # {""|"en"|"fr"|"de": QAction}: View → Language ("": the system's)
    "eml",  # app.ui.compose.eml_flows.EmlFiles
    "find_bar",
    "edit_actions",
    "spelling",
    "power",  # app.ui.window.power_compose.PowerCompose
    "merge_action",  # File → Mail merge… (its dialog is built when first used: win.merge_dialog)
    # the journal slice: autosave, recovery, the send queue and the Outbox view
    "journal_bridge",
    "send_timing",  # app.ui.compose.send_timing.SendTiming
)


class WindowParts:
    """The window's parts, each ``None`` until it is built. A plain class with a slot per part (not a dataclass:
    this module is on the path to the first paint, where dataclasses' import and the class it would generate
    cost 5-8 ms)."""

    __slots__ = NAMES

    def __init__(self) -> None:
        for name in NAMES:
            setattr(self, name, None)

    def fill(self, **parts) -> None:
        """Put the parts just built in place; a part is filled once (a second fill is a programming error)."""
        for name, value in parts.items():
            if name not in NAMES:
                raise AttributeError(f"the window has no part {name!r}")
            if getattr(self, name) is not None:
                raise AttributeError(f"the window's part {name!r} is already built")
            setattr(self, name, value)


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
