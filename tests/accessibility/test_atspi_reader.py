"""The app as Orca reads it: the real app (its built-in sandbox) on a private X server and AT-SPI bus, read by a
pyatspi client in another process (tests/helpers/atspi_session.py). One app per module (per worker): the tests
read its tree, its tables and its announcements over AT-SPI, and drive it with real keys from inside
(atspi_app_child.py).

A gap found here is marked ``xfail(strict=True)`` with the reason until it is fixed: the fix turns the test red
until the mark goes (none is left).
"""

from __future__ import annotations

import re
import time

import pytest

from tests.helpers import atspi_tree as tree
from tests.helpers.atspi_compose import write
from tests.helpers.atspi_heard import announcements_until_barrier

pytestmark = pytest.mark.process

WINDOW = "Dispatch main window"
VIEWS = {"compose": ("Ctrl+1", "Compose"), "drafts": ("Ctrl+2", "Drafts"), "sent": ("Ctrl+3", "Sent"),
         "outbox": ("Ctrl+4", "Outbox: messages waiting for the server")}
#: the dialogs the keyboard opens from the window (with an empty Compose), and the title each has
DIALOGS = {"account": ("Ctrl+,", "Account"), "shortcuts": ("F1", "Keyboard shortcuts"),
           "send_from": ("Ctrl+Shift+H", "Mailboxes you send from"), "merge": ("Ctrl+Shift+M", "Mail merge"),
           "snippets": ("Ctrl+Shift+L", "Snippets and signatures"), "address_book": ("Ctrl+Shift+B", "Address book")}


def show(desk, view: str) -> list[dict]:
    """Switch to ``view`` with its key, as a user does, and dump the tree there."""
    keys, _page = VIEWS[view]
    desk.app.ask(cmd="key", keys=keys)
    desk.app.ask(cmd="wait", until="view", name=view)
    return desk.dump()


def open_dialog(desk, keys: str) -> tuple[str, list[dict]]:
    """From an empty Compose, open a dialog with ``keys``; its title and the tree while it is open. Escape closes
    it (after the test: :func:`close_dialog`)."""
    desk.app.ask(cmd="key", keys=keys)
    title = desk.app.ask(cmd="wait", until="dialog", within=15)["title"]
    return title, desk.dump()


def close_dialog(desk) -> None:
    desk.app.ask(cmd="key", keys="Escape")
    desk.app.ask(cmd="wait", until="no_dialog", within=15)


@pytest.fixture(scope="module")
def seeded(desk):
    """One draft saved (Ctrl+S), one message sent (Ctrl+Return) and one sent later (Ctrl+Shift+T, "in 2 h"), all
    typed: Exchange keeps that one, and the Outbox lists it (the queue's row, then the server's copy, "Sends at …
    (kept by Exchange)"). Keeps the announcements of the send and the tree while Send later is open."""
    out = {}
    write(desk, "Quarterly numbers", "Hi Bob, the numbers.")
    desk.app.ask(cmd="key", keys="Ctrl+S")
    desk.app.ask(cmd="wait", until="saved", n=1, within=30)
    write(desk, "Team lunch", "Friday at noon?")
    mark = desk.events.mark()
    desk.app.ask(cmd="key", keys="Ctrl+Return")
    desk.app.ask(cmd="wait", until="sent", n=1, within=30)
    desk.app.ask(cmd="wait", until="idle", within=30)
    out["send_announcements"] = announcements_until_barrier(desk, mark)
    write(desk, "Board minutes", "Minutes to follow.")
    desk.app.ask(cmd="key", keys="Ctrl+Shift+T")
    out["send_later"] = desk.app.ask(cmd="wait", until="dialog", within=15)["title"], desk.dump()
    desk.app.ask(cmd="type", text="in 2 h")
    desk.app.ask(cmd="key", keys="Return")
    desk.app.ask(cmd="wait", until="no_dialog", within=15)
    desk.app.ask(cmd="wait", until="idle", within=30)
    return out


# ---- the tree: every control has a name ---------------------------------------------------------------------------
@pytest.mark.parametrize("view", VIEWS)
def test_every_control_in_a_view_has_a_name(desk, view):
    nodes = show(desk, view)
    page = tree.view_page(nodes, VIEWS[view][1])
    assert "showing" in page["states"], f"the {view} page is not what the window shows"
    window = tree.subtree(nodes, tree.find(nodes, "frame", WINDOW))
    controls, nameless = tree.interactive(window), tree.unnamed(window)
    print(f"{view}: {len(window)} nodes in the window, {len(controls)} interactive, {len(nameless)} unnamed")
    assert not nameless, [f"{n['role']} at {n['path']} {n['states']}" for n in nameless]
    assert len(controls) > 100  # the whole window was read (menus, sidebar, every page), not a stub


