"""Queries as Exchange answers them (issue 12): restrictions on multi-valued properties, QueryString (AQS),
views and sorts the sandbox cannot do answered with errors, FindFolder's restriction and traversal."""

from __future__ import annotations

import re

import pytest
from exchangelib import Mailbox, Message, Q
from exchangelib.errors import ErrorInvalidArgument

from tests.helpers.soap import post, response_codes


def _save(account, subject, **kw):
    m = Message(account=account, folder=account.drafts, subject=subject, **kw)
    m.save()
    return m


def _subjects(qs):
    return sorted(m.subject for m in qs)


FIND = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
        '<t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>{view}{restriction}{sort}'
        '<m:ParentFolderIds><t:DistinguishedFolderId Id="{folder}"/></m:ParentFolderIds>{qs}</m:FindItem>')


def find(sandbox, restriction="", view="", sort="", folder="drafts", qs=""):
    r = post(sandbox, FIND.format(view=view, restriction=restriction, sort=sort, folder=folder, qs=qs))
    assert r.status_code == 200, r.text[:500]
    return r


def found(r):
    return sorted(s.decode() for s in re.findall(rb"<t:Subject>([^<]*)</t:Subject>", r.content))


def _restriction(expr):
    return f"<m:Restriction>{expr}</m:Restriction>"


def _cmp(op, uri, value):
    return (f'<t:{op}><t:FieldURI FieldURI="{uri}"/><t:FieldURIOrConstant><t:Constant Value="{value}"/>'
            f"</t:FieldURIOrConstant></t:{op}>")


@pytest.fixture
def tagged(alice):
    _save(alice, "one", categories=["TestA", "Blue"])
    _save(alice, "two", categories=["Blue"])
    _save(alice, "three", categories=["testa"])
    _save(alice, "four")
    return alice


def test_categories_match_any_value_case_insensitively(sandbox, tagged):
    d = tagged.drafts
    assert _subjects(d.filter(categories__contains=["TESTA"])) == ["one", "three"]
    assert _subjects(d.filter(categories__contains=["testa", "blue"])) == ["one"]
    assert _subjects(d.filter(categories__in=["blue", "nothing"])) == ["one", "two"]
    # exchangelib's exclude() sends IsNotEqualTo: any value other than Blue (and "four" has no value at all)
    assert _subjects(d.exclude(categories__contains=["Blue"])) == ["one", "three"]
    not_blue = f'<t:Not>{_cmp("IsEqualTo", "item:Categories", "BLUE")}</t:Not>'
    assert found(find(sandbox, _restriction(not_blue))) == ["four", "three"]
    assert _subjects(d.filter(categories="TESTA")) == ["one", "three"]  # IsEqualTo on the list
    assert _subjects(d.filter(categories__contains="est")) == ["one", "three"]  # Contains, Substring
    assert d.filter(categories__contains=["Red"]).count() == 0
    # the other comparisons and Exists, any value too; an item without categories matches none of them
    assert found(find(sandbox, _restriction(_cmp("IsNotEqualTo", "item:Categories", "blue")))) == ["one", "three"]
    assert found(find(sandbox, _restriction(_cmp("IsGreaterThan", "item:Categories", "c")))) == ["one", "three"]
    exists = '<t:Exists><t:FieldURI FieldURI="item:Categories"/></t:Exists>'
    assert found(find(sandbox, _restriction(exists))) == ["one", "three", "two"]
    assert found(find(sandbox, _restriction(f"<t:Not>{exists}</t:Not>"))) == ["four"]


def test_delete_scoped_by_category_deletes_exactly_the_matches(sandbox, tagged):
    d = tagged.drafts
    d.filter(categories__contains=["testA"]).delete()
    assert _subjects(d.all()) == ["four", "two"]
    d.filter(Q(categories__contains=["BLUE"]) | Q(subject="four")).delete()
    assert d.all().count() == 0


