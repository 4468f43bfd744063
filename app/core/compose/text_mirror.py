"""A copy of the editor's text kept in chunks, so a keystroke costs a splice of one chunk and a snapshot
of a 10 MB body costs a tuple of a few hundred references (no Qt here; the Qt side is
:mod:`app.ui.compose.body.body_mirror`, which feeds it the ranges the editor's document reports as changed).

The whole text is only ever joined by :meth:`ChunkedText.text` or by joining a :meth:`snapshot` (the
autosave does that on the journal thread); strings are immutable, so a snapshot never changes after it
was taken, whatever is typed next.
"""

from __future__ import annotations

CHUNK = 32 * 1024  # characters a chunk holds (split at twice this)


class ChunkedText:
    def __init__(self, text: str = ""):
        self._chunks: list[str] = []
        self._len = 0
        self._joined: str | None = None  # the whole text, once joined, until the next change
        self.set(text)

    def __len__(self) -> int:
        return self._len

    def set(self, text: str) -> None:
        self._chunks = _split(text)
        self._len = len(text)
        self._joined = None

    def replace(self, pos: int, removed: int, added: str) -> None:
        """``text[pos:pos + removed] = added`` (``pos``/``removed`` are clamped to the text)."""
        pos = max(0, min(pos, self._len))
        end = min(self._len, pos + max(0, removed))
        # the chunks [i, j) cover [pos, end]; ``off`` is where chunk i starts
        i, off = self._find(pos)
        j, span = i, off
        while j < len(self._chunks) and (span < end or j == i):
            span += len(self._chunks[j])
            j += 1
        merged = "".join(self._chunks[i:j])
        merged = merged[: pos - off] + added + merged[end - off:]
        if len(merged) <= 2 * CHUNK:
            new = [merged] if merged else []
        else:
            new = _split(merged)
        self._chunks[i:j] = new
        self._len += len(added) - (end - pos)
        self._joined = None

    def snapshot(self) -> tuple[str, ...]:
        """The text as it is now, as immutable pieces: ``"".join(snapshot)`` is the text."""
        return tuple(self._chunks)

    def text(self) -> str:
        """The whole text, joined once per change (a save validates, then takes the draft: one join)."""
        if self._joined is None:
            self._joined = join(self._chunks)
        return self._joined

    def stripped_empty(self) -> bool:
        """``not text.strip()`` without joining the text."""
        return all(not c.strip() for c in self._chunks)

    def _find(self, pos: int) -> tuple[int, int]:
        """(index of the chunk holding ``pos``, where that chunk starts); the last chunk for the end."""
        off = 0
        last = len(self._chunks) - 1
        for i, c in enumerate(self._chunks):
            if pos < off + len(c) or i == last:
                return i, off
            off += len(c)
        return 0, 0


def join(chunks) -> str:
    """The whole text from a snapshot (the one place a body is joined: tests watch its thread)."""
    return "".join(chunks)


def _split(text: str) -> list[str]:
    return [text[k:k + CHUNK] for k in range(0, len(text), CHUNK)]
