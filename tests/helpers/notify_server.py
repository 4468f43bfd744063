"""A desktop's notification server, for the tests only: ``org.freedesktop.Notifications`` on the session bus
``DBUS_SESSION_BUS_ADDRESS`` names (a private one the test started), as a desktop's notification daemon offers it
(the Desktop Notifications Specification 1.2: Notify, CloseNotification, GetCapabilities, GetServerInformation,
the ActionInvoked and NotificationClosed signals).

Run under the system's Python (``/usr/bin/python3``, which has PyGObject: GLib's own D-Bus server, not the code
under test's QtDBus). Each Notify call is written as one JSON line to the file named by the first argument; the
line ``ready`` on standard output says the name is owned. A line ``invoke ID KEY`` on standard input emits
ActionInvoked(ID, KEY), as a click on the notification does (``default``), and answers ``invoked ID``.
"""

import json
import sys

import gi

gi.require_version("Gio", "2.0")
from gi.repository import Gio, GLib  # noqa: E402

NAME, PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
XML = """<node><interface name="org.freedesktop.Notifications">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
<arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
<arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
<arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
</interface></node>"""


def main() -> None:
    record = open(sys.argv[1], "a", encoding="utf-8")
    state = {"next": 0, "conn": None}
    loop = GLib.MainLoop()

    def call(conn, _sender, _path, _iface, method, params, invocation):
        if method == "Notify":
            app, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
            state["next"] += 1
            nid = replaces or state["next"]
            record.write(json.dumps({"id": nid, "app_name": app, "replaces_id": replaces, "app_icon": icon,
                                     "summary": summary, "body": body, "actions": list(actions),
                                     "hints": sorted(hints), "expire_timeout": timeout}) + "\n")
            record.flush()
            invocation.return_value(GLib.Variant("(u)", (nid,)))
        elif method == "CloseNotification":
            invocation.return_value(None)
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        else:
            invocation.return_value(GLib.Variant("(ssss)", ("test-notify", "dispatch-tests", "1", "1.2")))

    def acquired(conn, _name):
        print("ready", flush=True)

    def bus_ready(conn, _name):
        state["conn"] = conn
        conn.register_object(PATH, Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0], call, None, None)

    def command(_fd, _cond):
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        parts = line.split()
        if parts and parts[0] == "invoke":
            state["conn"].emit_signal(None, PATH, NAME, "ActionInvoked",
                                      GLib.Variant("(us)", (int(parts[1]), parts[2])))
            state["conn"].flush_sync(None)
            print(f"invoked {parts[1]}", flush=True)
        return True

    Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE, bus_ready, acquired,
                     lambda *_a: loop.quit())
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, command)
    loop.run()


if __name__ == "__main__":
    main()
