"""Orca itself reading the app, its speech to a file (tests/helpers/atspi_orca.py): the words a user hears when
the window comes up and when the app announces something. Skipped, with the reason, where Orca cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import atspi_orca
from tests.helpers.atspi_session import AtspiSession

pytestmark = pytest.mark.process

CHILD = Path(__file__).with_name("atspi_app_child.py")


@pytest.fixture(scope="module")
def heard(tmp_path_factory):
    missing = atspi_orca.missing_parts()
    if missing:
        pytest.skip(f"Orca's run needs {', '.join(missing)} (apt: orca speech-dispatcher espeak-ng)")
    base = tmp_path_factory.mktemp("orca")
    with atspi_orca.one_orca_at_a_time():
        if atspi_orca.other_orca():
            pytest.skip("an Orca of this user is running (Orca starts once per user, and a test never replaces "
                        "a user's screen reader)")
        session = AtspiSession(base / "session").start()
        try:
            speech = atspi_orca.OrcaSpeech(session).start()
            speech.app_from = speech.mark()
            session.start_app(CHILD, base / "home")
            session.speech = speech
            yield session
        finally:
            session.close()


def test_orca_speaks_the_window_title(heard):
    """Orca says the window as it becomes active: its accessible name and role ("Dispatch main window frame")."""
    heard.speech.wait_for(lambda s: s == "Dispatch main window frame.", since=heard.speech.app_from)
    print("Orca said, for the window:", heard.speech.lines()[heard.speech.app_from:])
    # espeak-ng synthesised the words: a WAV file each (the one being written may still be short)
    assert any(p.stat().st_size > 1000 for p in heard.speech.wavs.glob("*.wav"))


def test_orca_speaks_an_announcement(request):
    if atspi_orca.missing_parts():
        pytest.skip("no Orca here")
    if not atspi_orca.orca_listens_for_announcements():  # asked before any Orca is started for it
        pytest.skip(f"this Orca ({atspi_orca.orca_version()}) registers no listener for object:announcement "
                    "(newer Orca's default script does): it cannot speak the app's announcements; the AT-SPI "
                    "event itself is proved in test_atspi_reader.py")
    heard = request.getfixturevalue("heard")
    mark = heard.speech.mark()
    heard.app.ask(cmd="announce", text="Draft saved to Drafts")
    assert heard.speech.wait_for(lambda s: "Draft saved to Drafts" in s, since=mark)