@pytest.mark.parametrize("dialog", DIALOGS)
def test_every_control_in_a_dialog_has_a_name(desk, dialog):
    keys, title = DIALOGS[dialog]
    show(desk, "compose")
    opened, nodes = open_dialog(desk, keys)
    try:
        assert opened == title
        inside = [n for n in nodes if n["window"] == title]
        controls, nameless = tree.interactive(inside), tree.unnamed(inside)
        print(f"{dialog}: {len(inside)} nodes, {len(controls)} interactive, {len(nameless)} unnamed")
        assert controls, f"the dialog {title!r} is not in the AT-SPI tree"
        assert not nameless, [f"{n['role']} at {n['path']} {n['states']}" for n in nameless]
    finally:
        close_dialog(desk)


def test_the_shortcut_filter_with_text_has_no_nameless_button(desk):
    """The filter's clear button, shown once the field has text, is read by its name (not "push button")."""
    show(desk, "compose")
    _title, _nodes = open_dialog(desk, "F1")
    try:
        desk.app.ask(cmd="type", text="send")  # the focus is in the filter: a user narrows the list
        inside = [n for n in desk.dump() if n["window"] == "Keyboard shortcuts"]
        nameless = tree.unnamed(inside)
        assert not nameless, [f"{n['role']} at {n['path']} {n['states']}" for n in nameless]
        assert [n for n in inside if n["name"] == "Clear the filter" and "showing" in n["states"]], \
            "the clear button is on the bus, named"
    finally:
        close_dialog(desk)


def test_every_control_in_send_later_has_a_name(seeded):
    title, nodes = seeded["send_later"]
    inside = [n for n in nodes if n["window"] == title]
    controls, nameless = tree.interactive(inside), tree.unnamed(inside)
    print(f"send later: {len(inside)} nodes, {len(controls)} interactive, {len(nameless)} unnamed")
    assert title == "Send later" and controls
    assert not nameless, [f"{n['role']} at {n['path']} {n['states']}" for n in nameless]


# ---- no markup read aloud ---------------------------------------------------------------------------------------
def test_the_status_bar_speaks_no_markup(desk, seeded):
    nodes = show(desk, "compose")
    bar = tree.find(nodes, "status bar", window=WINDOW)
    hits = tree.markup(tree.subtree(nodes, bar))
    print("markup in the status bar:", *hits, sep="\n  ")
    assert not hits, hits


@pytest.mark.parametrize("view", VIEWS)
def test_a_view_speaks_no_markup(desk, seeded, view):
    nodes = show(desk, view)
    hits = tree.markup(tree.subtree(nodes, tree.view_page(nodes, VIEWS[view][1])))
    assert not hits, hits


@pytest.mark.parametrize("dialog", DIALOGS)
def test_a_dialog_speaks_no_markup(desk, dialog):
    keys, title = DIALOGS[dialog]
    show(desk, "compose")
    _opened, nodes = open_dialog(desk, keys)
    try:
        hits = tree.markup([n for n in nodes if n["window"] == title])
        assert not hits, hits
    finally:
        close_dialog(desk)


def _account_error(nodes: list[dict], title: str) -> dict:
    """The "Account error" label of the account dialog on show (a dialog closed before stays in the tree, hidden)."""
    shown = [n for n in nodes if n["role"] == "dialog" and n["name"] == title and "showing" in n["states"]]
    assert len(shown) == 1, [n["states"] for n in nodes if n["role"] == "dialog"]
    return tree.find(tree.subtree(nodes, shown[0]), "label", "Account error")


def test_an_error_label_reads_its_message(desk):
    """The account dialog's error, made by keys (Return with the fields empty), is read as its message: its
    description, not only its name "Account error"; hidden, it says nothing."""
    show(desk, "compose")
    title, nodes = open_dialog(desk, "Ctrl+,")
    try:
        label = _account_error(nodes, title)
        assert not label["description"] and "showing" not in label["states"], label
        mark = desk.events.mark()
        desk.app.ask(cmd="key", keys="Return")
        desk.events.wait(lambda e: e["type"].startswith("object:property-change:accessible-description")
                         and e["name"] == "Account error", since=mark)
        label = _account_error(desk.dump(), title)
        print("the account error reads:", label)
        assert "showing" in label["states"] and label["description"].startswith("Enter "), label
        assert not tree.markup([label])
    finally:
        close_dialog(desk)


