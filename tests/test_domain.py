from app.domain.models import Attachment, Draft, Recipient
from app.domain.validation import format_recipients, parse_recipients, validate_draft
from app.domain.explain import describe, explain
from app.domain.validation import safe_attachment_name


def test_parse_names_and_bare_addresses_with_both_separators():
    rs, errs = parse_recipients('Bob <bob@example.com>; "Smith, Jo" <jo@x.org>, carol@example.com')
    assert errs == []
    assert rs == [Recipient("bob@example.com", "Bob"), Recipient("jo@x.org", "Smith, Jo"), Recipient("carol@example.com")]
    # round trip
    assert parse_recipients(format_recipients(rs))[0] == rs


def test_bad_addresses_are_reported_with_their_token_and_good_ones_kept():
    rs, errs = parse_recipients("ok@example.com, not-an-address; x@y, a@@b.com")
    assert [r.email for r in rs] == ["ok@example.com"]
    assert [e.token for e in errs] == ["not-an-address", "x@y", "a@@b.com"]
    assert all(e.field == "to" for e in errs)


def test_non_ascii_and_rtl_names():
    rs, errs = parse_recipients("Zoë Ñandú <zoe@example.com>, \u05e9\u05dc\u05d5\u05dd <shalom@example.co.il>")
    assert not errs
    assert rs[1].name == "\u05e9\u05dc\u05d5\u05dd"


def test_control_characters_rejected():
    _, errs = parse_recipients("bob\x00@example.com")
    assert errs and "control" in errs[0].message


def test_send_needs_a_recipient_but_save_does_not():
    d = Draft(subject="hi")
    assert validate_draft(d, for_send=False) == []
    errs = validate_draft(d, for_send=True)
    assert errs and errs[0].field == "to"


def test_oversized_attachment_is_a_clear_error():
    d = Draft(to=[Recipient("a@example.com")], attachments=[Attachment("big.bin", size=11 * 1024 * 1024)])
    errs = validate_draft(d, for_send=False, max_send_bytes=10 * 1024 * 1024)
    assert errs and "big.bin" in errs[0].message and "10.0 MB" in errs[0].message


def test_attachment_names_with_separators_are_cleaned():
    assert safe_attachment_name("../../etc/passwd") == "passwd"
    assert safe_attachment_name("a\x07b.txt") == "ab.txt"


def test_explain_codes_in_plain_words():
    assert describe("ErrorMessageSizeExceeded") == "Too large to send (ErrorMessageSizeExceeded)"
    assert explain("ErrorSomethingNew") == "Something new"


def test_inline_row_errors_are_short_enough_to_read_in_a_row():
    for code in ("ErrorMessageSizeExceeded", "ErrorItemNotFound", "ErrorInvalidRecipients", "ErrorServerBusy"):
        assert len(describe(code)) <= 60, describe(code)
    assert describe("ErrorItemNotFound") == "Deleted on the server (ErrorItemNotFound)"


def test_an_address_longer_than_exchange_stores_is_refused_for_a_save_and_a_send_once():
    from app.domain.validation import validate_draft

    long = "x" * 250 + "@example.com"
    d = Draft(to=[Recipient("bob@example.com")], cc=[Recipient(long)], subject="s", body="b")
    for for_send in (False, True):
        errors = validate_draft(d, for_send=for_send)
        assert [(e.field, e.token) for e in errors] == [("cc", long)], for_send
        assert "262 characters" in errors[0].message and "at most 255" in errors[0].message
    assert validate_draft(d.copy(cc=[Recipient("x" * 243 + "@example.com")]), for_send=False) == []


def test_reply_to_is_checked_like_cc_and_is_no_recipient():
    """Reply-To (issue 49): an unfinished entry may be saved, not sent; a long one is refused for both; it
    never counts as a recipient (a message only to a Reply-To address has nobody to go to)."""
    d = Draft(to=[Recipient("bob@example.com")], reply_to=[Recipient("desk@")])
    assert validate_draft(d, for_send=False) == []
    assert [(e.field, e.token) for e in validate_draft(d, for_send=True)] == [("reply_to", "desk@")]
    long = Draft(to=[Recipient("bob@example.com")], reply_to=[Recipient("a" * 250 + "@example.com")])
    assert [e.field for e in validate_draft(long, for_send=False)] == ["reply_to"]
    only = Draft(reply_to=[Recipient("desk@example.com")])
    assert [e.field for e in validate_draft(only, for_send=True)] == ["to"]


def test_categories_as_typed_in_one_field():
    from app.domain.validation import parse_categories

    assert parse_categories(" Red category;Blue ,, red   CATEGORY, Projet ✓ ") == ["Red category", "Blue", "Projet ✓"]
    assert parse_categories("") == [] and parse_categories(" , ; ") == []


# ---- send as / on behalf (issue 49): the account's principals and a draft's principal keep their form
def test_principals_round_trip_through_the_account_settings_and_bad_entries_are_dropped():
    from app.domain.account import AccountConfig
    from app.domain.senders import Principal, SendRight

    desk = Principal("desk@example.com", "Shared Desk", SendRight.ON_BEHALF)
    acc = AccountConfig(email="a@example.com", ews_url="https://x/EWS/Exchange.asmx", username="a",
                        principals=[desk, Principal("boss@example.com")])
    j = acc.to_json()
    assert AccountConfig.from_json(j).principals == acc.principals
    j["principals"] = [*j["principals"], ["no-address"], ["x@y.z", "X", "sudo"], 7,
                       {"email": "d@example.com", "right": "on_behalf"}]
    assert AccountConfig.from_json(j).principals == [*acc.principals, Principal("d@example.com", "", SendRight.ON_BEHALF)]
    assert desk.label() == "Shared Desk <desk@example.com> (on behalf)"
    assert AccountConfig.from_json({"email": "a@b.c", "ews_url": "", "username": "a"}).principals == []


def test_a_drafts_principal_survives_the_journal_codec():
    from app.domain.senders import Principal, SendRight
    from app.storage.draft_codec import draft_from_json, draft_to_json

    d = Draft(to=[Recipient("bob@example.com")], principal=Principal("desk@example.com", "Desk", SendRight.ON_BEHALF))
    assert draft_from_json(d.local_id, draft_to_json(d), []) == d
    plain = Draft(to=[Recipient("bob@example.com")])
    assert draft_from_json(plain.local_id, draft_to_json(plain), []).principal is None


def test_origin_words_name_who_a_message_is_from_as_outlook_does():
    """The Sent preview's From (issue 59): Sender other than From is "on behalf"; send as and own: From alone."""
    from app.domain.models import Origin, Recipient

    bob, desk = Recipient("bob@example.com", "Bob Brown"), Recipient("desk@example.com", "Shared Desk")
    assert Origin(desk, bob).words() == "Bob Brown <bob@example.com> on behalf of Shared Desk <desk@example.com>"
    assert Origin(desk, Recipient("DESK@example.com", "Shared Desk")).words() == "Shared Desk <desk@example.com>"
    assert Origin(desk, None).words() == Origin(None, desk).words() == "Shared Desk <desk@example.com>"
    assert Origin().words() == ""
