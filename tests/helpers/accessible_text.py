"""What a screen reader gets from the app, read in-process through Qt's public accessibility API
(``QAccessible.queryAccessibleInterface``): every widget's interface and every node under it (a table's cells
too), each with its name and description; and where one of them carries markup (the same check the AT-SPI
reader makes: :data:`tests.helpers.atspi_tree.MARKUP`)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from tests.helpers.atspi_tree import MARKUP

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description
#: no walk goes deeper (a cycle in a broken tree would not end)
MAX_DEPTH = 40


def node(iface, path: str) -> dict:
    return {"path": path, "role": iface.role().name, "name": iface.text(NAME) or "",
            "description": iface.text(DESCRIPTION) or "", "object": iface.object()}


def walk(root: QWidget) -> list[dict]:
    """Every accessible node of ``root``: the tree under its interface (cells, header sections, children), and
    every widget under it asked for its own interface (a hidden one is not in the tree, and a reader may still
    meet it when it shows)."""
    out, seen = [], set()

    def down(iface, path: str, depth: int) -> None:
        if iface is None or not iface.isValid() or depth > MAX_DEPTH:
            return
        out.append(node(iface, path))
        obj = iface.object()
        if obj is not None:
            seen.add(id(obj))
        for i in range(iface.childCount()):
            down(iface.child(i), f"{path}/{i}", depth + 1)

    down(QAccessible.queryAccessibleInterface(root), "", 0)
    for w in root.findChildren(QWidget):
        if id(w) not in seen:
            iface = QAccessible.queryAccessibleInterface(w)
            if iface is not None and iface.isValid():
                out.append(node(iface, f"widget {type(w).__name__} {w.objectName()!r}"))
    return out


def markup(nodes: list[dict]) -> list[str]:
    """Each name or description with a tag or a style in it, and where."""
    return [f"{n['role']} {n['name'][:40]!r} at {n['path']}: {what} {text[:90]!r}"
            for n in nodes for what, text in (("name", n["name"]), ("description", n["description"]))
            if MARKUP.search(text)]


def named(nodes: list[dict], name: str) -> dict:
    found = [n for n in nodes if n["name"] == name]
    assert len(found) == 1, f"expected one node named {name!r}, found {len(found)}"
    return found[0]
