"""The directory check's rules that need no server (app/core/scripts/directory_check.py: which value is a name,
which entry a name chooses, the organisation's domains) and ``dispatch-mail lookup``'s printing of the address
book's rows (app/core/scripts/directory_rows.py): columns only where an entry has a value, the server's text made
harmless, JSON a list of objects."""

from __future__ import annotations

import json

from app.core.scripts.directory_check import chosen, is_name, org_domains
from app.core.scripts.directory_rows import as_json, as_text
from app.domain.directory import DirectoryEntry, EntryKind
from app.domain.models import Recipient
from app.domain.senders import Principal

CARL = Recipient("carl@example.com", "Carl Carlsen")
CARLA = Recipient("carla.customer@contoso.invalid", "Carla Customer")
CAROL = Recipient("carol@example.com", "Carol Clark")


def test_a_value_without_an_at_sign_or_angle_bracket_is_a_name():
    assert is_name("Carol") and is_name("Carol Clark") and is_name("carl")
    assert not is_name("carol@example.com") and not is_name("Carol <carol@example.com>") and not is_name("  ")


def test_a_name_chooses_the_only_entry_or_the_only_one_named_exactly_so():
    assert chosen("Carol", [CAROL]) == CAROL
    assert chosen("carl", [CARL, CARLA]) == CARL  # Carl's local part, not the start of Carla's name
    assert chosen("carl carlsen", [CARL, CARLA]) == CARL  # the whole display name, any case
    assert chosen("Car", [CARL, CAROL, CARLA]) is None
    assert chosen("x", []) is None


def test_the_organisations_domains_are_the_accounts_and_its_principals():
    assert org_domains("Alice@Example.com", [Principal("desk@support.example.org")]) == {"example.com",
                                                                                         "support.example.org"}


def test_lookup_prints_the_columns_an_entry_has():
    rows = [DirectoryEntry("Carol Clark", "carol@example.com", title="Head of Finance", office="London 3.01"),
            DirectoryEntry("Sales", "sales@example.com", kind=EntryKind.GROUP)]
    assert as_text(rows).splitlines() == [
        "Carol Clark  carol@example.com  Head of Finance  London 3.01",
        "Sales        sales@example.com",
    ]
    assert json.loads(as_json(rows)) == [
        {"name": "Carol Clark", "address": "carol@example.com", "title": "Head of Finance", "office": "London 3.01"},
        {"name": "Sales", "address": "sales@example.com", "kind": "group"},
    ]


def test_lookup_shows_the_servers_text_as_data():
    rows = [DirectoryEntry(name="Eve\x1b[31m\nEvil", email="eve@example.com"), DirectoryEntry(name="", email="bob@example.com")]
    lines = as_text(rows).splitlines()
    assert len(lines) == 2 and "\x1b" not in lines[0] and lines[1].split() == ["bob@example.com", "bob@example.com"]
    assert json.loads(as_json(rows))[1] == {"name": "bob@example.com", "address": "bob@example.com"}
    assert as_text([]) == "" and as_json([]) == "[]\n"


def test_no_check_crosses_the_door_with_options_and_with_a_message_as_it_is():
    from app.core.scripts import door_protocol as dp
    from app.core.scripts.door_protocol import Options, Submit
    from app.domain.models import Draft

    def crossed(request):
        head, data = dp.encode(request)
        return dp.decode(dp.read_head(head), data)

    for no_check in (True, False):
        assert crossed(Submit(options=Options(to=("Carol",)), no_check=no_check)).no_check is no_check
        assert crossed(Submit(Draft(subject="s"), envelope=(CARL,), no_check=no_check)).no_check is no_check
