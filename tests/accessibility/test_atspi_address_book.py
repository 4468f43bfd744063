"""The address book as Orca reads it, over AT-SPI (the real app with its built-in sandbox on a private X server and
bus, driven by real keys from inside: atspi_app_child.py): each row of its list reads its cells and, as their
description, the entry's name and address; a search's outcome and a recipient added are announced."""

from __future__ import annotations

import pytest

from tests.helpers import atspi_tree as tree

pytestmark = pytest.mark.process

TITLE = "Address book"


def _heard(desk, words: str, since: int, timeout: float = 30.0) -> dict:
    try:
        return desk.events.wait(lambda e: e["type"] == "object:announcement" and e["data"] == words, since=since,
                                timeout=timeout)
    except TimeoutError as exc:
        heard = [(e["data"], e["detail1"]) for e in desk.events.since(since) if e["type"] == "object:announcement"]
        raise AssertionError(f"not heard: {words!r}; heard: {heard}") from exc


def test_a_row_reads_name_and_address_and_adding_is_announced(desk):
    app = desk.app
    app.ask(cmd="key", keys="Ctrl+1")
    app.ask(cmd="wait", until="view", name="compose")
    app.ask(cmd="key", keys="Ctrl+N")
    app.ask(cmd="wait", until="focus", name="To", within=10)
    mark = desk.events.mark()
    app.ask(cmd="key", keys="Ctrl+Shift+B")
    assert app.ask(cmd="wait", until="dialog", within=15)["title"] == TITLE
    try:
        app.ask(cmd="wait", until="focus", name="Search the address book", within=10)
        app.ask(cmd="type", text="carol")
        _heard(desk, "1 entry found", mark)
        app.ask(cmd="key", keys="Down")
        app.ask(cmd="wait", until="focus", name="Address book entries", within=10)
        nodes = [n for n in desk.dump() if n["window"] == TITLE]
        table = next(n for n in nodes if n["role"] == "table" and n["name"] == "Address book entries")["table"]
        assert table["rows"] == 1 and table["headers"][:5] == ["Name", "Address", "Title", "Department", "Office"]
        row = table["cells"][0]
        assert [tree.spoken(c) for c in row[:2]] == ["Carol Clark", "carol@example.com"], "each cell its column"
        assert {c["description"] for c in row} == {"Carol Clark, carol@example.com"}, "the row's name and address"
        app.ask(cmd="key", keys="Alt+C")
        event = _heard(desk, "Added to Cc: Carol Clark", mark)
        assert event["detail1"] == 1, "polite"
    finally:
        app.ask(cmd="key", keys="Escape")
        app.ask(cmd="wait", until="no_dialog", within=10)
