"""What the window is made of, declared in one place.

:class:`WindowParts` names every part the frame and the set-up slices build (app/ui/window/frame.py,
app/ui/window/setup_steps.py); each is filled once, by :meth:`WindowParts.fill`, and never replaced. The
window reads its parts through :class:`Part` descriptors (``win.compose`` is ``win.parts.compose``), which
refuse assignment: nothing outside the window gives it a new attribute or swaps one of its parts. A feature
is given the parts it needs when it is built, rather than looking for them on the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar  # (typing is loaded with PySide6 already: no cost here)

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QListWidget, QMenu, QStackedWidget

    from app.ui.accounts.account_dialog import WelcomeView
    from app.ui.addressbook.book_action import AddressBookAction
    from app.ui.common.announce import Announcer
    from app.ui.compose.compose_view import ComposeView
    from app.ui.compose.eml_flows import EmlFiles
    from app.ui.compose.find_bar import FindBar
    from app.ui.compose.send_timing import SendTiming
    from app.ui.compose.spell_menu import Spelling
    from app.ui.lists.drafts_view import DraftsView
    from app.ui.lists.sent_view import SentView
    from app.ui.outbox.journal_bridge import JournalBridge
    from app.ui.common.core_events import CoreEvents
    from app.ui.compose.receipt_defaults import ReceiptDefaults
    from app.ui.lists.delivery_flows import DeliveryFlows
    from app.ui.notify.notifier import Notifier
    from app.ui.window.actions import Actions
    from app.ui.window.banner import Banner, BannerSlot
    from app.ui.window.power_compose import PowerCompose
    from app.ui.window.shell_port import WindowPort
    from app.ui.window.sidebar_fit import SidebarFit
    from app.ui.window.status_bar import StatusWidgets
    from app.ui.window.workflows import Workflows

T = TypeVar("T")

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
    "core_events",  # app.ui.common.core_events.CoreEvents: the one bridge of the core's events to Qt signals
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
    "address_book",  # app.ui.addressbook.book_action.AddressBookAction: Compose's address book (Ctrl+Shift+B)
    # the journal slice: autosave, recovery, the send queue and the Outbox view
    "journal_bridge",
    "send_timing",  # app.ui.compose.send_timing.SendTiming
    "notifier",  # app.ui.notify.notifier.Notifier: desktop notifications of sends in the background
    "receipt_defaults",  # app.ui.compose.receipt_defaults.ReceiptDefaults: File → Receipts for new messages
    "delivery",  # app.ui.lists.delivery_flows.DeliveryFlows: did it arrive (the reports, in Sent and the banner)
)


class WindowParts:
    """The window's parts, each ``None`` until it is built. A plain class with a slot per part (not a dataclass:
    this module is on the path to the first paint, where dataclasses' import and the class it would generate
    cost 5-8 ms)."""

    __slots__ = NAMES

    # what each part is (None until built): the window's ``Part`` descriptors read them, typed the same
    sidebar: QListWidget | None
    stack: QStackedWidget | None
    menus: dict[str, QMenu] | None
    sidebar_fit: SidebarFit | None
    status: StatusWidgets | None
    banner: Banner | None
    banner_slot: BannerSlot | None
    announcer: Announcer | None
    port: WindowPort | None
    core_events: CoreEvents | None
    flows: Workflows | None
    compose: ComposeView | None
    drafts: DraftsView | None
    sent: SentView | None
    welcome: WelcomeView | None
    actions_: Actions | None
    views_end: QAction | None
    theme_actions: dict[str, QAction] | None
    language_actions: dict[str, QAction] | None
    eml: EmlFiles | None
    find_bar: FindBar | None
    edit_actions: dict[str, QAction] | None
    spelling: Spelling | None
    power: PowerCompose | None
    merge_action: QAction | None
    address_book: AddressBookAction | None
    journal_bridge: JournalBridge | None
    send_timing: SendTiming | None
    notifier: Notifier | None
    receipt_defaults: ReceiptDefaults | None
    delivery: DeliveryFlows | None

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


class Part(Generic[T]):
    """A window attribute that is one of its :class:`WindowParts` (read-only: filled through ``parts.fill``), typed
    as the part is (``compose: Part[ComposeView] = Part()``)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, win, owner=None) -> T:
        if win is None:
            return self
        return getattr(win.parts, self.name)

    def __set__(self, win, value) -> None:
        raise AttributeError(f"{self.name!r} is a window part: filled once through win.parts.fill")
