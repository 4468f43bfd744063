"""User configuration objects (what Outlook and OWA read at start): exchangelib's own
``folder.create/get/update/delete_user_configuration`` against the sandbox over HTTP, the round trip of every
dictionary type, and raw SOAP for the documented errors. Every request and answer is checked against the XSD
by the suite's wire validator."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
from exchangelib import EWSDateTime, EWSTimeZone, Folder
from exchangelib.errors import ErrorFolderNotFound, ErrorInvalidArgument, ErrorItemNotFound, ErrorItemSave

from app.sandbox.core.ids import folder_parts
from tests.helpers.soap import post, response_codes, seen_both_ways

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"

UTC = EWSTimeZone("UTC")
# exchangelib's own mix (its tests/test_folder.py test_user_configuration): every type it writes
DICTIONARY = {
    True: ("alpha", "beta"),                                            # Boolean -> StringArray
    123456789012: False,                                                # Integer64 -> Boolean
    b"\x07": 42,                                                        # Byte -> Integer64
    b"sixteen bytes!!!": b"\xff",                                       # ByteArray -> Byte
    "colour": b"\x00\x01binary\xfe",                                    # String -> ByteArray
    EWSDateTime(2026, 3, 4, 5, 6, 7, tzinfo=UTC): "when",               # DateTime -> String
    ("one", "two", "three", "four"): EWSDateTime(2027, 1, 2, 3, 4, 5, tzinfo=UTC),  # StringArray -> DateTime
}


def test_every_request_and_answer_validates_against_the_xsd(sandbox, alice, wire_validator):
    def run():
        alice.drafts.create_user_configuration(name="Schema", dictionary=DICTIONARY, xml_data=b"<a/>",
                                               binary_data=b"b")
        alice.drafts.get_user_configuration(name="Schema")
        alice.drafts.update_user_configuration(name="Schema", dictionary={"k": "v", "n": 1})
        alice.drafts.get_user_configuration(name="Schema", properties="Dictionary")
        alice.drafts.delete_user_configuration(name="Schema")
        with pytest.raises(ErrorItemNotFound):
            alice.drafts.get_user_configuration(name="Schema")

    ops = ("CreateUserConfiguration", "GetUserConfiguration", "UpdateUserConfiguration", "DeleteUserConfiguration")
    assert {n for op in ops for n in (op, op + "Response")} <= seen_both_ways(sandbox, wire_validator, run)


def test_exchangelib_round_trip_of_a_user_configuration(sandbox, alice):
    f = Folder(parent=alice.inbox, name="Settings").save()
    with pytest.raises(ErrorItemNotFound):
        f.get_user_configuration(name="Dispatch.Prefs")

    xml = b"<prefs><density>compact</density></prefs>"
    f.create_user_configuration(name="Dispatch.Prefs", dictionary=DICTIONARY, xml_data=xml, binary_data=b"\x00\x01")
    config = f.get_user_configuration(name="Dispatch.Prefs")
    assert config.dictionary == DICTIONARY
    assert (config.xml_data, config.binary_data) == (xml, b"\x00\x01")
    assert config.id  # "All" includes the identifier

    with pytest.raises(ErrorItemSave):
        f.create_user_configuration(name="Dispatch.Prefs")
    with pytest.raises(ErrorItemNotFound):  # configurations belong to their folder
        alice.inbox.get_user_configuration(name="Dispatch.Prefs")

    f.update_user_configuration(name="Dispatch.Prefs", dictionary={"bar": "foo", 456: "a", "b": True},
                                xml_data=b"<foo>baz</foo>", binary_data=b"YYY")
    config = f.get_user_configuration(name="Dispatch.Prefs")
    assert config.dictionary == {"bar": "foo", 456: "a", "b": True}
    assert (config.xml_data, config.binary_data) == (b"<foo>baz</foo>", b"YYY")

    only_xml = f.get_user_configuration(name="Dispatch.Prefs", properties="XmlData")
    assert (only_xml.dictionary, only_xml.xml_data, only_xml.binary_data) == (None, b"<foo>baz</foo>", None)

    f.delete_user_configuration(name="Dispatch.Prefs")
    with pytest.raises(ErrorItemNotFound):
        f.get_user_configuration(name="Dispatch.Prefs")
    with pytest.raises(ErrorItemNotFound):
        f.delete_user_configuration(name="Dispatch.Prefs")
    with pytest.raises(ErrorItemNotFound):
        f.update_user_configuration(name="Dispatch.Prefs", xml_data=b"<x/>")


def test_an_update_keeps_the_parts_it_does_not_name(sandbox, alice):
    alice.drafts.create_user_configuration(name="Keep", dictionary={"a": 1}, binary_data=b"kept")
    alice.drafts.update_user_configuration(name="Keep", xml_data=b"<new/>")
    config = alice.drafts.get_user_configuration(name="Keep")
    assert (config.dictionary, config.xml_data, config.binary_data) == ({"a": 1}, b"<new/>", b"kept")


def test_names_are_matched_without_regard_to_case_and_keep_their_spelling(sandbox, alice):
    """A configuration is a message of class IPM.Configuration.<name> in Exchange, and message classes compare
    without regard to case (PidTagMessageClass): "prefs" is the configuration "Prefs" (the sandbox's choice,
    docs/sandbox.md)."""
    alice.drafts.create_user_configuration(name="Prefs", xml_data=b"<a/>")
    with pytest.raises(ErrorItemSave):
        alice.drafts.create_user_configuration(name="prefs", xml_data=b"<b/>")
    alice.drafts.update_user_configuration(name="PREFS", binary_data=b"bin")
    r = post(sandbox, '<m:GetUserConfiguration><m:UserConfigurationName Name="pReFs"><t:DistinguishedFolderId '
                      'Id="drafts"/></m:UserConfigurationName><m:UserConfigurationProperties>All'
                      "</m:UserConfigurationProperties></m:GetUserConfiguration>")
    assert response_codes(r) == ["NoError"]
    conf = ElementTree.fromstring(r.content).find(f".//{M}UserConfiguration")
    assert conf.find(f"{T}UserConfigurationName").get("Name") == "Prefs"  # as it was created
    config = alice.drafts.get_user_configuration(name="prefs")
    assert (config.xml_data, config.binary_data) == (b"<a/>", b"bin")
    alice.drafts.delete_user_configuration(name="pREFS")
    with pytest.raises(ErrorItemNotFound):
        alice.drafts.get_user_configuration(name="Prefs")


def test_names_exchange_refuses_and_folders_that_do_not_exist(sandbox, alice):
    for bad in ("has space", "IPM.Configuration.Mine", "x" * 237, "ünïcode"):
        with pytest.raises(ErrorInvalidArgument):
            alice.drafts.create_user_configuration(name=bad, dictionary={"a": "b"})
    gone = Folder(parent=alice.inbox, name="Gone").save()
    gone_id = gone.id
    gone.delete()
    with pytest.raises(ErrorFolderNotFound):
        Folder(root=alice.root, id=gone_id).create_user_configuration(name="Orphan")


def _create(sandbox, dictionary_xml, name="Raw"):
    return post(sandbox, f'<m:CreateUserConfiguration><m:UserConfiguration><t:UserConfigurationName Name="{name}">'
                         '<t:DistinguishedFolderId Id="drafts"/></t:UserConfigurationName>'
                         f"<t:Dictionary>{dictionary_xml}</t:Dictionary></m:UserConfiguration>"
                         "</m:CreateUserConfiguration>")


def _entry(key_type, key, value_type, *values):
    vals = "".join(f"<t:Value>{v}</t:Value>" for v in values)
    return (f"<t:DictionaryEntry><t:DictionaryKey><t:Type>{key_type}</t:Type><t:Value>{key}</t:Value>"
            f"</t:DictionaryKey><t:DictionaryValue><t:Type>{value_type}</t:Type>{vals}</t:DictionaryValue>"
            "</t:DictionaryEntry>")


def test_raw_soap_types_nil_values_and_refused_values(sandbox, alice):
    nil = ('<t:DictionaryEntry><t:DictionaryKey><t:Type>String</t:Type><t:Value>empty</t:Value></t:DictionaryKey>'
           '<t:DictionaryValue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'
           "</t:DictionaryEntry>")
    good = (_entry("String", "n32", "Integer32", "-2147483648") + _entry("String", "u32", "UnsignedInteger32",
            "4294967295") + _entry("String", "u64", "UnsignedInteger64", "18446744073709551615")
            + _entry("String", "list", "StringArray", "a b", "c") + nil)
    assert response_codes(_create(sandbox, good)) == ["NoError"]
    r = post(sandbox, '<m:GetUserConfiguration><m:UserConfigurationName Name="Raw"><t:DistinguishedFolderId '
                      'Id="drafts"/></m:UserConfigurationName><m:UserConfigurationProperties>Dictionary'
                      "</m:UserConfigurationProperties></m:GetUserConfiguration>")
    assert response_codes(r) == ["NoError"]
    conf = ElementTree.fromstring(r.content).find(f".//{M}UserConfiguration")
    assert conf.find(f"{T}ItemId") is None and conf.find(f"{T}XmlData") is None  # only what was asked
    got = [([v.text for v in e.find(f"{T}DictionaryValue").findall(f"{T}Value")],
            e.find(f"{T}DictionaryValue").findtext(f"{T}Type")) for e in conf.iter(f"{T}DictionaryEntry")]
    assert got == [(["-2147483648"], "Integer32"), (["4294967295"], "UnsignedInteger32"),
                   (["18446744073709551615"], "UnsignedInteger64"), (["a b", "c"], "StringArray"), ([], None)]

    for bad in (_entry("String", "k", "Integer32", "2147483648"), _entry("String", "k", "Byte", "256"),
                _entry("String", "k", "Boolean", "yes"), _entry("String", "k", "DateTime", "tomorrow"),
                _entry("String", "k", "ByteArray", "***"), _entry("String", "k", "String", "a", "b"),
                _entry("String", "k", "String", "a") + _entry("String", "k", "String", "b")):
        assert response_codes(_create(sandbox, bad, name="Bad")) == ["ErrorInvalidArgument"]
    r = post(sandbox, '<m:GetUserConfiguration><m:UserConfigurationName Name="Bad"><t:DistinguishedFolderId '
                      'Id="drafts"/></m:UserConfigurationName><m:UserConfigurationProperties>All'
                      "</m:UserConfigurationProperties></m:GetUserConfiguration>")
    assert response_codes(r) == ["ErrorItemNotFound"]  # nothing half-made


def test_a_configuration_goes_with_its_folder(sandbox, alice):
    f = Folder(parent=alice.inbox, name="Transient").save()
    f.create_user_configuration(name="Here", xml_data=b"<a/>")
    mailbox, key = folder_parts(f.id)
    assert sandbox.store.user_config(mailbox, key, "Here") is not None
    f.delete()  # HardDelete by exchangelib's default
    assert sandbox.store.user_config(mailbox, key, "Here") is None  # not left behind in the store


def test_when_is_kept_to_the_second(sandbox, alice):
    when = EWSDateTime.from_datetime(datetime.datetime(2026, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc))
    alice.drafts.create_user_configuration(name="When", dictionary={"at": when})
    assert alice.drafts.get_user_configuration(name="When").dictionary == {"at": when}
