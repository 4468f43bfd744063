"""The sandbox's directory over EWS (issue 80, item 6): ResolveNames with exchangelib (contact data, search
scopes, ambiguity); ExpandDL one level and FindPeople on the GAL, paged, as raw requests (exchangelib writes
both schema-invalid: docs/sandbox.md); delivery through nested groups. Every body is checked against
Microsoft's XSD by the suite's wire validator (tests/conftest.py)."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from exchangelib.errors import ErrorNameResolutionNoResults

from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from app.sandbox.ews.people import GAL_ID
from tests.helpers.ews_accounts import make_account
from tests.helpers.soap import M, T, answer, post


@pytest.fixture
def org(sandbox_factory):
    return sandbox_factory(users=DIRECTORY_USERS)


@pytest.fixture
def alice(org):
    return make_account(org, "alice@example.com")


def _resolve(account, name, **kw):
    return account.protocol.resolve_names([name], return_full_contact_data=True, **kw)


def test_resolve_names_gives_the_contact_data_of_a_person(alice):
    [(mailbox, contact)] = _resolve(alice, "carol@example.com")
    assert (mailbox.name, mailbox.email_address, mailbox.mailbox_type) == (
        "Carol Clark", "carol@example.com", "Mailbox")
    assert (contact.display_name, contact.given_name, contact.surname) == ("Carol Clark", "Carol", "Clark")
    assert (contact.job_title, contact.department, contact.office) == ("Head of Finance", "Finance", "London 3.01")
    assert contact.company_name == "Example Ltd"
    assert {(p.label, p.phone_number) for p in contact.phone_numbers} == {
        ("BusinessPhone", "+44 20 7946 0301"), ("MobilePhone", "+44 7700 900301")}
    assert contact.contact_source == "ActiveDirectory"


def test_an_ambiguous_name_lists_every_candidate_of_every_kind(alice):
    found = _resolve(alice, "car")  # Carol, Carl, and Alice's own contact Carla (the default scope: both)
    assert [(mb.email_address, mb.mailbox_type) for mb, _ in found] == [
        ("carl@example.com", "Mailbox"), ("carol@example.com", "Mailbox"),
        ("carla.customer@contoso.invalid", "Contact")]
    assert found[2][1].contact_source == "Store"


def test_search_scope_keeps_to_the_directory_or_to_the_contacts(alice):
    ad = _resolve(alice, "car", search_scope="ActiveDirectory")
    assert [mb.email_address for mb, _ in ad] == ["carl@example.com", "carol@example.com"]
    mine = _resolve(alice, "car", search_scope="Contacts")
    assert [mb.email_address for mb, _ in mine] == ["carla.customer@contoso.invalid"]
    first = _resolve(alice, "car", search_scope="ContactsActiveDirectory")
    assert first[0][0].email_address == "carla.customer@contoso.invalid"


def test_another_users_contacts_are_not_searched(org):
    bob = make_account(org, "bob@example.com")
    assert [mb.email_address for mb, _ in _resolve(bob, "car")] == ["carl@example.com", "carol@example.com"]


def test_groups_rooms_and_shared_mailboxes_resolve(alice):
    [(sales, contact)] = _resolve(alice, "sales@example.com")
    assert (sales.name, sales.mailbox_type) == ("Sales", "PublicDL")
    assert contact.display_name == "Sales"
    [(room, room_contact)] = _resolve(alice, "thames")
    assert (room.email_address, room_contact.office) == ("room.thames@example.com", "London 4.10")
    [(desk, _)] = _resolve(alice, "desk@example.com")
    assert desk.name == "Shared Desk"


def test_more_than_a_hundred_candidates_give_the_first_hundred(alice):
    with pytest.warns(UserWarning, match="at most 100 candidates"):  # exchangelib's warning: the answer says so
        found = alice.protocol.resolve_names(["staff"])
    assert len(found) == 100, "Exchange returns at most 100 candidates"
    assert found[0].email_address == "staff001@example.com"
    assert found[-1].email_address == "staff100@example.com"


def test_an_unknown_name_resolves_to_nothing(alice):
    [answer] = alice.protocol.resolve_names(["zebra"])  # exchangelib hands the response's error back
    assert isinstance(answer, ErrorNameResolutionNoResults)
    [answer] = alice.protocol.resolve_names(["bob"], search_scope="Contacts")  # Bob is no contact of Alice's
    assert isinstance(answer, ErrorNameResolutionNoResults)


EXPAND = "<m:ExpandDL><m:Mailbox><t:EmailAddress>{}</t:EmailAddress></m:Mailbox></m:ExpandDL>"


def _expand(sb, address):
    """ExpandDL as Microsoft's reference writes it (m:Mailbox): exchangelib's expand_dl sends t:Mailbox, which
    the XSD refuses (test below), so the request is made here."""
    msg = answer(post(sb, EXPAND.format(address)))
    return msg, [(mb.findtext(f"{T}EmailAddress"), mb.findtext(f"{T}MailboxType"))
                 for mb in msg.iter(f"{T}Mailbox")]


def test_expand_dl_lists_members_one_level(org):
    msg, members = _expand(org, "sales@example.com")
    assert msg.get("ResponseClass") == "Success"
    assert members == [("alice@example.com", "Mailbox"), ("ivan@example.com", "Mailbox"),
                       ("sales.emea@example.com", "PublicDL")], "a nested group stays a group"
    dl = msg.find(f"{M}DLExpansion")
    assert (dl.get("TotalItemsInView"), dl.get("IncludesLastItemInRange")) == ("3", "true")
    _, nested = _expand(org, "sales.emea@example.com")
    assert [a for a, _ in nested] == ["ali.baba@example.com", "carl@example.com"]


def test_expand_dl_of_the_large_group_gives_all_its_members_once(org):
    _, members = _expand(org, "everyone@example.com")
    addresses = [a for a, _ in members]
    assert len(addresses) == LARGE_GROUP_SIZE == len(set(addresses))


def test_expand_dl_of_the_restricted_group_lists_its_members(org):
    _, members = _expand(org, "board@example.com")
    assert [a for a, _ in members] == ["dave@example.com", "carol@example.com"]


def test_expand_dl_of_a_person_is_no_results(org):
    msg, members = _expand(org, "carol@example.com")
    assert (msg.get("ResponseClass"), msg.findtext(f"{M}ResponseCode")) == ("Error", "ErrorNameResolutionNoResults")
    assert members == []


# ---------------- FindPeople on the GAL ----------------

FIND = ('<m:FindPeople><m:IndexedPageItemView BasePoint="Beginning" MaxEntriesReturned="{top}" Offset="{offset}"/>'
        '<m:ParentFolderId>{folder}</m:ParentFolderId>{query}</m:FindPeople>')
GAL = f'<t:AddressListId Id="{GAL_ID}"/>'


def _find_people(sb, query="<m:QueryString>car</m:QueryString>", folder=GAL, top=100, offset=0):
    r = post(sb, FIND.format(top=top, offset=offset, folder=folder, query=query))
    assert r.status_code == 200, r.text[:600]
    body = ElementTree.fromstring(r.content).find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
    return body.find(f"{M}FindPeopleResponse")


def _personas(resp):
    return [(p.findtext(f"{T}EmailAddress/{T}EmailAddress"), p.findtext(f"{T}PersonaType"))
            for p in resp.iter(f"{T}Persona")]


def test_find_people_searches_the_gal_by_query_string(org):
    resp = _find_people(org)
    assert resp.get("ResponseClass") == "Success"
    assert _personas(resp) == [("carl@example.com", "Person"), ("carol@example.com", "Person")]
    carol = list(resp.iter(f"{T}Persona"))[1]
    assert (carol.findtext(f"{T}DisplayName"), carol.findtext(f"{T}Title"), carol.findtext(f"{T}Department")) == (
        "Carol Clark", "Head of Finance", "Finance")
    assert carol.findtext(f"{T}PhoneNumber/{T}Number") == "+44 20 7946 0301"
    assert resp.findtext(f"{M}TotalNumberOfPeopleInView") == "2"
    by_name = _find_people(org, "<m:QueryString>sales</m:QueryString>", '<t:DistinguishedFolderId Id="directory"/>')
    assert _personas(by_name) == [("sales@example.com", "DistributionList"),
                                  ("sales.emea@example.com", "DistributionList")]


def test_find_people_pages_to_the_end_without_duplicates(org):
    seen, offset = [], 0
    while True:
        resp = _find_people(org, "<m:QueryString>staff</m:QueryString>", top=128, offset=offset)
        page = _personas(resp)
        assert resp.findtext(f"{M}FirstLoadedRowIndex") == str(offset)
        assert resp.findtext(f"{M}TotalNumberOfPeopleInView") == str(LARGE_GROUP_SIZE)
        if not page:
            break
        seen += [a for a, _ in page]
        offset += len(page)
    assert len(seen) == LARGE_GROUP_SIZE == len(set(seen))


def test_find_people_does_not_browse_the_gal(org):
    contacts = '<t:DistinguishedFolderId Id="contacts"/>'
    for query, folder in (("", GAL), ("<m:QueryString>car</m:QueryString>", contacts)):
        resp = _find_people(org, query, folder)
        assert (resp.get("ResponseClass"), resp.findtext(f"{M}ResponseCode")) == ("Error", "ErrorInvalidArgument")
        assert resp.find(f"{M}People") is None


# ---------------- delivery through nested groups ----------------

def test_mail_to_a_group_reaches_nested_members_once_each(org):
    from exchangelib import Mailbox, Message

    bob = make_account(org, "bob@example.com")
    Message(account=bob, subject="pipeline", body="numbers",
            to_recipients=[Mailbox(email_address="sales@example.com"), Mailbox(email_address="alice@example.com")],
            cc_recipients=[Mailbox(email_address="sales.emea@example.com")]).send()
    for member in ("alice@example.com", "ivan@example.com", "ali.baba@example.com", "carl@example.com"):
        assert [m["subject"] for m in org.mailbox(member).items()] == ["pipeline"], member
    assert org.mailbox("bob@example.com").items() == [], "no report: every member was reached"


def test_the_scope_not_granted_fault_refuses_resolve_names(org, alice):
    org.faults.inject("ResolveNames", "scope_not_granted")
    r = post(org, '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>car</m:UnresolvedEntry>'
                  '</m:ResolveNames>')
    msg = answer(r)
    assert (msg.get("ResponseClass"), msg.findtext(f"{M}ResponseCode")) == ("Error", "ErrorAccessDenied")
    assert len(alice.protocol.resolve_names(["car"])) == 3, "one request only"
