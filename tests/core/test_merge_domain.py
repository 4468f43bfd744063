"""Mail merge, the pure part (app/domain/merge.py) and its record (app/storage/merges.py): parsing, limits,
placeholders, per-row validation, deterministic identities. No Qt, no network."""

from __future__ import annotations

import os
import stat

import pytest

from app.domain import merge as dm
from app.domain.models import Attachment, BodyFormat, Draft, Recipient
from app.storage.merges import MergeStore, template_from_dict, template_to_dict


def test_csv_with_bom_quotes_crlf_and_blank_lines():
    t = dm.parse_table('\ufeffName;E-Mail;Note\r\n"Smith; Jo";jo@example.com;"two\r\nlines"\r\n\r\nAl;al@example.com;x\r\n'
                       .encode("utf-8"))
    assert t.header == ("Name", "E-Mail", "Note")
    assert t.rows == (("Smith; Jo", "jo@example.com", "two\r\nlines"), ("Al", "al@example.com", "x"))
    assert t.lines == (2, 5) and t.problems == {}
    assert dm.recipient_column(t.header) == 1


def test_pasted_tab_separated_table_and_explicit_delimiter():
    t = dm.parse_table("first name\temail\nJo\tjo@example.com\n")
    assert t.header == ("first name", "email") and t.rows == (("Jo", "jo@example.com"),)
    t = dm.parse_table("a|to\n1|x@example.com\n", delimiter="|")
    assert dm.recipient_column(t.header) == 1
    assert dm.recipient_column(("Name", "Email Address")) == 1 and dm.recipient_column(("a", "b")) is None


@pytest.mark.parametrize("data, words, line", [
    (b"", "empty", 0),
    (b"a,b\n", "no rows", 1),
    (b"a,,c\n1,2,3\n", "column 2 has no name", 1),
    (b"Email,email\n1,2\n", "two columns are named", 1),
    (b"a,b\n1,2\n3,\xff\n", "not UTF-8", 3),
    (b'a,b\n1,"open\n', "not valid CSV", 2),
])
def test_clear_errors_name_the_line(data, words, line):
    with pytest.raises(dm.TableError) as err:
        dm.parse_table(data)
    assert words in err.value.message and err.value.line == line


def test_limits_rows_columns_cells():
    with pytest.raises(dm.TableError, match="more than 5,000 rows"):
        dm.parse_table("email\n" + "a@example.com\n" * (dm.MAX_ROWS + 1))
    assert len(dm.parse_table("email\n" + "a@example.com\n" * dm.MAX_ROWS).rows) == dm.MAX_ROWS
    with pytest.raises(dm.TableError, match="at most 100"):
        dm.parse_table(",".join(f"c{i}" for i in range(101)) + "\n" + "1," * 100 + "1\n")
    with pytest.raises(dm.TableError, match=r"Line 3.*longer than 64 KB") as err:
        dm.parse_table("email,note\na@example.com,x\nb@example.com," + "y" * (dm.MAX_CELL + 1) + "\n")
    assert err.value.line == 3
    with pytest.raises(dm.TableError, match="Dispatch reads at most 32 MB"):
        dm.parse_table(b"x" * (dm.MAX_BYTES + 1))


def test_a_short_row_is_a_row_error_not_a_table_error():
    t = dm.parse_table("name,email\nJo\nAl,al@example.com\n")
    assert t.rows[0] == ("Jo", "") and t.problems == {0: "Line 2 has 1 value; the header has 2 columns."}
    m = dm.build_message(Draft(subject="x"), t.header, t.rows[0], 1, merge_id="m", number=1, problem=t.problems[0])
    assert m.draft is None and m.error.startswith("Line 2 has 1 value")


def test_placeholders_values_are_data_and_never_expanded_again():
    header = ("name", "email", "Company Name")
    values = ("{email}", "jo@example.com", "ACME")
    tpl = Draft(subject="Hi {name} from {company name}", body="{name} {{name}} {Company Name} }} {{")
    m = dm.build_message(tpl, header, values, 1, merge_id="m", number=1)
    assert m.draft.subject == "Hi {email} from ACME"
    assert m.draft.body == "{email} {name} ACME } {"
    assert m.draft.to == [Recipient("jo@example.com")]


def test_subject_values_are_one_line_and_html_values_are_escaped_only_in_text():
    header = ("name", "email")
    values = ('<img src="http://x/">\r\nJo & co', "jo@example.com")
    tpl = Draft(subject="For {name}", body='<style>p { margin: 0; }</style><p title="{name}">Hi {name}</p>',
                body_format=BodyFormat.HTML)
    d = dm.build_message(tpl, header, values, 1, merge_id="m", number=1).draft
    assert d.subject == 'For <img src="http://x/"> Jo & co'
    assert d.body == ('<style>p { margin: 0; }</style><p title="{name}">Hi &lt;img src=&quot;http://x/&quot;&gt;\r\n'
                      "Jo &amp; co</p>")


