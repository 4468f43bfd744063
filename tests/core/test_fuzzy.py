"""Fuzzy matching of the command palette (app/domain/fuzzy.py): no Qt."""

from app.domain.fuzzy import match, rank, word_starts


def test_subsequence_matches_in_order_and_case_insensitively():
    assert match("sdd", "Send selected drafts") is not None
    assert match("SEND", "send selected drafts") is not None
    assert match("xyz", "Send selected drafts") is None
    assert match("ds", "Sd") is None  # order matters
    assert match("", "anything").score == 0


def test_query_words_match_one_after_another():
    m = match("sen sel", "Send selected drafts")
    assert m is not None and m.positions == (0, 1, 2, 5, 6, 7)
    assert match("sel sen", "Send selected drafts") is None


def test_word_starts():
    assert word_starts("Send selected") == [True, False, False, False, False, True] + [False] * 7
    assert word_starts("saveAs x-y") == [True, False, False, False, True, False, False, True, False, True]


def test_a_match_at_word_starts_beats_one_inside_words():
    assert match("sd", "Save draft").score > match("sd", "Wednesday").score
    # the best way is taken: d at the word "draft", not the first d in the text
    assert match("dr", "Sidebar draft").positions == (8, 9)


def test_consecutive_characters_beat_scattered_ones():
    assert match("draf", "Drafts").score > match("draf", "Do Rare Art Fast").score - 40  # both match
    assert match("ref", "Refresh").score > match("ref", "Read every file").score


def test_prefix_of_the_whole_text_wins_ties():
    assert match("send", "Send").score > match("send", "Resend").score


def test_ranking_best_first_then_shorter_then_given_order():
    items = ["Select all", "Send", "Send selected drafts", "Sent: save attachments"]
    assert [i for i, _ in rank("sen sel", items)] == ["Send selected drafts"]
    assert [i for i, _ in rank("sd", ["Wednesday", "Save draft", "Send selected drafts"])][0] == "Save draft"
    assert [i for i, _ in rank("se", ["Send", "Sent"])] == ["Send", "Sent"]  # a tie keeps the given order
    assert [i for i, _ in rank("", ["b", "a"])] == ["b", "a"]


def test_extra_texts_match_at_half_weight():
    items = ["Refresh", "Compose"]
    got = rank("view", items, extra=lambda i: ("View " + i,))
    assert [i for i, _ in got] == ["Refresh", "Compose"]
    direct = match("view", "View Refresh").score
    assert got[0][1].score == direct / 2


def test_a_match_is_strong_when_each_word_is_found_whole_at_a_word_start():
    assert match("dark", "Dark").strong and match("sen sel", "Send selected drafts").strong
    assert match("dar", "Theme: Dark").strong
    assert not match("dark", "Open draft: Unsaved work — to Dave Davis").strong, "d-a…r-k scattered"
    assert not match("ark", "Dark").strong, "not at a word's start"
    assert not match("sd", "Save draft").strong


def test_demoted_matches_come_after_all_the_others_each_part_best_first():
    """Issue 59, item 10: the palette demotes a draft matched weakly below every command that matches, even
    one that scores lower."""
    items = [("draft", "Open draft: Unsaved work — to Dave Davis"), ("cmd", "Move to Drafts folder"), ("cmd", "Dark")]
    weak_draft = lambda item, m: item[0] == "draft" and not m.strong  # noqa: E731
    got = [i[1] for i, _ in rank("dark", items, key=lambda i: i[1], demote=weak_draft)]
    assert got == ["Dark", "Open draft: Unsaved work — to Dave Davis"]
    scored = rank("oda", items, key=lambda i: i[1])
    assert scored[0][0][0] == "draft" and scored[0][1].score > scored[1][1].score, "the draft scores higher…"
    got = [i[1] for i, _ in rank("oda", items, key=lambda i: i[1], demote=weak_draft)]
    assert got == ["Move to Drafts folder", "Open draft: Unsaved work — to Dave Davis"], "…and comes after"
    assert [i[1] for i, _ in rank("unsaved", items, key=lambda i: i[1], demote=weak_draft)] == [
        "Open draft: Unsaved work — to Dave Davis"], "a draft matched strongly is not demoted"


def test_a_word_leaves_the_next_word_its_letters():
    """A word's best match alone may take the letter the next word starts with ("show" would take the "w" of
    "who": a word start scores better than its own last letter); the words after it must still fit."""
    assert match("show who", "Show who it is from") is not None
    assert match("brouillons sélectionnés", "Envoyer les brouillons sélectionnés").strong
    assert match("ausgewählte entwürfe", "Ausgewählte Entwürfe senden").strong
    assert match("who show", "Show who it is from") is None  # still in order


def test_accents_need_not_be_typed():
    """French and German users type without accents: "boite" finds "Boîte d'envoi" (highlighting the text's own
    characters), "entwurfe" "Entwürfe"; and accents typed still match."""
    m = match("boite", "Aller à Boîte d'envoi")
    assert m is not None and m.positions[:4] == (8, 9, 10, 11)  # "Boît": the text's own characters
    assert match("entwurfe", "Gehe zu Entwürfe") is not None
    assert match("paramètres", "Parametres du compte") is not None
