"""Snippet placeholders and triggers (app/domain/snippets.py): no Qt."""

from app.domain.snippets import (
    Snippet, expand, problems, signature_from_json, snippet_from_json, split_name, trigger_before, values,
)


def test_placeholders_are_replaced():
    v = values(to_name="Bob Smith", to_email="bob@example.com", my_name="Alice", subject="Numbers", date="23/11/2026")
    assert expand("Hi {first_name} {last_name}, {subject} on {date}. {my_name}", v) == \
        "Hi Bob Smith, Numbers on 23/11/2026. Alice"


def test_an_unknown_placeholder_stays_as_typed():
    assert expand("Hi {nickname} {first_name}", {"first_name": "Bob"}) == "Hi {nickname} Bob"
    assert expand("{ first_name } {}", {"first_name": "Bob"}) == "{ first_name } {}"


def test_a_value_with_braces_is_not_expanded_again():
    v = values(subject="{first_name} {date}", to_name="Bob", date="today")
    assert expand("Re: {subject}", v) == "Re: {first_name} {date}"


def test_rich_values_are_escaped():
    v = values(to_name="<b>Bob</b>", subject="a & b")
    assert expand("<p>{first_name}: {subject}</p>", v, html=True) == "<p>&lt;b&gt;Bob&lt;/b&gt;: a &amp; b</p>"


def test_names_from_the_display_name_or_the_address():
    assert split_name("Bob Smith", "x@y") == ("Bob", "Smith")
    assert split_name("Smith, Bob", "x@y") == ("Bob", "Smith")
    assert split_name('"Bob"', "x@y") == ("Bob", "")
    assert split_name("", "bob.smith@example.com") == ("Bob", "Smith")
    assert split_name("", "carol@example.com") == ("Carol", "")
    assert split_name("dave@example.com", "dave@example.com") == ("Dave", "")
    assert split_name("", "") == ("", "")


def test_the_trigger_is_the_word_before_the_cursor():
    snips = [Snippet("Thanks", "ty", "Thank you"), Snippet("Sig", "SIG", "x")]
    assert trigger_before("Hello ty", snips).name == "Thanks"
    assert trigger_before("ty", snips).name == "Thanks"
    assert trigger_before("sig", snips).name == "Sig"  # case-insensitive when no exact one
    assert trigger_before("Hello ty ", snips) is None  # a space after it: no
    assert trigger_before("pretty", snips) is None  # part of a word: no
    assert trigger_before("", snips) is None


def test_stored_entries_are_checked():
    assert snippet_from_json({"name": " a ", "trigger": "t y", "text": "x", "rich": 1}) == Snippet("a", "ty", "x", False)
    assert snippet_from_json({"name": ""}) is None
    assert snippet_from_json(["not", "a", "dict"]) is None
    assert signature_from_json({"name": "Work", "text": 5}).text == ""


def test_problems_name_clashes_and_triggers():
    assert problems([Snippet("a", "t"), Snippet("b", "u")]) == []
    assert problems([Snippet("a", "t"), Snippet("A", "u")])
    assert problems([Snippet("a", "t"), Snippet("b", "T")])
    assert problems([Snippet(" ", "t")])