def test_send_later_speaks_no_markup(seeded):
    title, nodes = seeded["send_later"]
    hits = tree.markup([n for n in nodes if n["window"] == title])
    assert not hits, hits


def test_the_markup_check_finds_markup():
    """The check itself: a tag or a style in a name or description is found; an address in angle brackets is not."""
    def node(name="", description=""):
        return {"path": "/0", "role": "label", "name": name, "description": description, "states": [], "window": "w"}

    assert tree.markup([node(description="<p style='white-space:pre-wrap'>Connected</p>")])
    assert tree.markup([node(name="In the Outbox<br>retrying")])
    assert tree.markup([node(name="<b>Sent</b>")])
    assert not tree.markup([node(name="Bob <bob@example.com>", description="a < b, p > q")])


# ---- tables read like tables ---------------------------------------------------------------------------------------
#: the column of each list that holds a date, and the words it is read as may differ from what it shows
DATE_COLUMNS = {"Modified", "Sent", "Date"}


def cell_problems(app_cells: dict, table: dict) -> list[str]:
    """How the cells a reader gets (``table``, over AT-SPI) differ from per-column text: each cell with text
    shown must be read as its own column's text (a date column: some words of its own), and no two cells of a
    row read the same."""
    problems = []
    headers = app_cells["headers"]
    assert table["headers"] == headers or not any(table["headers"]), (table["headers"], headers)
    for r, row in enumerate(app_cells["rows"]):
        read = [tree.spoken(cell) for cell in table["cells"][r]]
        shown = [c for c, cell in enumerate(row) if not cell["hidden"] and (cell["display"] or "").strip()]
        for c in shown:
            want = " ".join(row[c]["display"].split())
            if headers[c] in DATE_COLUMNS:
                if not read[c]:
                    problems.append(f"row {r} {headers[c]!r}: no words for the date {want!r}")
            elif read[c] != want:
                problems.append(f"row {r} {headers[c]!r}: read {read[c]!r}, shows {want!r}")
        same = {read[c] for c in shown if [read[k] for k in shown].count(read[c]) > 1}
        if same:
            problems.append(f"row {r}: several cells read the same: {sorted(same)}")
    return problems


def _cells(desk, view: str, rows: int):
    keys, _page = VIEWS[view]
    desk.app.ask(cmd="key", keys=keys)
    desk.app.ask(cmd="wait", until="view", name=view)
    desk.app.ask(cmd="wait", until="rows", n=rows, within=30)
    app_cells = desk.app.ask(cmd="cells")
    nodes = desk.dump()
    table = tree.find(nodes, "table", app_cells["name"], window=WINDOW)["table"]
    assert table["rows"] == len(app_cells["rows"]) >= rows
    return app_cells, table


def test_drafts_cells_read_per_column(desk, seeded):
    app_cells, table = _cells(desk, "drafts", 1)
    assert not cell_problems(app_cells, table)


def test_sent_cells_read_per_column(desk, seeded):
    app_cells, table = _cells(desk, "sent", 1)
    assert not cell_problems(app_cells, table)


@pytest.mark.parametrize("view", ["drafts", "sent"])
def test_a_list_row_reads_its_date_its_summary_and_its_selection(desk, seeded, view):
    """The date in words (the locale's long date, "Friday, 27 November 2026 at 14:05", not "2026-11-27 14:05"); the
    row's summary as its row header's description and its Subject cell's; the current row's cells "selected" (the
    view's key puts the focus in the list, on its first row)."""
    app_cells, table = _cells(desk, view, 1)
    headers = app_cells["headers"]
    subject, when = headers.index("Subject"), headers.index("Sent" if view == "sent" else "Modified")
    print(f"{view}: row 0 reads", [tree.spoken(c) for c in table["cells"][0]], "described",
          table["cells"][0][subject]["description"], "row header", table["row_headers"][0])
    chosen = [r for r, row in enumerate(table["cells"]) if "selected" in row[subject]["states"]]
    assert chosen == [0], [row[subject]["states"] for row in table["cells"]]
    for r, row in enumerate(table["cells"]):
        assert all(("selected" in cell["states"]) == (r in chosen) for cell in row), [c["states"] for c in row]
        shown = app_cells["rows"][r]
        assert re.fullmatch(r"\w+, \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}", tree.spoken(row[when])), tree.spoken(row[when])
        summary = row[subject]["description"]
        assert summary.startswith(shown[subject]["display"].lstrip("⚑✔ ")) and "to " in summary, summary
        assert (table["row_headers"][r] or {}).get("description") == summary
        assert all(not cell["description"] for c, cell in enumerate(row) if c != subject)


