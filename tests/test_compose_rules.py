"""Domain rules behind Compose (issue 11, part D): what a draft keeps of unfinished addresses, and what
to ask before sending (no subject; an attachment mentioned but missing) — pure functions, no Qt."""

import pytest

from app.domain import follow_up
from app.domain.models import Attachment, BodyFormat, Draft, Recipient
from app.domain.send_checks import mentions_attachment, send_warnings
from app.domain.validation import format_recipients, recipients_as_typed, validate_draft


# ---- a draft may hold anything; only sending needs valid recipients ----
@pytest.mark.parametrize("text", [
    "bo",
    "Bob <bo",
    "Bob <bob@example.com>, bo, carol@example.com",
    '"Smith, J" <j@example.org>; bob@@example',
    "Quinn <quinn",
])
def test_unfinished_entries_are_kept_as_typed_and_come_back_the_same(text):
    kept = recipients_as_typed(text)
    again = recipients_as_typed(format_recipients(kept))
    assert again == kept
    # every entry is there, in order (separators normalised to ", ")
    assert len(kept) == len([e for e in text.replace(";", ",").split(",") if e.strip()]) - text.count('"Smith, J"')


def test_valid_entries_are_parsed_and_duplicates_dropped():
    assert recipients_as_typed("Bob <bob@example.com>, BOB@example.com, bo") == [
        Recipient("bob@example.com", "Bob"), Recipient("bo")]


def test_saving_allows_unfinished_addresses_sending_does_not():
    d = Draft(to=[Recipient("bob@example.com"), Recipient("bo")], cc=[Recipient("Dave <dave")], subject="s")
    assert validate_draft(d, for_send=False) == []
    errs = validate_draft(d, for_send=True)
    assert [(e.field, e.token) for e in errs] == [("to", "bo"), ("cc", "Dave <dave")]


# ---- before sending ----
def test_no_subject_is_asked_about():
    assert [w.code for w in send_warnings(Draft(to=[Recipient("b@example.com")], body="hi"))] == ["no_subject"]
    assert [w.code for w in send_warnings(Draft(subject="   ", body="hi"))] == ["no_subject"]
    assert send_warnings(Draft(subject="Hello", body="hi")) == []


@pytest.mark.parametrize("body, word", [
    ("The numbers are attached.", "attached"),
    ("See the ATTACHMENT for details", "ATTACHMENT"),
    ("Please find enclosed the contract.", "enclosed"),
    ("Die Zahlen habe ich angehängt.", "angehängt"),
    ("Anbei die Zahlen.", "Anbei"),
    ("Details im Anhang.", "im Anhang"),
    ("Vous trouverez la pièce jointe ci-dessous.", "pièce jointe"),
    ("Veuillez trouver ci-joint le rapport.", "ci-joint"),
    ("Vous trouverez la piece jointe", "piece jointe"),  # written without the accent
    ("Te envío el archivo adjunto.", "archivo adjunto"),
    ("Adjunto el informe.", "Adjunto"),
])
def test_a_body_that_mentions_an_attachment_in_any_of_the_languages(body, word):
    warnings = send_warnings(Draft(subject="Numbers", body=body))
    assert [w.code for w in warnings] == ["attachment_missing"]
    assert warnings[0].word == word and f"“{word}”" in warnings[0].message


@pytest.mark.parametrize("body", [
    "A joint venture with Anhalt.",        # 'joint' alone, 'Anhalt' is not 'Anhang'
    "We are unattached to the outcome.",  # not a whole word
    "Hello Bob,\n> the numbers are attached\nThanks",  # quoted from an earlier message
    "Hi\n-----Original Message-----\nPlease find attached",  # a forwarded original
    "",
])
def test_no_false_alarm(body):
    assert send_warnings(Draft(subject="s", body=body)) == []


def test_nothing_to_ask_when_a_file_is_attached():
    d = Draft(subject="s", body="Anbei die Zahlen", attachments=[Attachment("zahlen.xlsx", b"x")])
    assert send_warnings(d) == []


def test_html_bodies_are_read_as_text():
    d = Draft(subject="s", body_format=BodyFormat.HTML,
              body='<p>See <b>attached</b></p><img alt="attachment-free" src="data:,">')
    assert [w.word for w in send_warnings(d)] == ["attached"]
    assert mentions_attachment("<p>nothing here</p>") == ""


def test_both_warnings_together():
    assert [w.code for w in send_warnings(Draft(body="attached"))] == ["no_subject", "attachment_missing"]


# ---- a reply's quoted original is not the user's (issue 73, item 2) ----
_HEADERS = {  # the header block's labels as the window writes them (translations/*/times.ts, "Quote")
    "en": follow_up.Header(),
    "fr": follow_up.Header("De\u00a0:", "Envoyé\u00a0:", "À\u00a0:", "Cc\u00a0:", "Objet\u00a0:"),
    "de": follow_up.Header("Von:", "Gesendet:", "An:", "Cc:", "Betreff:"),
}


@pytest.mark.parametrize("lang", list(_HEADERS))
@pytest.mark.parametrize("fmt", [BodyFormat.TEXT, BodyFormat.HTML])
def test_the_quoted_original_of_a_reply_is_not_read_in_any_language(lang, fmt):
    import datetime as dt

    orig = Draft(to=[Recipient("bob@example.com", "Bob")], subject="Numbers", body_format=fmt,
                 body="Please find attached the numbers." if fmt == BodyFormat.TEXT
                 else "<html><body><p>Please find <b>attached</b> the numbers.</p></body></html>",
                 attachments=[Attachment("numbers.xlsx", b"x")])
    sent = dt.datetime(2026, 11, 24, 9, 5)
    for made in (follow_up.reply_all(orig, own=["alice@example.com"], sender=Recipient("alice@example.com"),
                                     sent=sent, header=_HEADERS[lang]),
                 follow_up.forward(orig, sender=Recipient("alice@example.com"), sent=sent, header=_HEADERS[lang])):
        made = made.copy(attachments=[])  # the files left out (a reply never has them; a forward's removed)
        body = made.body
        typed = "Thanks, looks good." if fmt == BodyFormat.TEXT else "<p>Thanks, looks good.</p>"
        assert send_warnings(made.copy(body=typed + body)) == [], (lang, fmt, body)
        own = "It is attached below." if fmt == BodyFormat.TEXT else "<p>It is <i>attached</i> below.</p>"
        assert [w.word for w in send_warnings(made.copy(body=own + body))] == ["attached"], "the user's own words"


def test_a_line_of_underscores_the_user_wrote_is_not_a_quote():
    body = f"Signed,\n{follow_up.SEPARATOR}\n\nThe report is attached."
    assert [w.code for w in send_warnings(Draft(subject="s", body=body))] == ["attachment_missing"]
