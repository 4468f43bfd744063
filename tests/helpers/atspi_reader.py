"""The app read as Orca reads it: an AT-SPI client, run by Debian's ``/usr/bin/python3`` (python3-pyatspi and
its GObject bindings are Debian packages, built for that interpreter; the project's venv has neither), as its own
process on the test's private session bus (tests/helpers/atspi_session.py starts it).

It waits for the accessibility bus (``org.a11y.Bus``), then records the events a screen reader listens to as
JSON lines to the events file (argv[1]), one per event, flushed:
``{"type", "detail1", "detail2", "data", "role", "name", "app"}`` (``data``: the event's any_data as text, e.g.
an announcement's words; ``detail1`` of ``object:announcement`` is the politeness, 1 polite, 2 assertive).

Commands come on standard input, one JSON object a line; each is answered with one JSON line on standard output:
- ``{"cmd": "ping"}``: ``{"ok": true}`` (the listeners are registered: the first answer says the reader is ready);
- ``{"cmd": "apps"}``: the names of the applications on the desktop;
- ``{"cmd": "dump", "app": NAME, "out": PATH}``: every node of that application's tree written to PATH as JSON
  (``role``, ``name``, ``description``, ``states``, ``path``, ``window``; a text field's ``text``; a table's cells
  with their text);
- ``{"cmd": "quit"}``.
"""

from __future__ import annotations

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

#: the events Orca reacts to that the proofs need
EVENTS = ("object:announcement", "focus:", "object:state-changed:focused", "object:text-changed",
          "object:property-change:accessible-name", "object:property-change:accessible-description",
          "window:activate")
MAX_NODES = 20000
MAX_ROWS = 50


def wait_for_a11y_bus(timeout_s: float) -> bool:
    """True once ``org.a11y.Bus`` has an owner on the session bus (the bus launcher has started)."""
    loop, seen = GLib.MainLoop(), []

    def appeared(*_):
        seen.append(True)
        loop.quit()

    watch = Gio.bus_watch_name(Gio.BusType.SESSION, "org.a11y.Bus", Gio.BusNameWatcherFlags.NONE, appeared, None)
    GLib.timeout_add(int(timeout_s * 1000), loop.quit)
    loop.run()
    Gio.bus_unwatch_name(watch)
    return bool(seen)


def _safe(call, default=""):
    try:
        value = call()
    except Exception:  # noqa: BLE001 - a node can go away while it is read
        return default
    return default if value is None else value


def _states(node) -> list[str]:
    states = _safe(lambda: node.getState().getStates(), [])
    return sorted(s.value_nick for s in states)


def _text(node) -> str:
    def read():
        t = node.queryText()
        return t.getText(0, t.characterCount)
    return _safe(read, None)


def _cell(node) -> dict:
    return {"name": _safe(lambda: node.name), "description": _safe(lambda: node.description),
            "text": _text(node), "role": _safe(lambda: node.getRoleName()), "states": _states(node)}


def _table(node) -> dict | None:
    try:
        t = node.queryTable()
    except Exception:  # noqa: BLE001 - not a table
        return None
    rows, cols = _safe(lambda: t.nRows, 0), _safe(lambda: t.nColumns, 0)
    headers = [_safe(lambda c=c: t.getColumnHeader(c).name) for c in range(cols)]
    cells = [[_cell(t.getAccessibleAt(r, c)) for c in range(cols)] for r in range(min(rows, MAX_ROWS))]
    # each row as the table gives it (Qt: the row's header cell, there whether the vertical header shows or not)
    row_headers = [_safe(lambda r=r: _cell(t.getRowHeader(r)), None) for r in range(min(rows, MAX_ROWS))]
    return {"rows": rows, "columns": cols, "headers": headers, "cells": cells, "row_headers": row_headers}


_WINDOWS = {"frame", "dialog", "window", "alert", "file chooser"}
#: the roles whose text a dump keeps (``text``), at most MAX_TEXT characters of it
_TEXTS = {"text", "entry", "document text"}
MAX_TEXT = 4000


