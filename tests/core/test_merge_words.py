"""A mail merge's rows say why they were not sent in the window's language after a restart too: the merge's
record keeps each row's reasons as words (``app.domain.words.to_data``) beside their English text, and a
loaded run gives them back as :class:`~app.domain.words.Words`, which the window translates. A record without
them (an older version's) keeps its English text. The real merge store on disk; no Qt, no network."""

from __future__ import annotations

import json

from app.core.merge import record as merge_record
from app.core.merge.run import IN_DRAFTS, MergeRun, RowState
from app.core.merge.rows import Ending
from app.core.outbox.submission import SubState
from app.domain import merge as dm
from app.domain.explain import describe
from app.domain.models import Draft, ErrorKind
from app.domain.words import Words, translate
from app.storage.merges import MergeStore

TABLE = "name,email\nA,not an address\nB,b@example.com\nC,c@example.com\nD,d@example.com\n"


def _run(store: MergeStore) -> MergeRun:
    """A run whose rows hold each kind of reason: invalid, not sent (with a reason inside), refused, in Drafts."""
    table = dm.parse_table(TABLE.encode())
    run = MergeRun.create(None, store, Draft(subject="Hi {name}", body="x"), table, dm.recipient_column(table.header))
    bad, not_created, refused, drafts = run.rows
    assert isinstance(bad.invalid, Words)
    not_created.not_sent = translate("MergeRow", "Not created: {reason}").format(
        reason=describe("ErrorServerBusy"))
    refused.end = Ending(SubState.FAILED, describe("ErrorInvalidRecipients"), ErrorKind.INVALID_INPUT,
                         "ErrorInvalidRecipients")
    drafts.not_sent = IN_DRAFTS
    return run


def _entry(words: Words) -> tuple:
    """What the window translates: the catalogue entry and the values, inner words included."""
    return (words.context, words.source, words.n,
            {k: _entry(v) if isinstance(v, Words) else str(v) for k, v in words.values.items()})


def test_a_loaded_merge_gives_its_rows_reasons_back_as_words(tmp_path):
    store = MergeStore(tmp_path / "merges")
    run = _run(store)
    store.save(run.merge_id, merge_record.record(merge_record.snapshot(run)))
    back = MergeRun.load(None, store, run.merge_id)
    assert [(r.state, r.error) for r in back.rows] == [(r.state, r.error) for r in run.rows]  # the same English
    assert [r.state for r in back.rows] == [RowState.INVALID, RowState.FAILED, RowState.FAILED, RowState.FAILED]
    for was, now in zip(run.rows, back.rows):
        assert isinstance(now.error, Words), now.error
        assert _entry(now.error) == _entry(was.error)
        assert isinstance(back.outcome(now), Words)


def test_a_record_without_words_or_with_words_that_no_longer_match_keeps_its_english(tmp_path):
    store = MergeStore(tmp_path / "merges")
    run = _run(store)
    data = json.loads(json.dumps(merge_record.record_dict(merge_record.snapshot(run))))
    english = [r.error for r in run.rows]
    older = {**data, "rows": [{k: v for k, v in r.items() if k != "words"} for r in data["rows"]]}
    store.save(run.merge_id, older)
    assert [(r.error, type(r.error)) for r in MergeRun.load(None, store, run.merge_id).rows] == \
        [(str(e), str) for e in english]
    damaged = json.loads(json.dumps(data))
    damaged["rows"][0]["words"]["invalid"] = {"source": "{missing} placeholder"}
    damaged["rows"][1]["words"]["not_sent"] = {"context": "MergeRow", "source": "Something else"}
    damaged["rows"][2]["words"] = "not a dict"
    store.save(run.merge_id, damaged)
    rows = MergeRun.load(None, store, run.merge_id).rows
    assert [r.error for r in rows] == english
    assert [type(r.error) for r in rows[:3]] == [str, str, str]