def test_recipient_lists_are_searched_by_aqs_and_refused_in_restrictions(sandbox, alice):
    _save(alice, "to bob", to_recipients=[Mailbox(email_address="bob@example.com"),
                                          Mailbox(email_address="carol@example.com")])
    _save(alice, "to dave", to_recipients=[Mailbox(email_address="dave@example.com", name="Dave Lee")])
    # as Exchange: no restriction on message:ToRecipients (exchangelib will not even send one)
    r = find(sandbox, _restriction(_cmp("IsEqualTo", "message:ToRecipients", "carol@example.com")))
    assert response_codes(r) == ["ErrorUnsupportedPathForQuery"]
    contains = ('<t:Contains ContainmentMode="Prefixed" ContainmentComparison="IgnoreCase">'
                '<t:FieldURI FieldURI="message:CcRecipients"/><t:Constant Value="bob"/></t:Contains>')
    assert response_codes(find(sandbox, _restriction(contains))) == ["ErrorUnsupportedPathForQuery"]
    with pytest.raises(ValueError):
        list(alice.drafts.filter(to_recipients="carol@example.com"))
    # AQS searches any recipient, by address or name
    assert _subjects(alice.drafts.filter("to:CAROL@example.com")) == ["to bob"]
    assert _subjects(alice.drafts.filter("participants:lee")) == ["to dave"]
    # DisplayTo is one string (PR_DISPLAY_TO): "Dave Lee" for the second
    r = find(sandbox, _restriction(_cmp("IsEqualTo", "item:DisplayTo", "dave lee")))
    assert found(r) == ["to dave"]
    assert _subjects(alice.drafts.filter(display_to__icontains="DAVE")) == ["to dave"]


def test_text_comparisons_ignore_case_and_absent_properties_match_nothing(sandbox, alice):
    _save(alice, "Quarterly Report", importance="High")
    _save(alice, "minutes", importance="Low")
    m = Message(account=alice, folder=alice.drafts)
    m.save()  # no subject at all
    assert _subjects(alice.drafts.filter(subject="QUARTERLY report")) == ["Quarterly Report"]
    r = find(sandbox, _restriction(_cmp("IsNotEqualTo", "item:Subject", "minutes")))
    assert found(r) == ["Quarterly Report"]  # the item without a subject is not "not equal"
    # Importance compares by its order (Low < Normal < High), and sorts that way
    r = find(sandbox, _restriction(_cmp("IsGreaterThan", "item:Importance", "Normal")))
    assert found(r) == ["Quarterly Report"]
    by_importance = ('<m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:Importance"/>'
                     "</t:FieldOrder></m:SortOrder>")
    r = find(sandbox, sort=by_importance, restriction=_restriction(
        '<t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists>'))
    assert re.findall(rb"<t:Subject>([^<]*)</t:Subject>", r.content) == [b"minutes", b"Quarterly Report"]


def test_errors_for_restrictions_and_sorts_exchange_refuses(sandbox, alice):
    _save(alice, "x")
    size = ('<t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">'
            '<t:FieldURI FieldURI="item:Size"/><t:Constant Value="1"/></t:Contains>')
    assert response_codes(find(sandbox, _restriction(size))) == ["ErrorContainsFilterWrongType"]
    atts = '<t:Exists><t:FieldURI FieldURI="item:Attachments"/></t:Exists>'
    assert response_codes(find(sandbox, _restriction(atts))) == ["ErrorUnsupportedPathForQuery"]
    by_to = ('<m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="message:ToRecipients"/>'
             "</t:FieldOrder></m:SortOrder>")
    assert response_codes(find(sandbox, sort=by_to)) == ["ErrorUnsupportedPathForSortGroup"]
    assert response_codes(find(sandbox, _restriction(_cmp("IsEqualTo", "item:Size", "big")))) == \
        ["ErrorInvalidValueForProperty"]


def test_a_sort_on_categories_orders_by_the_first_category_ignoring_case(sandbox, tagged):
    """Issue 51 item 5: Exchange sorts FindItem on item:Categories (the sandbox refused it with
    ErrorUnsupportedPathForSortGroup). Which category places a multi-valued item is not documented: the first,
    folded; ties keep the store's order (creation, like the default sort's tie-break)."""
    def by_cat(order):
        return (f'<m:SortOrder><t:FieldOrder Order="{order}"><t:FieldURI FieldURI="item:Categories"/>'
                "</t:FieldOrder></m:SortOrder>")

    def subjects(r):
        assert response_codes(r) == ["NoError"], r.content[:400]
        return [s.decode() for s in re.findall(rb"<t:Subject>([^<]*)</t:Subject>", r.content)]
    assert subjects(find(sandbox, sort=by_cat("Ascending"))) == ["four", "two", "one", "three"]
    assert subjects(find(sandbox, sort=by_cat("Descending"))) == ["three", "one", "two", "four"]
    paged = find(sandbox, view='<m:IndexedPageItemView MaxEntriesReturned="2" Offset="1" BasePoint="Beginning"/>',
                 sort=by_cat("Ascending"))
    assert subjects(paged) == ["two", "one"]


