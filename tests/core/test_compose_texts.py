"""Snippets and signatures in the settings file (app/storage/compose_texts.py): no Qt."""

import json
import os
import stat

from app.domain.snippets import Signature, Snippet
from app.storage.compose_texts import ComposeTexts
from app.storage.settings import Settings


def test_they_persist_across_settings_objects_per_account(tmp_path):
    path = tmp_path / "config" / "settings.json"
    t = ComposeTexts(Settings(path))
    t.save_all([Snippet("Thanks", "ty", "Thank you, {first_name}"), Snippet("Logo", "", "<b>x</b>", rich=True)],
               "  Alice   Example ", "ews:alice@example.com|https://x", [Signature("Work", "A."), Signature("R", "<i>", True)],
               "Work")
    again = ComposeTexts(Settings(path))
    assert again.snippets() == [Snippet("Thanks", "ty", "Thank you, {first_name}"), Snippet("Logo", "", "<b>x</b>", True)]
    assert again.my_name() == "Alice Example"
    assert again.signatures("ews:alice@example.com|https://x") == [Signature("Work", "A."), Signature("R", "<i>", True)]
    assert again.default_signature("ews:alice@example.com|https://x") == "Work"
    assert again.signatures("sandbox:bob@example.com") == [] and again.default_signature("sandbox:bob@example.com") == ""
    # the default must name one of the account's signatures
    again.set_signatures("ews:alice@example.com|https://x", [Signature("Other", "o")], default="Work")
    assert ComposeTexts(Settings(path)).default_signature("ews:alice@example.com|https://x") == ""


def test_the_file_is_0600_in_a_0700_folder_even_a_folder_that_was_open(tmp_path):
    folder = tmp_path / "config"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    ComposeTexts(Settings(folder / "settings.json")).set_snippets([Snippet("a", "t", "x")])
    assert stat.S_IMODE(os.stat(folder / "settings.json").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_damaged_entries_are_left_out(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"prefs": {"snippets": [{"name": "ok", "trigger": "t"}, "junk", {"name": 5}],
                                          "signatures": {"k": {"items": [None, {"name": "S", "text": "s"}],
                                                               "default": ["x"]}, "j": "junk"},
                                          "my_name": 7}}))
    t = ComposeTexts(Settings(path))
    assert t.snippets() == [Snippet("ok", "t")]
    assert t.signatures("k") == [Signature("S", "s")] and t.default_signature("k") == ""
    assert t.signatures("j") == [] and t.my_name() == ""
