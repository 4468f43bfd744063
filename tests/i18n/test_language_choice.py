"""The language override read before the window is built: quiet, read-only, and only a language Dispatch speaks."""

import json

from app.storage.folders import language_at_start, stored_language
from app.storage.settings import Settings


def test_the_override_round_trips(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(path)
    assert s.language() == "" and language_at_start(path) == ""
    s.set_language("de")
    assert Settings(path).language() == "de" and language_at_start(path) == "de"
    s.set_language("")
    assert language_at_start(path) == ""


def test_a_language_dispatch_lacks_or_a_damaged_file_means_none(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"prefs": {"language": "tlh"}}))
    assert language_at_start(path) == ""
    path.write_text("{not json")
    assert language_at_start(path) == ""
    assert path.exists()  # read-only: the Settings read after it sets the damaged file aside and says so
    assert language_at_start(tmp_path / "missing.json") == ""
    assert stored_language({"prefs": ["fr"]}) == "" and stored_language({"prefs": {"language": "fr"}}) == "fr"
