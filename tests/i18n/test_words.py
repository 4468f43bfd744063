"""Words from Qt-free code: English as they are, and remembering how to be asked for in another language."""

import pickle

from app.domain.words import Words, english, translate


def test_words_read_as_english():
    w = translate("Outbox", "Sending to {address}").format(address="ann@example.com")
    assert w == "Sending to ann@example.com"
    assert isinstance(w, Words) and w.context == "Outbox" and w.source == "Sending to {address}"
    assert w.values == {"address": "ann@example.com"}


def test_plural_in_english():
    assert translate("Outbox", "%n message(s) waiting", None, 1) == "1 message waiting"
    assert translate("Outbox", "%n message(s) waiting", None, 3) == "3 messages waiting"
    assert english("%n match(es)", 2) == "2 matches"
    assert english("no count (s)") == "no count (s)"


def test_words_inside_words_and_pickling():
    reason = translate("Errors", "the server is busy")
    w = translate("Outbox", "Not sent: {reason}").format(reason=reason)
    assert w == "Not sent: the server is busy"
    assert isinstance(w.values["reason"], Words)
    back = pickle.loads(pickle.dumps(w))
    assert back == w and back.values["reason"].source == "the server is busy"


def test_a_number_reads_as_english_and_keeps_its_value():
    from app.domain.validation import human_size
    from app.domain.words import Number

    assert human_size(1536 * 1024) == "1.5 MB" and human_size(900) == "900 bytes"
    size = human_size(1536 * 1024)
    assert size.values["size"] == Number(1536 / 1024, 1)
    assert pickle.loads(pickle.dumps(size)) == size