def test_unknown_placeholder_is_an_error_before_anything_is_created():
    tpl = Draft(subject="Hi {first}", body="x")
    assert dm.unknown_placeholders(tpl, ("name", "email")) == ["first"]
    m = dm.build_message(tpl, ("name", "email"), ("Jo", "jo@example.com"), 1, merge_id="m", number=1)
    assert m.draft is None and m.error == "Unknown placeholder {first}: the columns are name, email."


@pytest.mark.parametrize("address, words", [
    ("", "No address in “email”"),
    ("jo@@example.com", "not a valid e-mail address"),
    ("jo.example.com", "no @"),
])
def test_bad_addresses_are_row_errors(address, words):
    m = dm.build_message(Draft(subject="x"), ("email",), (address,), 0, merge_id="m", number=4)
    assert m.draft is None and words in m.error


def test_row_checked_as_a_send_is():
    m = dm.build_message(Draft(subject="{s}"), ("email", "s"), ("a@example.com", "x" * 300), 0, merge_id="m", number=1)
    assert m.draft is None and "Exchange allows at most 255" in m.error
    big = Draft(subject="x", attachments=[Attachment("a.bin", b"x" * 2000)])
    m = dm.build_message(big, ("email",), ("a@example.com",), 0, merge_id="m", number=1, max_send_bytes=1000)
    assert m.draft is None and "the server accepts at most" in m.error


def test_identities_are_deterministic_per_merge_and_row():
    tpl = Draft(subject="x", cc=[Recipient("me@example.com")])
    a = dm.build_message(tpl, ("email",), ("a@example.com",), 0, merge_id="m1", number=7).draft
    b = dm.build_message(tpl, ("email",), ("b@example.com",), 0, merge_id="m1", number=7).draft
    c = dm.build_message(tpl, ("email",), ("a@example.com",), 0, merge_id="m1", number=8).draft
    assert a.local_id == b.local_id == dm.row_local_id("m1", 7) and a.local_id != c.local_id
    assert a.internet_message_id == dm.row_message_id("m1", 7) == "<merge.m1.7@dispatch>"
    assert dm.row_local_id("m2", 7) != a.local_id and a.cc == [Recipient("me@example.com")]


def test_record_is_private_and_keeps_the_template(tmp_path):
    store = MergeStore(tmp_path / "merges")
    tpl = Draft(subject="S {x}", body="<b>{x}</b>", body_format=BodyFormat.HTML,
                attachments=[Attachment("a.txt", b"hello", "text/plain", size=5)])
    mid = "0" * 32
    store.save(mid, {"account": "acct", "created": 1, "template": template_to_dict(tpl)})
    assert stat.S_IMODE(os.stat(tmp_path / "merges").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / "merges" / f"{mid}.json").st_mode) == 0o600
    back = template_from_dict(store.load(mid)["template"])
    assert (back.subject, back.body, back.body_format) == (tpl.subject, tpl.body, tpl.body_format)
    assert back.attachments[0].content == b"hello" and back.attachments[0].name == "a.txt"
    assert store.ids("acct") == [mid] and store.ids("other") == []
    with pytest.raises(ValueError):
        store.save("../evil", {})


@pytest.mark.parametrize("extra", [{}, {"account": "acct", "note": "ü \" \\ \n"}])
def test_a_big_record_is_encoded_a_row_at_a_time_and_reads_back_the_same(tmp_path, monkeypatch, extra):
    """5,000 rows in one json.dumps held the GIL ~15 ms on the merge's thread: the UI thread waited that
    long at every save of the record (issue 16). Each call now encodes a row, or the record without its rows."""
    import app.storage.merges as merges

    sizes = []
    real = merges.json.dumps

    def dumps(obj, **kw):
        text = real(obj, **kw)
        sizes.append(len(text))
        return text

    monkeypatch.setattr(merges.json, "dumps", dumps)
    rows = [{"n": n, "values": [f"Person {n}", "bob@example.com", "ä\t\"q\""], "state": "sent",
             "ref": ["AAMk" + "x" * 140, "CQ"], "sub": "a" * 32} for n in range(1, 5001)]
    data = {**extra, "rows": rows}
    store = MergeStore(tmp_path / "merges")
    store.save("1" * 32, data)
    assert store.load("1" * 32) == data
    assert len(sizes) == 5001 and max(sizes) < 400
    store.save("2" * 32, {"rows": []})
    assert store.load("2" * 32) == {"rows": []}
