"""A reply's or forward's quoted header block in the window's language, as Outlook writes it (French "De :",
"Envoyé :", German "Von:", "Gesendet:"), the sent date as the window writes it; English by default. The domain
takes the words from the window (no Qt here), so these tests give them as the window would."""

from __future__ import annotations

import datetime as _dt

import pytest

from app.domain import follow_up
from app.domain.models import BodyFormat, Draft, Recipient

ME = Recipient("alice@example.com", "Alice")
SENT = _dt.datetime(2026, 11, 27, 9, 5)
NBSP = "\u00a0"
FRENCH = follow_up.Header(sender=f"De{NBSP}:", sent=f"Envoyé{NBSP}:", to=f"À{NBSP}:", cc=f"Cc{NBSP}:",
                          subject=f"Objet{NBSP}:", date=lambda d: f"vendredi {d.day} novembre {d.year} {d:%H:%M}")
GERMAN = follow_up.Header(sender="Von:", sent="Gesendet:", to="An:", cc="Cc:", subject="Betreff:",
                          date=lambda d: f"Freitag, {d.day}. November {d.year} {d:%H:%M}")


def _sent(**kw) -> Draft:
    return Draft(to=[Recipient("bob@example.com", "Bob")], cc=[Recipient("carol@example.com")], subject="Chiffres",
                 body="Q3 en hausse.", **kw)


@pytest.mark.parametrize("header, block", [
    (FRENCH, f"De{NBSP}: Alice <alice@example.com>\nEnvoyé{NBSP}: vendredi 27 novembre 2026 09:05\n"
             f"À{NBSP}: Bob <bob@example.com>\nCc{NBSP}: carol@example.com\nObjet{NBSP}: Chiffres\n\nQ3 en hausse."),
    (GERMAN, "Von: Alice <alice@example.com>\nGesendet: Freitag, 27. November 2026 09:05\n"
             "An: Bob <bob@example.com>\nCc: carol@example.com\nBetreff: Chiffres\n\nQ3 en hausse."),
    (follow_up.Header(), "From: Alice <alice@example.com>\nSent: Friday, November 27, 2026 9:05\n"
                         "To: Bob <bob@example.com>\nCc: carol@example.com\nSubject: Chiffres\n\nQ3 en hausse."),
], ids=["fr", "de", "en"])
def test_the_plain_quote_in_the_windows_language(header, block):
    r = follow_up.reply_all(_sent(), own=["alice@example.com"], sender=ME, sent=SENT, header=header)
    assert r.body == f"\n\n{follow_up.SEPARATOR}\n{block}"
    f = follow_up.forward(_sent(), sender=ME, sent=SENT, header=header)
    assert f.body == r.body


@pytest.mark.parametrize("header, words", [(FRENCH, ["<b>De\u00a0:</b> Alice", "<b>Envoyé\u00a0:</b> vendredi 27",
                                                      "<b>Objet\u00a0:</b> Chiffres"]),
                                            (GERMAN, ["<b>Von:</b> Alice", "<b>Gesendet:</b> Freitag, 27. November",
                                                      "<b>An:</b> Bob", "<b>Betreff:</b> Chiffres"])],
                         ids=["fr", "de"])
def test_the_rich_quote_in_the_windows_language(header, words):
    orig = _sent(body_format=BodyFormat.HTML)
    orig.body = "<p>Q3 en hausse.</p>"
    r = follow_up.forward(orig, sender=ME, sent=SENT, header=header)
    for w in words:
        assert w in r.body
    assert "From" not in r.body and "Subject" not in r.body