def test_outbox_cells_read_per_column(desk, seeded):
    app_cells, table = _cells(desk, "outbox", 1)
    assert not cell_problems(app_cells, table), (app_cells, table["cells"])


def test_the_name_check_finds_a_nameless_control_and_passes_a_tab_widget():
    def node(path, role, name="", states=("focusable", "visible")):
        return {"path": path, "role": role, "name": name, "description": "", "states": list(states), "window": "w"}

    tab_widget = [node("/0", "filler"), node("/0/0", "page tab list", "Snippets")]
    assert not tree.unnamed(tab_widget)  # its focus goes to its tab bar, which is named
    assert [n["path"] for n in tree.unnamed([node("/1", "filler")])] == ["/1"]  # a focusable widget of its own
    assert [n["path"] for n in tree.unnamed([node("/2", "push button", states=("visible",))])] == ["/2"]
    assert not tree.unnamed([node("/3", "push button", states=())])  # hidden, not focusable: never met
    combo = [node("/4", "combo box", "Importance"), node("/4/0", "list")]
    assert not tree.unnamed(combo)  # the drop-down list is read as its combo box


def test_the_cell_check_finds_a_repeated_summary():
    app_cells = {"headers": ["Subject", "To", "Modified"],
                 "rows": [[{"display": "Lunch", "hidden": False}, {"display": "Bob", "hidden": False},
                           {"display": "12:00", "hidden": False}]]}

    def table(*names):
        return {"headers": app_cells["headers"],
                "cells": [[{"name": n, "description": "", "text": None} for n in names]]}

    assert cell_problems(app_cells, table("Lunch, to Bob", "Lunch, to Bob", "Lunch, to Bob"))
    assert cell_problems(app_cells, table("Lunch", "Bob", ""))
    assert not cell_problems(app_cells, table("Lunch", "Bob", "today at 12:00"))


# ---- announcements ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("assertive", (False, True), ids=("polite", "assertive"))
def test_an_announcement_reaches_the_reader_with_its_politeness(desk, assertive):
    """The path end to end: app.ui.common.announce.Announcer on the window → Qt's QAccessibleAnnouncementEvent →
    AT-SPI ``object:announcement`` on the bus, with the words as written (never read as HTML) and the politeness (AT-SPI's
    live-region values: 1 polite, 2 assertive) from the main window."""
    words = f"Draft saved to Drafts ({'assertive' if assertive else 'polite'})"
    mark = desk.events.mark()
    desk.app.ask(cmd="announce", text=f"{words} <b>as written</b>", assertive=assertive)
    event = desk.events.wait(lambda e: e["type"] == "object:announcement", since=mark)
    assert event["data"] == f"{words} <b>as written</b>"  # said as written: never read as HTML
    assert event["detail1"] == (2 if assertive else 1)
    assert (event["role"], event["name"], event["app"]) == ("frame", WINDOW, "Dispatch")


def test_a_send_is_announced(seeded):
    said = seeded["send_announcements"]
    print("announcements during the send:", said)
    assert any("sent" in e["data"].lower() for e in said), said


# ---- issue 77: a file a link names waits for the user, and a reader hears it with its whole path ----------------
def test_a_file_a_link_names_is_read_as_pending_with_its_path(desk, tmp_path_factory):
    folder = tmp_path_factory.mktemp("link-files")
    report = folder / "report.pdf"
    report.write_bytes(b"%PDF-1.4")
    desk.app.ask(cmd="link", link=f"mailto:bob@example.com?subject=Pending%20file&attach={report}")
    found = []

    def pending_row() -> bool:
        found[:] = [n for n in desk.dump() if n["role"] == "list item" and str(report) in n["name"]]
        return bool(found)

    deadline = time.monotonic() + 30
    while not pending_row() and time.monotonic() < deadline:
        desk.app.ask(cmd="wait", until="idle", within=10)
    assert found, "no list item names the pending file"
    assert "Press Enter to attach" in found[0]["name"] and "Delete to drop" in found[0]["name"], found[0]
    nodes = desk.dump()
    assert any(n["role"] == "list" and n["name"] == "Files the link asks to attach" for n in nodes)
