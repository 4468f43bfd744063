"""The desktop's notification server, ``org.freedesktop.Notifications`` on the session bus (the Desktop
Notifications Specification): one thin adapter over jeepney's asyncio D-Bus client, on the window's event loop.

Not Qt's D-Bus: PySide6's QtDBus sends a Python int as a D-Bus ``int32`` and has no way to make the ``uint32``
``replaces_id`` of ``Notify(susssasa{sv}i)``, which a notification server refuses ("does not match expected
type"). jeepney writes the signature as given (it comes with keyring's Secret Service on Linux).

:meth:`NotificationBus.notify` shows one notification with a ``default`` action (a click on it) and returns its
id; the server's ``ActionInvoked(id, key)`` signal is handed to ``on_action``. No session bus, or no
notification server on it: nothing is shown, a line is logged (no words of the message), the window goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Callable

log = logging.getLogger(__name__)

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
# the desktop entry the notifications belong to (resources/dispatch-mail.desktop): the desktop shows its icon
DESKTOP_ENTRY = "dispatch-mail"


class NotificationBus:
    """The session bus's notification server, for one window: ``on_action(id, key)`` is called (on the loop)
    for each action the user invokes on a notification of this connection's."""

    def __init__(self, app_name: str, on_action: Callable[[int, str], None]):
        self.app_name, self.on_action = app_name, on_action
        self._router = None
        self._stack: contextlib.AsyncExitStack | None = None
        self._opening: asyncio.Task | None = None
        self._listening: asyncio.Task | None = None
        self._closed = False

    async def notify(self, title: str, text: str, action: str, replaces: int = 0) -> int | None:
        """Show ``title`` and ``text`` (in place of the notification ``replaces``, if not 0), clicking it (or its
        ``action`` button) invokes ``default``: its id, or None when nothing could be shown."""
        router = await self._ready()
        if router is None:
            return None
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call

        msg = new_method_call(DBusAddress(PATH, bus_name=NAME, interface=NAME), "Notify", "susssasa{sv}i",
                              (self.app_name, replaces, DESKTOP_ENTRY, title, text, ["default", action],
                               {"desktop-entry": ("s", DESKTOP_ENTRY)}, -1))
        try:
            reply = await router.send_and_get_reply(msg)
        except Exception as exc:  # noqa: BLE001 - the bus went away: no notification, the window goes on
            log.info("desktop notification not shown: %s", type(exc).__name__)
            return None
        if reply.header.message_type == MessageType.error:
            log.info("desktop notification refused by the notification server: %s",
                     reply.header.fields.get(HeaderFields.error_name, "unknown error"))
            return None
        return int(reply.body[0])

    async def _ready(self):
        """The router, opened and listening once (None: no session bus, or closed)."""
        if self._closed:
            return None
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._open())
        return await asyncio.shield(self._opening)

    async def _open(self):
        from jeepney import MatchRule, message_bus
        from jeepney.io.asyncio import DBusRouter, Proxy, open_dbus_connection

        try:
            conn = await open_dbus_connection("SESSION")
        except Exception as exc:  # noqa: BLE001 - no session bus (a console, a container): no notifications
            log.info("no desktop notifications: the session bus cannot be reached (%s)", type(exc).__name__)
            return None
        self._stack = contextlib.AsyncExitStack()
        await self._stack.enter_async_context(conn)  # closed last
        router = await self._stack.enter_async_context(DBusRouter(conn))
        rule = MatchRule(type="signal", interface=NAME, member="ActionInvoked", path=PATH)
        queue: asyncio.Queue = asyncio.Queue()
        handle = router.filter(rule, queue=queue)
        await Proxy(message_bus, router).AddMatch(rule)
        self._listening = asyncio.ensure_future(self._listen(queue, handle))
        self._router = router
        return router

    async def _listen(self, queue: asyncio.Queue, handle) -> None:
        with handle:
            while True:
                msg = await queue.get()
                nid, key = msg.body
                try:
                    self.on_action(int(nid), str(key))
                except Exception:  # noqa: BLE001 - a listener must not end the listening
                    log.exception("notification action failed")

    async def close(self) -> None:
        """Stop listening and let the connection go (the notifications shown stay with the server)."""
        self._closed = True
        if self._listening is not None:
            self._listening.cancel()
        stack, self._stack, self._router = self._stack, None, None
        if stack is not None:
            await stack.aclose()