def test_query_string_is_applied(sandbox, alice):
    _save(alice, "Project meeting notes", body="agenda attached", categories=["Work"])
    _save(alice, "Projections for December sales", to_recipients=[Mailbox(email_address="sadie@hotmail.com")])
    _save(alice, "Lunch", body="the PROJECT is late",
          to_recipients=[Mailbox(email_address="bob@example.com", name="Bob Builder")])
    d = alice.drafts
    assert _subjects(d.filter("subject:project")) == ["Project meeting notes", "Projections for December sales"]
    assert _subjects(d.filter('subject:"project"')) == ["Project meeting notes"]
    assert _subjects(d.filter("Subject:PROJ")) == ["Project meeting notes", "Projections for December sales"]
    assert _subjects(d.filter("project")) == ["Lunch", "Project meeting notes", "Projections for December sales"]
    assert _subjects(d.filter("body:late")) == ["Lunch"]
    assert _subjects(d.filter('to:"@hotmail.com"')) == ["Projections for December sales"]
    assert _subjects(d.filter("to:builder")) == ["Lunch"]
    assert _subjects(d.filter("category:work")) == ["Project meeting notes"]
    assert _subjects(d.filter("project NOT subject:lunch")) == ["Project meeting notes",
                                                                 "Projections for December sales"]
    assert _subjects(d.filter("subject:(meeting notes)")) == ["Project meeting notes"]
    assert _subjects(d.filter("subject:lunch OR category:work")) == ["Lunch", "Project meeting notes"]
    assert d.filter("subject:nowhere").count() == 0


def test_delete_scoped_by_query_string_deletes_only_the_matches(sandbox, alice):
    for s in ("keep me", "drop this", "drop that"):
        _save(alice, s)
    alice.drafts.filter("subject:drop").delete()
    assert _subjects(alice.drafts.all()) == ["keep me"]


def test_query_string_it_cannot_read_is_refused(sandbox, alice):
    _save(alice, "x")
    with pytest.raises(ErrorInvalidArgument):
        list(alice.drafts.filter('subject:"unterminated'))
    both = _restriction(_cmp("IsEqualTo", "item:Subject", "x"))
    r = find(sandbox, both, qs="<m:QueryString>x</m:QueryString>")
    assert response_codes(r) == ["ErrorInvalidArgument"]


def test_text_with_a_colon_is_searched_for_not_refused(sandbox, alice):
    """Issue 51: a word: that is no AQS keyword is text (10:30, a URL, def:ghi), its words in that order; known
    keywords keep their meaning."""
    _save(alice, "Standup at 10:30", body="see https://example.com/agenda")
    _save(alice, "30 past 10", body="abc def:ghi jkl")
    _save(alice, "flavour: vanilla")
    d = alice.drafts
    assert _subjects(d.filter("10:30")) == ["Standup at 10:30"]
    assert _subjects(d.filter("https://example.com")) == ["Standup at 10:30"]
    assert _subjects(d.filter("def:ghi")) == ["30 past 10"]
    assert _subjects(d.filter("flavour:vanilla")) == ["flavour: vanilla"]
    assert _subjects(d.filter("subject:(at 10:30)")) == ["Standup at 10:30"]
    assert _subjects(d.filter("subject:10 NOT 10:30")) == ["30 past 10"]
    assert d.filter("ghi:def").count() == 0
    r = find(sandbox, qs="<m:QueryString>body:https://example.com</m:QueryString>")
    assert response_codes(r) == ["NoError"] and found(r) == ["Standup at 10:30"]
    assert _subjects(d.filter("subject:standup")) == ["Standup at 10:30"]  # keywords still keywords


