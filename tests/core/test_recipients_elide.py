"""A To cell that does not fit: whole recipients and "+N", names shortened, addresses never cut in the middle
(issue 45, item 14). One character = one unit of width here."""

from __future__ import annotations

from app.domain.list_rows import elide_recipients

W = len  # a monospaced measure


def test_what_fits_is_shown_whole():
    assert elide_recipients("bob@example.com", 15, W) == "bob@example.com"


def test_whole_addresses_then_how_many_are_left_out():
    text = "bob@example.com; carol@example.com; dave@example.com"
    shown = elide_recipients(text, 24, W)
    assert shown == "bob@example.com; +2"
    assert "…" not in shown


def test_the_display_name_gives_way_not_the_address():
    shown = elide_recipients("Bob Example-Longname <bob@example.com>", 26, W)
    assert shown.endswith("<bob@example.com>") and shown.startswith("Bob") and "…" in shown
    assert len(shown) <= 26


def test_a_lone_address_that_does_not_fit_is_cut_at_its_end_never_in_the_middle():
    shown = elide_recipients("bob@example.com", 10, W)
    assert shown == "bob@examp…" and len(shown) <= 10
    two = elide_recipients("bob@example.com; carol@example.com", 12, W)
    assert two.startswith("bob@") and two.endswith(" +1") and len(two) <= 12


def test_a_state_column_gets_what_it_needs_before_the_others_take_the_room():
    from app.domain.list_rows import share_widths

    # half a small screen: "Sends at Fri 08:00" (150) whole, the subject and the To column share the rest
    first, second = share_widths(533, (400, 180, 150), (120, 100))
    assert 533 - first - second >= 150 and second >= 100 and first >= 120
    # a wide table: each gets what it needs, the rest goes to the last column
    assert share_widths(1000, (300, 180, 150), (120, 100)) == (300, 180)
    # too narrow for everything: the floors hold, the last column gives way
    first, second = share_widths(300, (400, 180, 150), (120, 100))
    assert (first, second) == (120, 100)


def test_a_status_message_that_does_not_fit_ends_at_a_whole_word():
    from app.domain.list_rows import elide_words

    text = "The server can no longer be reached: messages wait in the Outbox"
    shown = elide_words(text, 30, W)
    assert shown == "The server can no longer be…" and len(shown) <= 30
    assert elide_words(text, 200, W) == text
    assert elide_words("Supercalifragilistic", 8, W) == "Superca…"


# ---- a status in its column (issue 59): whole words, never "countdo…ends" ----------------------------------
def test_a_status_loses_whole_words_and_keeps_its_response_code():
    from app.domain.list_rows import elide_status

    measure = len  # one unit a character
    text = "Not sent: Too large to send (ErrorMessageSizeExceeded)"
    assert elide_status(text, len(text), measure) == text
    assert elide_status(text, 45, measure) == "Not sent: Too … (ErrorMessageSizeExceeded)"
    short = elide_status(text, 30, measure)
    assert short == "Not sent: Too large to send…", short
    held = "Sends when the countdown ends — Ctrl+Z keeps it"
    for width in range(6, len(held)):
        shown = elide_status(held, width, measure)
        assert len(shown) <= width and shown.endswith("…"), (width, shown)
        assert held.startswith(shown[:-1]) and held[len(shown) - 1] in " —", (width, shown)  # at a word's end


# ---- issue 73, item 9: the part of an address that differs stays ------------------------------------------
def test_two_addresses_that_differ_at_their_ends_still_differ_when_shortened():
    """Cut at the end, "project-team-alpha@example.com" and "project-team-beta@example.com" both showed
    "project-team-…" (and "bob@exmaple.com" lost the typo): the domain stays whole, the local part keeps both
    its ends."""
    a = elide_recipients("project-team-alpha@example.com", 25, W)
    b = elide_recipients("project-team-beta@example.com", 25, W)
    assert a != b and len(a) <= 25 and len(b) <= 25
    assert a.endswith("alpha@example.com") and b.endswith("beta@example.com")
    assert a.startswith("proj") and b.startswith("proj") and "…" in a
    typo = elide_recipients("robert.longname@exmaple.com", 20, W)
    assert typo.endswith("@exmaple.com") and typo.startswith("ro") and len(typo) <= 20
    named = elide_recipients("Team <project-team-alpha@example.com>", 25, W)  # no room for the name: the address
    assert named.endswith("alpha@example.com") and len(named) <= 25


def test_a_word_in_brackets_is_not_kept_as_a_response_code():
    """"Not sent: taken back (Undo)" cut to "Not … (Undo)" (French "Non … (Annuler)") said nothing: only a
    server's code is kept after the "…"."""
    from app.domain.list_rows import elide_status

    shown = elide_status("Not sent: taken back (Undo)", 20, W)
    assert shown == "Not sent: taken…", shown
