"""The recipient field's whole-entry edits as text positions (app.domain.recipient_spans, no Qt)."""

from __future__ import annotations

from app.domain import recipient_spans as rs

TWO = "Bob <bob@example.com>, carol@example.com, "


def test_entries_ignore_separators_in_quotes_and_angle_brackets():
    text = '"Doe, Jane" <jane@example.com>; x@y.org ,  odd <a,b@c.d>'
    assert [text[s:e] for s, e in rs.entry_spans(text)] == [
        '"Doe, Jane" <jane@example.com>', "x@y.org", "odd <a,b@c.d>"]


def test_typing_position_and_what_is_typed():
    text = TWO + "da"
    assert rs.typed_so_far(text, len(text)) == "da"
    assert rs.at_typing_start(TWO, len(TWO)) and not rs.at_typing_start(text, len(text))
    assert not rs.at_typing_start(TWO, len("Bob <bob@example.com>")), "at the end of an entry, not its start"


def test_backspace_at_the_typing_position_removes_the_entry_before_whole():
    span = rs.entry_before(TWO, len(TWO))
    assert TWO[span[0]:span[1]] == "carol@example.com"
    assert rs.remove_entry(TWO, span).applied(TWO) == ("Bob <bob@example.com>, ", len("Bob <bob@example.com>, "))


def test_removing_a_middle_or_first_entry_keeps_the_others_and_their_separators():
    text = "a@x.org, b@y.org, c@z.org"
    b = rs.entry_spans(text)[1]
    assert rs.remove_entry(text, b).applied(text) == ("a@x.org, c@z.org", len("a@x.org, "))
    assert rs.remove_entry(text, rs.entry_spans(text)[0]).applied(text) == ("b@y.org, c@z.org", 0)
    assert rs.remove_entry("only@x.org", (0, 10)).applied("only@x.org") == ("", 0)


def test_left_and_right_walk_whole_entries():
    text = "a@x.org, b@y.org"
    a, b = rs.entry_spans(text)
    assert rs.entry_before(text, b[0]) == a and rs.entry_before(text, a[0]) is None
    assert rs.entry_after(text, a) == b and rs.entry_after(text, b) is None
    assert rs.is_entry(text, *b) and not rs.is_entry(text, 0, 3)


def test_a_completion_replaces_the_entry_being_typed_and_leaves_the_typing_position_after_it():
    text = "Bob <bob@example.com>, ca, dave@example.com"
    pos = text.index("ca") + 2
    new, cursor = rs.replace_typing_entry(text, pos, "Carol <carol@example.com>").applied(text)
    assert new == "Bob <bob@example.com>, Carol <carol@example.com>, dave@example.com"
    assert new[:cursor] == "Bob <bob@example.com>, Carol <carol@example.com>, "
    assert rs.replace_typing_entry('"Doe, J', 7, "Jane Doe <j@x.org>").applied('"Doe, J') == ("Jane Doe <j@x.org>, ", 20)


def test_edits_touch_only_what_changes():
    """A field applies an edit as one replacement of a range (so the line edit's Undo brings it back)."""
    assert rs.remove_entry("a@x.org, b@y.org", (9, 16)) == rs.Edit(8, 16, " ")
    assert rs.replace_typing_entry("a@x.org,bo", 10, "Bob <bob@example.com>") == rs.Edit(8, 10, " Bob <bob@example.com>, ")


def test_a_field_put_back_ends_at_a_new_entry_unless_an_entry_is_still_open():
    from app.domain.recipient_spans import finished

    assert finished("ann@example.org, bob@@example.com") == "ann@example.org, bob@@example.com, "
    assert finished("ann@example.org, ") == "ann@example.org, " and finished("") == ""
    assert finished("Quinn <quinn") == "Quinn <quinn", "the comma would be inside the open angle bracket"
    assert finished('"Smith, J') == '"Smith, J'
