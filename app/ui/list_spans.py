"""Where a rich document's lists run, for Compose's rich mirror (app/ui/rich_mirror.py): Qt writes a list as
one ``<ol>``/``<ul>`` from its first item to its last, whatever paragraphs lie between its items, so no
segment of the mirror may start inside one.

The spans are kept as cursors, which follow edits. While a long body goes in a piece per turn
(app/ui/body_loader.py), the lists of the pieces appended at its end are kept as positions instead: an
append moves no position before it, and a cursor each (two per list, thousands in a 10 MB body) cost Qt an
update at every insert of every piece after it. They become cursors when the body is in (:meth:`settle`);
any other edit meanwhile makes the spans stale (found again from the whole document).
"""

from __future__ import annotations

import bisect

from PySide6.QtGui import QTextCursor, QTextDocument, QTextList


class ListSpans:
    def __init__(self):
        self.stale = True  # to be found again from the whole document (:meth:`find`)
        self._starts: list[QTextCursor] = []
        self._ends: list[QTextCursor] = []
        self._appended: list[list[int]] = []  # [first item, last item] of lists appended since the last settle

    def find(self, doc: QTextDocument) -> None:
        """Every list of ``doc``, merged where they overlap (~20 ms for 800 lists)."""
        lists = {f.objectIndex() for f in doc.allFormats() if f.isBlockFormat() and f.objectIndex() >= 0}
        spans = []
        for index in lists:  # a paragraph's format names its list
            lst = doc.object(index)
            if isinstance(lst, QTextList) and lst.count():
                spans.append((lst.item(0).position(), lst.item(lst.count() - 1).position()))
        spans.sort()
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts, self._ends, self._appended = [], [], []
        for a, b in merged:
            self._keep(doc, a, b)
        self.stale = False

    def add(self, first: int, last: int) -> None:
        """A list from ``first`` to ``last`` (item positions), appended after every span kept."""
        if self._appended and first <= self._appended[-1][1]:
            self._appended[-1][1] = max(self._appended[-1][1], last)
        elif not self._appended and self._ends and first <= self._ends[-1].position():
            if last > self._ends[-1].position():
                self._ends[-1].setPosition(last)
        else:
            self._appended.append([first, last])

    def edited(self) -> None:
        """An edit other than an append: positions kept since the last settle may have moved."""
        if self._appended:
            self.stale = True

    def settle(self, doc: QTextDocument, most: int) -> bool:
        """Up to ``most`` of the appended spans become cursors (the body is in: edits may come anywhere; a
        cursor costs ~5 µs to make, so a 10 MB body's are made over a few turns). More to do?"""
        if self.stale:
            self._appended = []
        done = self._appended[:most]
        for a, b in done:
            self._keep(doc, a, b)
        del self._appended[:most]
        return bool(self._appended)

    def inside(self, p: int) -> bool:
        """Is position ``p`` within a list, from its first item to its last?"""
        if self._appended and p >= self._appended[0][0]:
            k = bisect.bisect_right(self._appended, p, key=lambda s: s[0]) - 1
            return p <= self._appended[k][1]
        k = bisect.bisect_right(self._starts, p, key=QTextCursor.position) - 1
        return k >= 0 and p <= self._ends[k].position()

    def positions(self) -> list[tuple[int, int]]:
        """The spans as (first, last) positions (tests)."""
        kept = [(a.position(), b.position()) for a, b in zip(self._starts, self._ends)]
        return kept + [(a, b) for a, b in self._appended]

    def _keep(self, doc: QTextDocument, a: int, b: int) -> None:
        for where, p in ((self._starts, a), (self._ends, b)):
            c = QTextCursor(doc)
            c.setPosition(p)
            where.append(c)