def test_views_it_does_not_implement_are_errors(sandbox, alice):
    _save(alice, "x")
    group = ('<m:GroupBy Order="Ascending"><t:FieldURI FieldURI="item:Subject"/><t:AggregateOn Aggregate="Minimum">'
             '<t:FieldURI FieldURI="item:Subject"/></t:AggregateOn></m:GroupBy>')
    assert response_codes(find(sandbox, view=group)) == ["ErrorInvalidOperation"]
    dgroup = ('<m:DistinguishedGroupBy Order="Ascending"><t:StandardGroupBy>ConversationTopic'
              "</t:StandardGroupBy></m:DistinguishedGroupBy>")
    assert response_codes(find(sandbox, view=dgroup)) == ["ErrorInvalidOperation"]
    seek = ('<m:SeekToConditionPageItemView MaxEntriesReturned="5" BasePoint="Beginning"><t:Condition>'
            + _cmp("IsEqualTo", "item:Subject", "x") + "</t:Condition></m:SeekToConditionPageItemView>")
    assert response_codes(find(sandbox, view=seek)) == ["ErrorInvalidOperation"]
    cal = '<m:CalendarView StartDate="2026-01-01T00:00:00Z" EndDate="2026-02-01T00:00:00Z"/>'
    assert response_codes(find(sandbox, view=cal)) == ["ErrorCalendarFolderIsInvalidForCalendarView"]
    r = find(sandbox, view=cal, folder="calendar")
    assert response_codes(r) == ["NoError"] and b'TotalItemsInView="0"' in r.content
    # ContactsView: contacts only, and a message is not one
    r = find(sandbox, view='<m:ContactsView MaxEntriesReturned="10"/>')
    assert response_codes(r) == ["NoError"] and b'TotalItemsInView="0"' in r.content


def test_traversals(sandbox, alice):
    _save(alice, "x")
    body = ('<m:FindItem Traversal="{}"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
            '<m:ParentFolderIds><t:DistinguishedFolderId Id="{}"/></m:ParentFolderIds></m:FindItem>')
    assert b'TotalItemsInView="0"' in post(sandbox, body.format("Associated", "drafts")).content
    assert b'TotalItemsInView="0"' in post(sandbox, body.format("SoftDeleted", "drafts")).content
    assert b'TotalItemsInView="1"' in post(sandbox, body.format("Shallow", "drafts")).content


FIND_FOLDER = ('<m:FindFolder Traversal="{traversal}"><m:FolderShape><t:BaseShape>Default</t:BaseShape>'
               "</m:FolderShape>{restriction}<m:ParentFolderIds>"
               '<t:DistinguishedFolderId Id="{folder}"/></m:ParentFolderIds></m:FindFolder>')


def _folder_names(sandbox, traversal, restriction="", folder="msgfolderroot"):
    r = post(sandbox, FIND_FOLDER.format(traversal=traversal, restriction=restriction, folder=folder))
    assert r.status_code == 200, r.text[:500]
    return sorted(s.decode() for s in re.findall(rb"<t:DisplayName>([^<]*)</t:DisplayName>", r.content))


def test_find_folder_applies_its_restriction(sandbox, alice):
    box = ('<t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">'
           '<t:FieldURI FieldURI="folder:DisplayName"/><t:Constant Value="BOX"/></t:Contains>')
    assert _folder_names(sandbox, "Shallow", _restriction(box)) == ["Inbox", "Outbox"]
    assert _folder_names(sandbox, "Shallow", _restriction(_cmp("IsEqualTo", "folder:DisplayName", "drafts"))) \
        == ["Drafts"]
    _save(alice, "x")
    assert _folder_names(sandbox, "Shallow", _restriction(_cmp("IsGreaterThan", "folder:TotalCount", "0"))) \
        == ["Drafts"]
    # Deep walks the whole tree, Shallow only the direct children
    cache = _restriction(_cmp("IsEqualTo", "folder:DisplayName", "Recipient Cache"))
    assert _folder_names(sandbox, "Deep", cache) == ["Recipient Cache"]
    assert _folder_names(sandbox, "Shallow", cache) == []
    deep, shallow = _folder_names(sandbox, "Deep"), _folder_names(sandbox, "Shallow")
    assert set(shallow) < set(deep) and "Recipient Cache" in deep and "Recipient Cache" not in shallow


def test_restriction_nested_beyond_sqlites_parser_is_too_complex(sandbox, alice):
    _save(alice, "x")
    exists = '<t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists>'
    deep = exists
    for i in range(120):  # And(Exists, Or(Exists, And(...))): nothing to simplify
        tag = "And" if i % 2 else "Or"
        deep = f"<t:{tag}>{exists}{deep}</t:{tag}>"
    assert response_codes(find(sandbox, _restriction(deep))) == ["ErrorRestrictionTooComplex"]
    # Not(Not(x)) and single-child And / Or nest as deep as the request allows (x itself)
    flat = "<t:Not>" * 100 + "<t:And>" * 50 + exists + "</t:And>" * 50 + "</t:Not>" * 100
    assert found(find(sandbox, _restriction(flat))) == ["x"]


