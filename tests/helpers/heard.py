"""What the window's Announcer says (app/ui/common/announce.py), as a test hears it in-process: the words and
whether they were assertive, in order."""

from __future__ import annotations


class Heard:
    """Every ``(words, assertive)`` the announcer says from now on."""

    def __init__(self, announcer):
        self.said: list[tuple[str, bool]] = []
        announcer.said.connect(self._hear)

    def _hear(self, words: str, assertive: bool) -> None:
        self.said.append((words, assertive))

    def words(self) -> list[str]:
        return [w for w, _ in self.said]

    def once(self, words: str, assertive: bool) -> bool:
        """``words`` said exactly once, with that politeness (and never with the other)."""
        return [a for w, a in self.said if w == words] == [assertive]
