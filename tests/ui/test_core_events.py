"""The one bridge from the core's typed events to Qt signals (app/ui/common/core_events.py): it re-emits what
the objects it follows publish, lets the previous one go when it follows another, and tells the journal slice
before anyone says what happened."""

from app.core.outbox import Outbox
from app.domain.events import DraftSaved, SubmissionFinished
from app.domain.models import Draft
from app.storage.journal import Journal
from app.storage.settings import Settings
from app.ui.common.core_events import CoreEvents


def _unwritable(tmp_path, name: str) -> Settings:
    (tmp_path / name).write_text("a file where the settings folder should be")
    return Settings(tmp_path / name / "settings.json")


def test_the_settings_problem_reaches_the_signal_and_a_settings_file_let_go_says_no_more(qtbot, tmp_path):
    bridge, said = CoreEvents(), []
    bridge.settings_problem.connect(said.append)
    first, second = _unwritable(tmp_path, "a"), _unwritable(tmp_path, "b")
    bridge.follow_settings(first)
    first.set("theme", "dark")  # cannot be written: the problem is told as it appears
    assert len(said) == 1 and "cannot write its settings file" in said[0]
    bridge.follow_settings(second)
    first.set("theme", "light")  # not followed any more: unsubscribed, not only ignored
    assert len(said) == 1
    second.set("theme", "light")
    assert len(said) == 2


def test_the_journal_slice_is_told_first_then_the_others(qtbot, tmp_path):
    """``saved_first`` / ``finished_first`` before ``saved`` / ``finished``, whoever connected first: Compose
    and the lists are in line with the queue before anything is said about it."""
    outbox = Outbox(None, Journal(":memory:"))
    bridge, heard = CoreEvents(), []
    bridge.saved.connect(lambda d: heard.append(("saved", d.subject)))
    bridge.finished.connect(lambda s: heard.append(("finished", s)))
    bridge.saved_first.connect(lambda d: heard.append(("saved_first", d.subject)))
    bridge.finished_first.connect(lambda s: heard.append(("finished_first", s)))
    bridge.follow(outbox)
    outbox.news.publish(DraftSaved(Draft(subject="s")))
    outbox.news.publish(SubmissionFinished("sub"))
    assert heard == [("saved_first", "s"), ("saved", "s"), ("finished_first", "sub"), ("finished", "sub")]
    bridge.follow(None)
    outbox.news.publish(DraftSaved(Draft(subject="later")))
    assert len(heard) == 4
