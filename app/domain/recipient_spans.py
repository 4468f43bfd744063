"""Where the entries of a recipient field's text are: pure text positions, no Qt.

A recipient field holds ``Name <addr>`` or bare addresses separated by ``,`` or ``;`` (a separator inside
quotes or angle brackets is part of the entry). The field edits them as whole tokens: Backspace at the
start of the typing position removes the entry before it, Left/Right select a whole entry, Delete or
Backspace on a selected entry removes it, a completion replaces the entry being typed. These functions say
what those edits do to the text; ``app.ui.compose.recipient_edit`` only applies them.

A span is ``(start, end)``: ``text[start:end]`` is the entry without the whitespace around it.
"""

from __future__ import annotations

from typing import NamedTuple

Span = tuple[int, int]


def separator_positions(text: str) -> list[int]:
    """The indexes of the ``,``/``;`` that separate entries (not those inside quotes or angle brackets)."""
    out: list[int] = []
    quoted = angle = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and quoted and i + 1 < len(text):
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == "<" and not quoted:
            angle = True
        elif c == ">" and not quoted:
            angle = False
        elif c in ",;" and not quoted and not angle:
            out.append(i)
        i += 1
    return out


def entry_spans(text: str) -> list[Span]:
    """The spans of the non-blank entries, in order."""
    spans: list[Span] = []
    start = 0
    for stop in [*separator_positions(text), len(text)]:
        piece = text[start:stop]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = stop + 1
    return spans


def typing_start(text: str, pos: int) -> int:
    """Where the entry holding the cursor at ``pos`` starts (just after the separator before it)."""
    before = [s for s in separator_positions(text) if s < pos]
    return before[-1] + 1 if before else 0


def typed_so_far(text: str, pos: int) -> str:
    """The part of the entry under the cursor that lies before it (what completion matches)."""
    return text[typing_start(text, pos):pos].strip()


def at_typing_start(text: str, pos: int) -> bool:
    """Nothing typed in the cursor's entry before the cursor: the cursor sits at a token boundary."""
    return typed_so_far(text, pos) == ""


def entry_before(text: str, pos: int) -> Span | None:
    """The last whole entry that ends at or before ``pos``."""
    spans = [s for s in entry_spans(text) if s[1] <= pos]
    return spans[-1] if spans else None


def entry_after(text: str, span: Span) -> Span | None:
    """The entry that follows ``span``."""
    spans = [s for s in entry_spans(text) if s[0] >= span[1]]
    return spans[0] if spans else None


def is_entry(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is exactly one whole entry (a selected token)."""
    return (start, end) in entry_spans(text)


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``insert`` (a field applies it as one undoable edit)."""

    start: int
    end: int
    insert: str

    def applied(self, text: str) -> tuple[str, int]:
        """The new text and the cursor after the inserted text."""
        return text[: self.start] + self.insert + text[self.end:], self.start + len(self.insert)


def _spaces_from(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not a space."""
    return i + len(text[i:]) - len(text[i:].lstrip(" "))


def remove_entry(text: str, span: Span) -> Edit:
    """Remove the entry ``span`` and its separator; the cursor goes where the entry was.

    The separator after the entry goes with it; the last entry takes the separator before it instead
    (the cursor then stays after that separator, ready for the next address)."""
    start, end = span
    seps = separator_positions(text)
    after = next((s for s in seps if s >= end), None)
    if after is not None:
        return Edit(start, _spaces_from(text, after + 1), "")
    before = [s for s in seps if s < start]
    if before:
        return Edit(before[-1] + 1, _spaces_from(text, end), " ")
    return Edit(start, _spaces_from(text, end), "")


def finished(text: str) -> str:
    """``text`` with its last entry finished: ``", "`` after it, so the typing position is a new entry and every
    entry is a whole token (a draft put back in the field). An entry whose quote or angle bracket is still open
    would swallow the comma: it is left as it is, open."""
    if not text.strip() or text.rstrip().endswith((",", ";")):
        return text
    done = text.rstrip() + ", "
    return done if len(separator_positions(done)) == len(separator_positions(text)) + 1 else text


def replace_typing_entry(text: str, pos: int, completion: str) -> Edit:
    """Replace the entry under the cursor with ``completion`` followed by ``", "``: the cursor is then at
    the typing position for the next address. What follows the entry is kept after it."""
    start = typing_start(text, pos)
    following = [s for s in separator_positions(text) if s >= pos]
    end = len(text)
    if following:
        rest = text[following[0]:]
        end = following[0] + len(rest) - len(rest.lstrip(",; "))
    space = " " if start and not text[:start].endswith(" ") else ""
    return Edit(start, end, space + completion + ", ")