def dump(app) -> list[dict]:
    """Every node under ``app``, depth first: its role, name, description, states, its index path, the name of
    the window (frame or dialog) it is in; a table's rows of cells. A table's cells are not walked as children
    (a list of 1000 drafts would be 5000 nodes): they are read through its Table interface."""
    out: list[dict] = []
    stack = [(app, "", "")]
    while stack and len(out) < MAX_NODES:
        node, path, window = stack.pop()
        role = _safe(lambda: node.getRoleName())
        name = _safe(lambda: node.name)
        entry = {"path": path, "role": role, "name": name, "description": _safe(lambda: node.description),
                 "states": _states(node), "window": window}
        if role in _WINDOWS:
            window = entry["window"] = name or role
        if role in _TEXTS:  # what a reader reads line by line in a text field (a preview's lines)
            entry["text"] = (_text(node) or "")[:MAX_TEXT]
        table = _table(node) if role in ("table", "tree table") else None
        if table is not None:
            entry["table"] = table
        out.append(entry)
        if table is not None:
            continue
        count = _safe(lambda: node.childCount, 0)
        for i in reversed(range(count)):
            child = _safe(lambda i=i: node.getChildAtIndex(i), None)
            if child is not None:
                stack.append((child, f"{path}/{i}", window))
    return out


class Reader:
    def __init__(self, events_path: str):
        import pyatspi

        self.pyatspi = pyatspi
        self.events = open(events_path, "a", buffering=1, encoding="utf-8")
        for kind in EVENTS:
            pyatspi.Registry.registerEventListener(self.on_event, kind)
        self.loop = GLib.MainLoop()
        self.buffer = b""
        GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                          GLib.IOCondition.IN | GLib.IOCondition.HUP, self.on_stdin)

    def on_event(self, event) -> None:
        src = event.source
        app = _safe(lambda: src.getApplication().name) if src is not None else ""
        data = event.any_data
        if hasattr(data, "getRoleName"):  # an accessible (e.g. the child of a children-changed)
            data = _safe(lambda: data.name)
        record = {"type": event.type, "detail1": event.detail1, "detail2": event.detail2,
                  "data": "" if data is None else str(data),
                  "role": _safe(lambda: src.getRoleName()), "name": _safe(lambda: src.name), "app": app}
        self.events.write(json.dumps(record) + "\n")

    def apps(self) -> list:
        desktop = self.pyatspi.Registry.getDesktop(0)
        return [a for a in (_safe(lambda i=i: desktop.getChildAtIndex(i), None)
                            for i in range(_safe(lambda: desktop.childCount, 0))) if a is not None]

    def answer(self, request: dict) -> dict:
        cmd = request.get("cmd")
        if cmd == "ping":
            return {"ok": True}
        if cmd == "apps":
            return {"ok": True, "apps": [_safe(lambda a=a: a.name) for a in self.apps()]}
        if cmd == "dump":
            app = next((a for a in self.apps() if _safe(lambda a=a: a.name) == request["app"]), None)
            if app is None:
                return {"ok": False, "error": f"no application named {request['app']!r} on the desktop"}
            nodes = dump(app)
            with open(request["out"], "w", encoding="utf-8") as f:
                json.dump(nodes, f)
            return {"ok": True, "nodes": len(nodes)}
        if cmd == "quit":
            self.loop.quit()
            return {"ok": True}
        return {"ok": False, "error": f"unknown command {cmd!r}"}

    def on_stdin(self, channel, condition) -> bool:
        import os

        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.loop.quit()
            return False
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            if not line.strip():
                continue
            request = None
            try:
                request = json.loads(line)
                reply = self.answer(request)
            except Exception as exc:  # noqa: BLE001 - the test reads the error; the reader goes on
                reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            reply["id"] = request.get("id") if isinstance(request, dict) else None
            sys.stdout.write(json.dumps(reply) + "\n")
            sys.stdout.flush()
        return True

    def run(self) -> None:
        self.loop.run()


def main() -> int:
    if not wait_for_a11y_bus(20.0):
        print(json.dumps({"ok": False, "error": "org.a11y.Bus never appeared on the session bus"}), flush=True)
        return 1
    Reader(sys.argv[1]).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
