"""``mailto:`` links read by RFC 6068 (app/domain/mailto.py): the RFC's own examples (section 6), the fields
Dispatch takes and those it ignores, and links written to do harm: a line break in the subject to start a Bcc
header, a 100 KB body, 1,000 recipients, malformed percent-encoding, files to attach."""

from __future__ import annotations

import pytest

from app.domain.mailto import MAX_LINK, MailtoError, MailtoLink, is_mailto, read_mailto

# (link, the fields it gives: only those not empty)
LINKS = {
    # RFC 6068 section 6.1, the basic examples
    "a bare address": ("mailto:chris@example.com", {"to": "chris@example.com"}),
    "subject": ("mailto:infobot@example.com?subject=current-issue",
                {"to": "infobot@example.com", "subject": "current-issue"}),
    "body": ("mailto:infobot@example.com?body=send%20current-issue",
             {"to": "infobot@example.com", "body": "send current-issue"}),
    "body with a line break": ("mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index",
                               {"to": "infobot@example.com", "body": "send current-issue\nsend index"}),
    "in-reply-to": ("mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E",
                    {"to": "list@example.org", "in_reply_to": "<3469A91.D10AF4C@example.com>"}),
    "cc and body": ("mailto:joe@example.com?cc=bob@example.com&body=hello",
                    {"to": "joe@example.com", "cc": "bob@example.com", "body": "hello"}),
    "to as a field": ("mailto:?to=joe@example.com&cc=bob@example.com&body=hello",
                      {"to": "joe@example.com", "cc": "bob@example.com", "body": "hello"}),
    "two in the path": ("mailto:addr1@an.example,addr2@an.example", {"to": "addr1@an.example,addr2@an.example"}),
    "two as a field": ("mailto:?to=addr1@an.example,addr2@an.example", {"to": "addr1@an.example,addr2@an.example"}),
    "path and field": ("mailto:addr1@an.example?to=addr2@an.example", {"to": "addr1@an.example, addr2@an.example"}),
    # section 6.2, the unusual ones
    "an encoded %": ("mailto:gorby%25kremvax@example.com", {"to": "gorby%kremvax@example.com"}),
    "an encoded ? and an unknown field": ("mailto:unlikely%3Faddress@example.com?blat=foop",
                                          {"to": "unlikely?address@example.com", "ignored": ("blat",)}),
    "an encoded &": ("mailto:Mike%26family@example.org", {"to": "Mike&family@example.org"}),
    "a quoted local part": ("mailto:%22not%40me%22@example.org", {"to": '"not@me"@example.org'}),
    # section 6.3, internationalisation
    "a UTF-8 subject": ("mailto:user@example.org?subject=caf%C3%A9", {"to": "user@example.org", "subject": "café"}),
    "an encoded-word kept as written": ("mailto:user@example.org?subject=%3D%3Futf-8%3FQ%3Fcaf%3DC3%3DA9%3F%3D",
                                        {"to": "user@example.org", "subject": "=?utf-8?Q?caf=C3=A9?="}),
    "an international domain": ("mailto:user@%E7%A4%BE%E5%86%85.example", {"to": "user@社内.example"}),
    # what Dispatch takes and leaves
    "field names in any case, the scheme too": ("MAILTO:a@example.com?SUBJECT=x&Bcc=b@example.com",
                                                {"to": "a@example.com", "subject": "x", "bcc": "b@example.com"}),
    "a plus is a plus": ("mailto:a+tag@example.com?subject=1+1", {"to": "a+tag@example.com", "subject": "1+1"}),
    "the first subject": ("mailto:a@example.com?subject=one&subject=two", {"to": "a@example.com", "subject": "one"}),
    "from, reply-to and headers ignored": ("mailto:a@example.com?from=boss@example.com&reply-to=eve@example.com"
                                           "&x-mailer=evil", {"to": "a@example.com",
                                                              "ignored": ("from", "reply-to", "x-mailer")}),
    "a field without a value": ("mailto:a@example.com?subject", {"to": "a@example.com"}),
    "nothing at all": ("mailto:", {}),
    "an in-reply-to that is no Message-ID": ("mailto:a@example.com?in-reply-to=hello", {"to": "a@example.com"}),
    # written to do harm
    "a line break in the subject (header injection)": (
        "mailto:a@example.com?subject=hi%0D%0ABcc:%20eve@example.com",
        {"to": "a@example.com", "subject": "hi  Bcc: eve@example.com"}),
    "a line break in to": ("mailto:a@example.com%0D%0ABcc:eve@example.com", {"to": "a@example.com  Bcc:eve@example.com"}),
    "a lone CR in the body is a line break": ("mailto:a@example.com?body=one%0Dtwo", {"to": "a@example.com",
                                                                                  "body": "one\ntwo"}),
    "a NUL and a bell in the body": ("mailto:a@example.com?body=a%00b%07c%09d", {"to": "a@example.com", "body": "abc\td"}),
    "a Unicode line separator in the subject": ("mailto:a@example.com?subject=a%E2%80%A8b",
                                                {"to": "a@example.com", "subject": "a b"}),
    "files to attach": ("mailto:a@example.com?attach=/home/me/.ssh/id_rsa&attachment=file:///etc/passwd",
                        {"to": "a@example.com", "files": ("/home/me/.ssh/id_rsa", "file:///etc/passwd")}),
}


