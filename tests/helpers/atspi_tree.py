"""Reading a dump of the app's AT-SPI tree (tests/helpers/atspi_reader.py) as a screen-reader user meets it.

A dump is a list of nodes, depth first: ``path`` ("/0/2/6": child indexes from the application), ``role``,
``name``, ``description``, ``states``, ``window`` (the frame or dialog it is in) and, for a table, ``table``
(its rows of cells, each with ``name``, ``description``, ``text``).
"""

from __future__ import annotations

import re

#: the roles a user operates (presses, types into, chooses from): each needs a name a reader can speak
CONTROL_ROLES = frozenset({
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "password text", "entry",
    "spin button", "slider", "dial", "menu item", "check menu item", "radio menu item", "page tab", "link",
    "date editor", "editbar", "terminal", "document text", "table", "tree table", "tree", "list",
})
#: a combo box's drop-down list is spoken as the combo box (Orca reads the combo's name as it opens)
NAMED_BY_PARENT = {"list": "combo box"}
#: an HTML tag a label's rich text carries, or a style attribute; "Ann <ann@example.com>" is no tag
MARKUP = re.compile(r"</?(?:p|b|i|u|s|a|br|em|strong|span|div|font|qt|html|body|table|tr|td|th|nobr|li|ul|ol"
                    r"|h[1-6]|pre|code|tt|img|hr|small|big|center|sub|sup)\b[^<>]*>|\bstyle\s*=", re.IGNORECASE)


def by_path(nodes: list[dict]) -> dict[str, dict]:
    return {n["path"]: n for n in nodes}


def parent_of(node: dict, index: dict[str, dict]) -> dict | None:
    path = node["path"]
    return index.get(path.rsplit("/", 1)[0]) if path else None


#: reached through their menu, which shows them when it opens (a closed menu's items are not "visible")
MENU_ROLES = frozenset({"menu item", "check menu item", "radio menu item", "menu"})


#: containers: focusable ones hand the focus on to a control inside (a tab widget to its tab bar)
CONTAINER_ROLES = frozenset({"filler", "panel", "layered pane", "scroll pane", "split pane", "viewport"})


def _passes_focus_on(node: dict, nodes: list[dict]) -> bool:
    prefix = node["path"] + "/"
    return node["role"] in CONTAINER_ROLES and any(
        n["path"].startswith(prefix) and "focusable" in n["states"] for n in nodes)


def interactive(nodes: list[dict]) -> list[dict]:
    """The nodes a user lands on or operates: focusable ones (but a container that hands the focus on to a control
    inside it), and controls that are visible or in a menu. A hidden control the keyboard cannot reach (a line
    edit's clear button while the field is empty) is not met."""
    return [n for n in nodes
            if ("focusable" in n["states"] and not _passes_focus_on(n, nodes))
            or (n["role"] in CONTROL_ROLES and ("visible" in n["states"] or n["role"] in MENU_ROLES))]


def unnamed(nodes: list[dict]) -> list[dict]:
    """The interactive nodes a reader would announce by role alone: no name, and no parent that names them."""
    index = by_path(nodes)
    out = []
    for n in interactive(nodes):
        if n["name"].strip():
            continue
        parent = parent_of(n, index)
        if parent is not None and NAMED_BY_PARENT.get(n["role"]) == parent["role"] and parent["name"].strip():
            continue
        out.append(n)
    return out


def markup(nodes: list[dict]) -> list[str]:
    """Where a reader would speak markup: each node (or table cell) whose name or description has a tag."""
    hits = []
    for n in nodes:
        texts = [("name", n["name"]), ("description", n["description"])]
        for r, row in enumerate((n.get("table") or {}).get("cells", ())):
            for c, cell in enumerate(row):
                texts += [(f"cell {r},{c} name", cell["name"]), (f"cell {r},{c} description", cell["description"])]
        for what, text in texts:
            if MARKUP.search(text or ""):
                hits.append(f"{n['role']} {n['name']!r} at {n['path']} in {n['window']!r}: {what} {text[:90]!r}")
    return hits


def subtree(nodes: list[dict], root: dict) -> list[dict]:
    """``root`` and every node under it."""
    prefix = root["path"] + "/"
    return [n for n in nodes if n is root or n["path"].startswith(prefix)]


def find(nodes: list[dict], role: str, name: str | None = None, window: str | None = None) -> dict:
    found = [n for n in nodes if n["role"] == role and (name is None or n["name"] == name)
             and (window is None or n["window"] == window)]
    assert len(found) == 1, f"expected one {role} {name!r} in {window!r}, found {len(found)}"
    return found[0]


def view_page(nodes: list[dict], view: str) -> dict:
    """The main window's page of ``view`` ("Compose", "Drafts", …): a child of the layered pane "Views"."""
    pane = find(nodes, "layered pane", "Views")
    pages = [n for n in nodes if n["path"].rsplit("/", 1)[0] == pane["path"] and n["name"] == view]
    assert len(pages) == 1, f"no page {view!r} in the views: {[n['name'] for n in nodes if n['path'].startswith(pane['path'] + '/') and n['path'].count('/') == pane['path'].count('/') + 1]}"
    return pages[0]


def spoken(cell: dict) -> str:
    """What a reader says for a table cell: its name, else its text."""
    return " ".join((cell["name"] or cell.get("text") or "").split())
