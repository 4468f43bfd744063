"""Every role Qt asks of a cell, in one call into Python.

Qt's item delegate asks each cell it paints for 7 roles. Through ``data()`` that is 7 calls into Python
per cell, and each call takes the GIL anew: beside a worker thread busy in Python (a page of drafts being
converted, a merge creating its drafts) each one waits for it. A repaint of the merge's results (15 rows of
5 cells), both ways in one process, 2026-11-26: 12.3-14.6 ms beside a busy Python thread through
``data()``, 4.8-7.1 ms through ``multiData()``; alone 3.3-4.4 against 3.8-4.0 ms. Qt 6 asks the roles of
a cell in one ``multiData()`` call; a model answers it here from its own ``data()``.
"""

from __future__ import annotations

from collections.abc import Callable, Container


def fill_roles(data: Callable, index, span, roles: Container[int]) -> None:
    """Set each of ``span``'s role slots to what ``data(index, role)`` gives, a role not in ``roles`` (and
    None) to no value. Every slot is set: Qt's delegate hands the same slots from cell to cell, and a slot
    left alone kept the cell before's value (its colour, its icon)."""
    for role_data in span:
        role = role_data.role()
        value = data(index, role) if role in roles else None
        if value is None:
            role_data.clearData()
        else:
            role_data.setData(value)
