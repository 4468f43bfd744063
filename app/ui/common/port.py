"""What a feature may ask of the window's shell: :class:`ShellPort`, handed to each feature when it is built.

A feature (Compose's flows, the lists, the accounts' security, the merge, the Outbox's bridge) never holds the
main window: it is given this port, and the views or parts it works with, explicitly at construction. The shell
(app/ui/window/shell_port.py) implements the port once for the window.

Feedback has one channel, :meth:`ShellPort.say`: the words go to the status bar AND to the screen reader through
the window's one voice (app.ui.common.announce.Announcer), in one call, so what is seen and what is heard cannot
drift apart; an error goes to the error banner as before (which says it assertively).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any, Awaitable, Callable, ContextManager, Iterable, Protocol

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from app.core.accounts.session import Session
    from app.storage.settings import Settings
    from app.ui.common.announce import Announcer


class Level(Enum):
    """How words reach the user through :meth:`ShellPort.say`."""

    INFO = "info"  # the status bar for ``ms``, and said politely (progress and outcomes: "Saved to Drafts")
    PROGRESS = "progress"  # a step on the way ("Loading…"): the status bar only, not said (its outcome is)
    ALERT = "alert"  # the status bar for ``ms``, and said at once, assertively (a send refused, "too late")
    ERROR = "error"  # the error banner (``retry``: with Retry), said assertively by the banner


class ShellPort(Protocol):
    """What the window's shell does for a feature; nothing else of the window is a feature's to reach."""

    # ---- read ----
    @property
    def session(self) -> Session | None: ...  # the account in use (None: none yet)

    @property
    def settings(self) -> Settings | None: ...

    @property
    def keyring_ok(self) -> bool: ...

    @property
    def voice(self) -> Announcer: ...  # for a dialog that says its own steps (the account dialogs)

    @property
    def dialog_parent(self) -> QWidget: ...  # the widget a feature's boxes, dialogs and actions belong to

    # ---- news from the shell (Qt signals) ----
    session_changed: SignalInstance  # (session or None): a new account's session is in place
    state_changed: SignalInstance  # (str): the connection's state in words the status bar uses
    session_event: SignalInstance  # (session, (state, error)): any session's news, on the UI thread
    view_changed: SignalInstance  # (int): another view is shown

    # ---- feedback: ONE channel ----
    def say(self, words: str, level: Level = Level.INFO, *, ms: int = 5000, moved_to: str = "", bar: bool = True,
            retry: bool = False, spoken: bool = True) -> None:
        """``words`` to the user: in the status bar for ``ms`` (``bar=False``: they are shown by the feature's own
        view, only said), and to a screen reader (with ``moved_to``: where the keyboard went by itself, "Sent:
        Lunch. New message."). :class:`Level` says how; an ERROR goes to the banner (``retry``, ``spoken``)."""

    def unsay(self, words: set[str]) -> None:
        """The status bar's message goes if it is one of ``words`` (their whole, as shown): it is no longer true."""

    def error_noticed(self, words: str) -> None:
        """An error the feature shows in a box of its own (the window's ``error_shown`` is told)."""

    def journal_notice(self, text: str, detail: str = "", *, warning: bool = True) -> None:
        """A lasting word about the local journal in the status bar (a warning: the banner too)."""

    def queue_state(self, short: str, words: str) -> None:
        """The account's queue's lasting state in the status bar (short words, and the whole in its tooltip)."""

    # ---- views ----
    def show_view(self, name: str) -> None: ...
    def current_view(self) -> str: ...
    def showing(self, view: QWidget) -> bool: ...  # ``view`` is the page on show
    def add_view(self, name: str, label: str, widget: QWidget, **kw: Any) -> QAction: ...

    # ---- the window ----
    def busy_push(self, words: str = "") -> None: ...
    def busy_pop(self, words: str = "") -> None: ...
    def activate(self) -> None: ...  # the keyboard back to the window (after a box of the feature's)
    def connect_again(self) -> Any: ...  # connect the session (again)
    def edit_account(self, kind: str | None = None) -> None: ...
    def asks_before_closing(self) -> bool: ...
    def watch_close(self, watcher: QObject) -> None: ...  # ``watcher.eventFilter`` sees the window's Close
    def when_gone(self, callback: Callable[[], None]) -> None: ...  # the window is destroyed
    def add_action(self, action: QAction) -> None: ...  # a window-wide shortcut
    def menu(self, title: str) -> QMenu | None: ...  # the menu bar's menu by its English title ("&File")
    def add_menu(self, title: str, menu: QMenu, *, before: str) -> None: ...
    def first_use(self, name: str, build: Callable[[], Any]) -> Any: ...  # a dialog built on its first use
    def keep_dialog(self, name: str, dialog: Any) -> Any: ...
    def centre(self) -> Any: ...  # the window's centre on the screen (a QPoint), for a menu opened by key

    # ---- what the window tells others about ----
    def tell_sent(self, outcome: Any) -> None: ...  # ``message_sent``
    def tell_batch_sent(self, outcomes: list) -> None: ...  # ``batch_sent``
    def tell_saved(self, draft: Any) -> None: ...  # ``draft_saved``


class Flows(Protocol):
    """What a feature may ask of the window's controller (app.ui.window.workflows.Workflows), handed to it with the
    port: its tasks, the account's queue, Compose's send request and the stash before Compose is replaced."""

    sender: Any  # app.core.sending.request.Sending: this window's send requests
    notice: Any  # app.ui.window.outbox_notice.OutboxNotice: "In the Outbox (…)" following a send
    send_question: Any  # the open "Send anyway?" box, if any

    def spawn(self, aw: Awaitable, *, keep_on_close: bool = False) -> asyncio.Task: ...
    def tracked(self, busy: str = "") -> ContextManager: ...  # a task of the window's, busy while it runs
    def explain_exc(self, exc: BaseException) -> str: ...
    def transport_error(self, exc: BaseException) -> bool: ...  # connection trouble: the banner, with Retry
    def outbox(self) -> Any: ...  # the account's Outbox (None before a session)
    def stash_current(self) -> bool: ...  # what Compose holds goes to Drafts first (False: it cannot)
    def fresh_compose(self) -> str: ...
    async def send_compose(self, hold: Callable, not_done: str) -> Any: ...
    def asking(self, ids: Iterable[str]) -> ContextManager: ...
    def handed_over(self, subs: Iterable) -> None: ...