def test_extended_properties_in_restrictions(sandbox, alice):
    from exchangelib import ExtendedProperty

    class Flavour(ExtendedProperty):
        distinguished_property_set_id = "PublicStrings"
        property_name = "Flavour"
        property_type = "String"

    class Scoops(ExtendedProperty):
        distinguished_property_set_id = "PublicStrings"
        property_name = "Scoops"
        property_type = "Integer"

    class Toppings(ExtendedProperty):
        distinguished_property_set_id = "PublicStrings"
        property_name = "Toppings"
        property_type = "StringArray"

    for name, cls in (("flavour", Flavour), ("scoops", Scoops), ("toppings", Toppings)):
        Message.register(name, cls)
    try:
        _save(alice, "a", flavour="Vanilla", scoops=2, toppings=["Nuts", "Fudge"])
        _save(alice, "b", flavour="chocolate", scoops=10, toppings=["sprinkles"])
        _save(alice, "c")
        d = alice.drafts
        assert _subjects(d.filter(flavour="VANILLA")) == ["a"]
        assert _subjects(d.filter(scoops__gt=5)) == ["b"]  # numbers, not text ("10" < "5")
        assert _subjects(d.filter(toppings__contains=["fudge"])) == ["a"]  # any value of the array
        assert _subjects(d.filter(flavour__exists=True)) == ["a", "b"]
        assert _subjects(d.filter(flavour__icontains="CHOC")) == ["b"]
    finally:
        for name in ("flavour", "scoops", "toppings"):
            Message.deregister(name)


def test_query_string_keywords_that_are_not_words(sandbox, alice):
    _save(alice, "big", importance="High", body="x" * 5000, is_read=True)
    _save(alice, "small", importance="Low", is_read=False)
    d = alice.drafts
    assert _subjects(d.filter("importance:high")) == ["big"]
    assert _subjects(d.filter("kind:email")) == ["big", "small"]
    assert d.filter("kind:contacts").count() == 0
    assert _subjects(d.filter("isread:false")) == ["small"]
    assert d.filter("hasattachment:true").count() == 0
    assert d.filter("isflagged:true").count() == 0
    sizes = sorted(m.size for m in d.all().only("size"))
    assert _subjects(d.filter(f"size:>{sizes[0]}")) == ["big"]
    assert _subjects(d.filter(f"size:{sizes[0]}..{sizes[0]}")) == ["small"]
    day = d.all().only("datetime_created")[0].datetime_created.strftime("%Y-%m-%d")
    r = find(sandbox, qs=f"<m:QueryString>received:{day}</m:QueryString>")
    received = len(found(r))
    assert response_codes(r) == ["NoError"] and received == 2  # (Exchange stamps drafts' DateTimeReceived too)
    assert len(found(find(sandbox, qs=f"<m:QueryString>received:&lt;{day}</m:QueryString>"))) == 0
    assert len(found(find(sandbox, qs=f"<m:QueryString>received:&gt;={day}</m:QueryString>"))) == received
    with pytest.raises(ErrorInvalidArgument):
        list(d.filter("received:last week"))
    with pytest.raises(ErrorInvalidArgument):
        list(d.filter("importance:urgent"))


def test_paging_counts_only_the_matches(sandbox, tagged):
    for i in range(4):
        _save(tagged, f"blue {i}", categories=["Blue"])
    blue = _restriction(_cmp("IsEqualTo", "item:Categories", "blue"))  # one, two, blue 0..3
    r = find(sandbox, blue, view='<m:IndexedPageItemView MaxEntriesReturned="2" Offset="1" BasePoint="End"/>')
    assert b'TotalItemsInView="6"' in r.content and len(found(r)) == 2
    r = find(sandbox, blue, view='<m:FractionalPageItemView MaxEntriesReturned="10" Numerator="1" Denominator="2"/>')
    assert b'TotalItemsInView="6"' in r.content and len(found(r)) == 3
    assert b'IncludesLastItemInRange="true"' in r.content
    by_subject = ('<m:SortOrder><t:FieldOrder Order="Descending"><t:FieldURI FieldURI="item:Subject"/>'
                  "</t:FieldOrder></m:SortOrder>")
    r = find(sandbox, blue, sort=by_subject,
             view='<m:IndexedPageItemView MaxEntriesReturned="3" Offset="0" BasePoint="Beginning"/>')
    assert re.findall(rb"<t:Subject>([^<]*)</t:Subject>", r.content) == [b"two", b"one", b"blue 3"]