@pytest.mark.parametrize("case", LINKS, ids=list(LINKS))
def test_a_link_gives_the_fields_it_asks_for(case):
    link, fields = LINKS[case]
    assert read_mailto(link) == MailtoLink(**fields)


def test_the_message_a_link_asks_for_has_its_recipients_and_never_a_file():
    draft = read_mailto("mailto:Ann%20%3Cann@example.com%3E,bob@example.com?cc=cy@example.com&bcc=dee@example.com"
                        "&subject=Q4&body=Hello%0D%0A%0D%0ABye&in-reply-to=%3Cm1@example.com%3E"
                        "&attach=/etc/passwd").draft()
    assert [(r.email, r.name) for r in draft.to] == [("ann@example.com", "Ann"), ("bob@example.com", "")]
    assert [r.email for r in draft.cc] == ["cy@example.com"] and [r.email for r in draft.bcc] == ["dee@example.com"]
    assert (draft.subject, draft.body, draft.in_reply_to) == ("Q4", "Hello\n\nBye", "<m1@example.com>")
    assert draft.attachments == []


def test_an_invalid_address_stays_as_written_for_compose_to_mark():
    draft = read_mailto("mailto:ann@,bob@example.com").draft()
    assert [r.email for r in draft.to] == ["ann@", "bob@example.com"]


def test_a_100_kb_body_and_1000_recipients_are_read_whole():
    body = "x" * 100_000
    people = ",".join(f"r{i}@example.com" for i in range(1000))
    link = read_mailto(f"mailto:{people}?body={body}")
    assert len(link.body) == 100_000 and len(link.draft().to) == 1000


BAD = {
    "not a mailto link": ("https://example.com/?to=a@example.com", "not a mailto: link"),
    "a % without digits": ("mailto:a@example.com?subject=100%", "followed by two hexadecimal digits"),
    "a % with one digit": ("mailto:a%4@example.com", "followed by two hexadecimal digits"),
    "bytes that are not UTF-8": ("mailto:a@example.com?subject=caf%E9", "not UTF-8"),
    "a cut UTF-8 sequence": ("mailto:a@example.com?body=%C3", "not UTF-8"),
    "a malformed field name": ("mailto:a@example.com?sub%zzject=x", "a field's name"),
    "too long": ("mailto:a@example.com?body=" + "x" * MAX_LINK, "longer than"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_link_that_cannot_be_read_is_refused_in_words(case):
    link, words = BAD[case]
    with pytest.raises(MailtoError) as caught:
        read_mailto(link)
    assert words in str(caught.value)


def test_a_file_name_is_not_a_link():
    assert is_mailto("mailto:a@example.com") and is_mailto("MailTo:") and not is_mailto("mailto.eml")
    assert not is_mailto("/home/me/mailto:a.eml")
