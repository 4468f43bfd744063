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
                          subject=f"Objet{NBSP}:", date=lambda d: f"vendredi {d.day} novembre {d.year} {d:%H:%M}",
                          reply=f"RE{NBSP}:", forward=f"TR{NBSP}:")
GERMAN = follow_up.Header(sender="Von:", sent="Gesendet:", to="An:", cc="Cc:", subject="Betreff:",
                          date=lambda d: f"Freitag, {d.day}. November {d.year} {d:%H:%M}", reply="AW:", forward="WG:")


def _sent(**kw) -> Draft:
    kw.setdefault("subject", "Chiffres")
    return Draft(to=[Recipient("bob@example.com", "Bob")], cc=[Recipient("carol@example.com")],
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


# Outlook's prefixes per language (MS-OXOMSG 2.2.1.60 PidTagSubjectPrefix: "RE: ", "FW: " or the language's own);
# any language's prefix of the same kind, in any case and spacing, makes way for the window's: no "AW: RE:" chain
@pytest.mark.parametrize("header, reply", [(follow_up.Header(), "RE: "), (FRENCH, f"RE{NBSP}: "), (GERMAN, "AW: ")],
                         ids=["en", "fr", "de"])
@pytest.mark.parametrize("subject", ["Chiffres", "RE: Chiffres", "AW: Chiffres", "aw:Chiffres", "Re : Chiffres",
                                     f"RE{NBSP}: AW: Re: Chiffres", "SV: Chiffres", "Antw: Chiffres"])
def test_the_reply_prefix_is_the_languages_once(header, reply, subject):
    r = follow_up.reply_all(_sent(subject=subject), own=["alice@example.com"], sender=ME, sent=SENT, header=header)
    assert r.subject == reply + "Chiffres"


@pytest.mark.parametrize("header, forward", [(follow_up.Header(), "FW: "), (FRENCH, f"TR{NBSP}: "),
                                             (GERMAN, "WG: ")], ids=["en", "fr", "de"])
@pytest.mark.parametrize("subject, rest", [("Chiffres", "Chiffres"), ("WG: Chiffres", "Chiffres"),
                                           (f"TR{NBSP}: Fwd: Chiffres", "Chiffres"), ("fw: Chiffres", "Chiffres"),
                                           ("AW: Chiffres", "AW: Chiffres")])  # a forwarded reply stays one
def test_the_forward_prefix_is_the_languages_once(header, forward, subject, rest):
    f = follow_up.forward(_sent(subject=subject), sender=ME, sent=SENT, header=header)
    assert f.subject == forward + rest


@pytest.mark.parametrize("header, label", [(FRENCH, f"De{NBSP}:"), (GERMAN, "Von:"), (follow_up.Header(), "From:")],
                         ids=["fr", "de", "en"])
def test_the_quote_names_the_sender_by_name_and_address_as_the_server_read_it(header, label):
    """A message read from Sent carries its From as the server says (display name too): the quote names it so in
    every language, not the bare address of the account."""
    from app.domain.models import Origin

    orig = _sent(origin=Origin(Recipient("alice@example.com", "Alice Anderson")))
    r = follow_up.reply_all(orig, own=["alice@example.com"], sender=Recipient("alice@example.com"), sent=SENT,
                            header=header)
    assert f"\n{label} Alice Anderson <alice@example.com>\n" in r.body
