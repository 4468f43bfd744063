"""The address book by keys (issue 80), on the real window against the sandbox's directory over HTTP, EWS and
Graph: Ctrl+Shift+B in Compose, "car", Down, Alt+C puts Carol in Cc; a group's members show beside it, Alt+E
expands it into To after asking, and the message sent reaches each member once. A directory the organisation has
not granted (403) is said in words in the dialog. Ctrl+Shift+B is Compose's address book in Compose and the Sent
list's Resend where that list is: neither key is ambiguous."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from app.core.directory.search import MOST_EMPTY_PAGES
from app.sandbox.authority.flows import DEFAULT_PERMISSIONS
from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.backends import settle
from tests.helpers.dialogs import other_active
from tests.helpers.heard import Heard
from tests.helpers.keys import ALT, CTRL, SHIFT, focused, key, press
from tests.helpers.language import in_language
from tests.helpers.mailbox import items
from tests.helpers.windows import close_window, open_window

CAROL = "carol@example.com"
DIRECTORY = ["User.ReadBasic.All", "GroupMember.Read.All"]


@pytest.fixture
def book_window(qtbot, aloop, sandbox_factory, ui_backend, settings):
    sb = sandbox_factory(users=DIRECTORY_USERS, graph=ui_backend == "graph", graph_send_delay=0)
    # over Graph Alice's token grants what the address book needs besides the sign-in's own
    win, session = open_window(qtbot, sb, settings, connected=True, backend=ui_backend,
                               permissions=[*DEFAULT_PERMISSIONS, *DIRECTORY])
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win, sb
    close_window(win, session)


def _new_message(qtbot, win) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    key(qtbot, win, Qt.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused() is win.compose.to.edit, timeout=5000)


def _open_book(qtbot, win):
    """Ctrl+Shift+B where the keyboard is: the dialog, active, the keyboard in its search box."""
    press(qtbot, Qt.Key_B, CTRL | SHIFT)
    qtbot.waitUntil(lambda: other_active(win) is not None and other_active(win).isVisible(), timeout=5000)
    dlg = other_active(win)
    assert dlg is win.address_book.book.dialog
    qtbot.waitUntil(lambda: focused() is dlg.box, timeout=5000)
    return dlg


def _search(qtbot, dlg, text: str) -> None:
    """``text`` typed in the box (all of it replaced), until the server's answer is listed."""
    dlg.box.selectAll()
    qtbot.keyClicks(dlg.box, text)
    qtbot.waitUntil(lambda: dlg.search.text == text and not dlg.search.listing.loading
                    and dlg.search.listing.answered, timeout=10000)


def _read_row(table, row: int) -> dict[int, tuple[str, str]]:
    """What a reader reads of ``row``'s cells, through Qt's accessibility API: column -> (name, description)."""
    iface = QAccessible.queryAccessibleInterface(table)
    out = {}
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child.role() == QAccessible.Role.Cell and child.tableCellInterface().rowIndex() == row:
            out[child.tableCellInterface().columnIndex()] = (child.text(QAccessible.Text.Name),
                                                             child.text(QAccessible.Text.Description))
    return out


def _down_to(qtbot, dlg, name: str) -> None:
    """Down from the box into the list, then Down until the row named ``name`` is the current one."""
    press(qtbot, Qt.Key_Down)
    assert focused() is dlg.table
    for _ in range(dlg.model.rowCount()):
        if dlg.model.entry(dlg.table.currentIndex().row()).name == name:
            return
        press(qtbot, Qt.Key_Down)
    raise AssertionError(f"{name} is not listed: {[e.name for e in dlg.model.entries]}")


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_carol_into_cc_and_a_group_expanded_into_to_by_keys_then_sent_once_each(qtbot, book_window, screenshot_dir):
    win, sb = book_window
    heard = Heard(win.announcer)
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "car")
    names = [e.name for e in dlg.model.entries]
    assert "Carol Clark" in names and "Carl Carlsen" in names, (names, dlg.status.text())
    _down_to(qtbot, dlg, "Carol Clark")
    assert "Head of Finance" in dlg.details.text() and "London 3.01" in dlg.details.text()
    row = dlg.table.currentIndex().row()
    read = _read_row(dlg.table, row)
    assert read[0] == ("Carol Clark", "Carol Clark, carol@example.com, Head of Finance"), read
    assert read[2][0] == "Head of Finance", "each cell its own column's words"
    press(qtbot, Qt.Key_C, ALT)
    assert [r.email for r in win.compose.cc.recipients()] == [CAROL]
    assert win.compose.to.recipients() == [], "Alt+C adds to Cc only"
    assert dlg.note.text() == "Added to Cc: Carol Clark"
    assert "Added to Cc: Carol Clark" in heard.words(), "a reader hears it"

    press(qtbot, Qt.Key_Up)  # back in the box from the list's first row… or Down again to it
    if focused() is not dlg.box:
        dlg.box.setFocus()
    _search(qtbot, dlg, "sales")
    _down_to(qtbot, dlg, "Sales")
    qtbot.waitUntil(lambda: dlg.member_model.rowCount() == 3 and dlg.member_table.isVisible(), timeout=10000)
    members = {e.email for e in dlg.member_model.entries}
    assert members == {"alice@example.com", "ivan@example.com", "sales.emea@example.com"}, members
    sales = dlg.model.entry(dlg.table.currentIndex().row())
    assert dlg.model.cell(sales, 0) == "Sales (3 members)", "its size, before expanding"
    assert dlg.details.text().startswith("Sales (3 members)\nsales@example.com\nGroup")
    assert dlg.members_label.text() == "Members (3)"
    dlg.resize(900, 560)  # the user guide's picture: as wide as on a usual screen (this one is 800 px)
    qtbot.waitUntil(lambda: dlg.width() == 900, timeout=5000)
    dlg.grab().save(str(screenshot_dir / "address-book.png"))

    press(qtbot, Qt.Key_E, ALT)  # Expand: asked first
    book = win.address_book.book
    qtbot.waitUntil(lambda: book.question is not None and book.question.isVisible(), timeout=5000)
    assert "cannot be put back" in book.question.text() and "Sales (3 members)" in book.question.text()
    qtbot.keyClick(book.question, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(win.compose.to.recipients()) == 3, timeout=10000)
    assert {r.email for r in win.compose.to.recipients()} == members, "the group replaced by its members"
    assert dlg.note.text() == "Sales expanded in To: 3 members"

    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    win.compose.subject.setFocus()
    qtbot.keyClicks(win.compose.subject, "Pipeline")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == "Pipeline" for m in items(sb, "sentitems")), timeout=20000)
    settle(sb)
    for who in ("alice@example.com", "ivan@example.com", "ali.baba@example.com", "carl@example.com", CAROL):
        got = [m for m in sb.mailbox(who).items("inbox") if m["subject"] == "Pipeline"]
        assert len(got) == 1, (who, len(got))


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_directory_not_granted_is_said_in_words(qtbot, book_window):
    win, sb = book_window
    for operation in (("ResolveNames", "FindPeople") if win.session.account.backend.value == "ews"
                      else ("ListUsers", "ListGroups", "ListPeople")):
        sb.faults.inject(operation, "scope_not_granted", count=-1)
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "car")
    assert "has not allowed Dispatch to read its address book" in dlg.status.text(), dlg.status.text()
    assert "suggestions" in dlg.status.text()
    assert dlg.model.rowCount() == 0


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_ctrl_shift_b_is_the_address_book_in_compose_and_resend_in_sent(qtbot, book_window):
    win, _sb = book_window
    resends = []
    win.sent.resend_action.triggered.connect(lambda *_: resends.append(1))
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    assert resends == []
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible() and QApplication.activeWindow() is win, timeout=5000)
    key(qtbot, win, Qt.Key_3, CTRL)
    qtbot.waitUntil(lambda: win.sent.isVisible() and win.sent.isAncestorOf(focused()), timeout=5000)
    press(qtbot, Qt.Key_B, CTRL | SHIFT)
    qtbot.waitUntil(lambda: resends == [1], timeout=5000)
    assert not dlg.isVisible(), "not the address book in Sent"


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_a_fields_own_button_opens_the_book_for_that_field_and_enter_adds_there(qtbot, book_window):
    win, _sb = book_window
    _new_message(qtbot, win)
    button = win.address_book.field_buttons["bcc"]
    assert button.text() == "Bcc: address book" and "Ctrl+Shift+B" in button.toolTip()
    button.trigger()  # as a click on it does
    qtbot.waitUntil(lambda: other_active(win) is not None and focused() is win.address_book.book.dialog.box,
                    timeout=5000)
    dlg = win.address_book.book.dialog
    assert dlg.field == "bcc"
    _search(qtbot, dlg, "carl")
    press(qtbot, Qt.Key_Return)  # Enter in the box: the first entry, to the field it came from
    assert [r.email for r in win.compose.bcc.recipients()] == ["carl@example.com"]
    press(qtbot, Qt.Key_Return)  # again: each address once
    assert [r.email for r in win.compose.bcc.recipients()] == ["carl@example.com"]
    assert dlg.note.text() == "Already in Bcc: Carl Carlsen"
    _search(qtbot, dlg, "car")  # several at once: Down, Shift+Down, Alt+T
    press(qtbot, Qt.Key_Down)
    press(qtbot, Qt.Key_Down, SHIFT)
    two = {e.email for e in dlg.selected()}
    assert len(two) == 2
    press(qtbot, Qt.Key_T, ALT)
    assert {r.email for r in win.compose.to.recipients()} == two
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible() and QApplication.activeWindow() is win, timeout=5000)
    asked = dlg.search.requests
    win.compose.to.setFocus()
    assert _open_book(qtbot, win) is dlg and dlg.field == "to" and dlg.box.text() == "car"
    qtbot.waitUntil(lambda: dlg.search.listing.answered and dlg.model.rowCount() > 0, timeout=10000)
    assert dlg.search.requests == asked + 1, "what the box holds, listed again once"


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_group_that_takes_mail_only_from_others_says_so_in_its_details(qtbot, book_window):
    """The Board takes mail only from Dave: Alice reads, before anything is sent, that hers would come back."""
    win, _sb = book_window
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "board")
    _down_to(qtbot, dlg, "The Board")
    details = dlg.details.text()
    assert details.startswith("The Board (2 members)\nboard@example.com\nGroup"), details
    assert "The Board accepts mail only from certain senders: a message from you will be returned" in details
    _search(qtbot, dlg, "sales")
    _down_to(qtbot, dlg, "Sales")
    assert "accepts mail only" not in dlg.details.text() and "You may send to this group" in dlg.details.text()


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_500_member_group_pages_in_as_the_keyboard_reaches_the_end(qtbot, book_window):
    win, _sb = book_window
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "everyone")
    everyone = next(e for e in dlg.model.entries if e.name == "Everyone")
    assert dlg.model.cell(everyone, 0) == "Everyone (500 members)", "the server's size, before a member is read"
    assert dlg.members.requests == 0
    _down_to(qtbot, dlg, "Everyone")
    qtbot.waitUntil(lambda: dlg.member_model.rowCount() > 0 and not dlg.members.listing.loading, timeout=10000)
    first = dlg.member_model.rowCount()
    assert first < LARGE_GROUP_SIZE and dlg.members.listing.more, "one page first, not the whole group"
    assert "more below" in dlg.members_label.text()
    press(qtbot, Qt.Key_Tab)  # from the list to the group's members
    assert focused() is dlg.member_table, focused()
    for _ in range(LARGE_GROUP_SIZE):
        if not dlg.members.listing.more and not dlg.members.listing.loading:
            break
        press(qtbot, Qt.Key_End)  # the last row: the next page is asked for
        count = dlg.member_model.rowCount()
        qtbot.waitUntil(lambda: dlg.member_model.rowCount() > count or not dlg.members.listing.more, timeout=10000)
    addresses = [e.email for e in dlg.member_model.entries]
    assert len(addresses) == len(set(addresses)) == LARGE_GROUP_SIZE
    assert dlg.members.requests == -(-LARGE_GROUP_SIZE // first), "one request a page, each page once"
    assert dlg.model.cell(dlg.model.entry(dlg.table.currentIndex().row()), 0) == "Everyone (500 members)"


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_the_command_palette_lists_it_in_compose(qtbot, book_window):
    win, _sb = book_window
    _new_message(qtbot, win)
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and focused() is win.power.palette.field, timeout=5000)
    qtbot.keyClicks(win.power.palette.field, "address book")
    qtbot.keyClick(win.power.palette.field, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.address_book.book.dialog is not None and win.address_book.book.dialog.isVisible()
                    and focused() is win.address_book.book.dialog.box, timeout=5000)
    assert win.address_book.book.dialog.field == "to"


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_nested_group_is_expanded_one_level_at_a_time_in_the_field_that_holds_it(qtbot, book_window):
    win, _sb = book_window
    heard = Heard(win.announcer)
    _new_message(qtbot, win)
    win.compose.cc.setFocus()
    dlg = _open_book(qtbot, win)
    assert dlg.field == "cc"
    _search(qtbot, dlg, "sales")
    assert any(w.startswith("2 entries found") for w in heard.words()), "the outcome is said"
    _down_to(qtbot, dlg, "Sales")
    press(qtbot, Qt.Key_T, ALT)  # Sales into To, though the book came from Cc
    assert [r.email for r in win.compose.to.recipients()] == ["sales@example.com"]
    qtbot.waitUntil(lambda: dlg.member_model.rowCount() == 3, timeout=10000)
    press(qtbot, Qt.Key_E, ALT)
    book = win.address_book.book
    qtbot.waitUntil(lambda: book.question is not None and book.question.isVisible(), timeout=5000)
    assert "Replace Sales (3 members) in To" in book.question.text(), "the field that holds it"
    qtbot.keyClick(book.question, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(win.compose.to.recipients()) == 3, timeout=10000)
    assert "sales.emea@example.com" in {r.email for r in win.compose.to.recipients()}, "a nested group stays one"
    assert win.compose.cc.recipients() == []

    press(qtbot, Qt.Key_Tab)  # to the members: the nested group, expanded in its turn
    assert focused() is dlg.member_table
    row = next(i for i, e in enumerate(dlg.member_model.entries) if e.email == "sales.emea@example.com")
    dlg.member_table.selectRow(row)
    press(qtbot, Qt.Key_E, ALT)
    qtbot.waitUntil(lambda: book.question is not None and book.question.isVisible(), timeout=5000)
    assert "Replace Sales EMEA" in book.question.text()
    qtbot.keyClick(book.question, Qt.Key_Escape)  # Cancel: nothing changes
    qtbot.waitUntil(lambda: book.question is None, timeout=5000)
    assert "sales.emea@example.com" in {r.email for r in win.compose.to.recipients()}
    qtbot.waitUntil(lambda: focused() is dlg.member_table, timeout=5000)
    press(qtbot, Qt.Key_E, ALT)
    qtbot.waitUntil(lambda: book.question is not None and book.question.isVisible(), timeout=5000)
    qtbot.keyClick(book.question, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(win.compose.to.recipients()) == 4, timeout=10000)
    assert [r.email for r in win.compose.to.recipients()] == [
        "alice@example.com", "ivan@example.com", "ali.baba@example.com", "carl@example.com"]


#: what the dialog says of a search with two entries, and the group's members, in each language
IN_WORDS = {"fr": ("2 entrées trouvées", "Membres (3)", "Sales (3 membres)"),
            "de": ("2 Einträge gefunden", "Mitglieder (3)", "Sales (3 Mitglieder)")}


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_address_book_in_french_and_german(qtbot, aloop, sandbox_factory, settings, lang, screenshot_dir):
    sb = sandbox_factory(users=DIRECTORY_USERS)
    with in_language(lang):
        win, session = open_window(qtbot, sb, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            _new_message(qtbot, win)
            dlg = _open_book(qtbot, win)
            _search(qtbot, dlg, "sales")
            _down_to(qtbot, dlg, "Sales")
            qtbot.waitUntil(lambda: dlg.member_model.rowCount() == 3, timeout=10000)
            found, members, name = IN_WORDS[lang]
            assert (dlg.status.text(), dlg.members_label.text()) == (found, members)
            assert dlg.model.cell(dlg.model.entry(dlg.table.currentIndex().row()), 0) == name
            dlg.resize(900, 560)  # the guide's picture, as wide as the English one
            qtbot.waitUntil(lambda: dlg.width() == 900, timeout=5000)
            (screenshot_dir / lang).mkdir(exist_ok=True)
            dlg.grab().save(str(screenshot_dir / lang / "address-book.png"))
        finally:
            close_window(win, session)


HOSTILE = "<b>Mallory</b> <img src=x>"


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_the_servers_words_are_shown_as_plain_text(qtbot, aloop, sandbox_factory, settings, ui_backend):
    sb = sandbox_factory(users=[*DIRECTORY_USERS, {"email": "mallory@example.com", "name": HOSTILE,
                                                   "password": "mallory-sandbox-pw", "title": "<i>Chief</i> & co"}])
    win, session = open_window(qtbot, sb, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _new_message(qtbot, win)
        dlg = _open_book(qtbot, win)
        _search(qtbot, dlg, "mallory")
        _down_to(qtbot, dlg, HOSTILE)
        assert dlg.details.textFormat() == Qt.PlainText
        details = dlg.details.text()
        assert details.startswith(f"{HOSTILE}\nmallory@example.com") and "<i>Chief</i> & co" in details
        assert dlg.model.cell(dlg.model.entry(dlg.table.currentIndex().row()), 0) == HOSTILE
        press(qtbot, Qt.Key_Return)
        assert dlg.note.textFormat() == Qt.PlainText and dlg.note.text() == f"Added to To: {HOSTILE}"
    finally:
        close_window(win, session)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_long_search_pages_in_as_the_keyboard_reaches_the_end_of_the_list(qtbot, book_window):
    win, _sb = book_window
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "staff")
    first = dlg.model.rowCount()
    assert first and dlg.search.listing.more and "more below" in dlg.status.text(), dlg.status.text()
    press(qtbot, Qt.Key_Down)
    press(qtbot, Qt.Key_End)  # the last row: the next page is asked for, the row the user is on kept
    qtbot.waitUntil(lambda: dlg.model.rowCount() > first and not dlg.search.listing.loading, timeout=10000)
    # one End, one page more (over Graph the users after the people: a page of those already listed follows at once)
    assert 2 <= dlg.search.requests <= 2 + MOST_EMPTY_PAGES
    assert dlg.table.currentIndex().row() == first - 1, "the rows came in below, the keyboard stayed"
    addresses = [e.email for e in dlg.model.entries]
    assert len(addresses) == len(set(addresses))


@pytest.fixture
def consent_window(qtbot, aloop, sandbox_factory, settings):
    """The window on Alice's Microsoft 365 account signed in as the app signs in (MSAL, the sandbox's authority)
    for the sign-in's own scopes: no directory permission, nobody has consented to one."""
    from app.core.accounts.session import ConnectionState
    from tests.helpers.consent import signed_in_session
    from tests.helpers.windows import make_window

    sb = sandbox_factory(users=DIRECTORY_USERS, graph=True, graph_send_delay=0)
    session, signin = signed_in_session(sb)
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win, sb, signin
    close_window(win, session)


def _refused_and_askable(qtbot, win):
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "car")
    assert "User.ReadBasic.All" in dlg.status.text() and "Ask for access" in dlg.status.text(), dlg.status.text()
    assert dlg.model.rowCount() == 0 and dlg.ask_button.isVisible()
    return dlg


def test_ask_for_access_signs_in_for_the_permission_then_carol_is_found(qtbot, consent_window):
    from tests.helpers.consent import ConsentBrowser

    win, sb, _signin = consent_window
    dlg = _refused_and_askable(qtbot, win)
    with ConsentBrowser(sb.authority) as browser:
        dlg.ask_button.click()
        qtbot.waitUntil(lambda: CAROL in {e.email for e in dlg.model.entries}, timeout=20000)
    assert not browser.errors and len(browser.opened) == 1
    assert "User.ReadBasic.All" in browser.opened[0]  # asked for that permission, by name
    # the groups still left out (nobody granted GroupMember.Read.All): said, and that one may be asked for next
    assert "Groups are not listed" in dlg.status.text(), dlg.status.text()
    assert dlg.permission_to_ask() == "GroupMember.Read.All" and dlg.ask_button.isVisible()


def test_a_refused_ask_says_an_administrator_must_grant_it_and_is_not_offered_again(qtbot, consent_window):
    from tests.helpers.consent import ConsentBrowser

    win, sb, _signin = consent_window
    dlg = _refused_and_askable(qtbot, win)
    with ConsentBrowser(sb.authority, action="deny") as browser:
        dlg.ask_button.click()
        qtbot.waitUntil(lambda: "was not given" in dlg.status.text() and not dlg.asking, timeout=20000)
    assert len(browser.opened) == 1 and browser.done.is_set() and not browser.errors
    assert "Only an administrator" in dlg.status.text() and "User.ReadBasic.All" in dlg.status.text()
    assert not dlg.ask_button.isVisible()
    _search(qtbot, dlg, "carl")  # refused again by the server: said, never asked again by itself
    assert not dlg.ask_button.isVisible() and len(browser.opened) == 1


def test_groups_left_out_can_be_asked_for_then_are_listed_with_their_members(qtbot, consent_window):
    from tests.helpers.consent import ConsentBrowser, consented

    win, sb, signin = consent_window
    consented(sb.authority, signin, "User.ReadBasic.All")  # the people may be read; nobody granted the groups
    _new_message(qtbot, win)
    dlg = _open_book(qtbot, win)
    _search(qtbot, dlg, "sales")
    assert dlg.model.rowCount() == 0 and "Groups are not listed" in dlg.status.text(), dlg.status.text()
    assert dlg.ask_button.isVisible() and dlg.permission_to_ask() == "GroupMember.Read.All"
    with ConsentBrowser(sb.authority) as browser:
        dlg.ask_button.click()
        qtbot.waitUntil(lambda: "Sales" in {e.name for e in dlg.model.entries}, timeout=20000)
    assert "GroupMember.Read.All" in browser.opened[0] and not dlg.ask_button.isVisible()
    dlg.box.setFocus()
    _down_to(qtbot, dlg, "Sales")
    qtbot.waitUntil(lambda: "alice@example.com" in {e.email for e in dlg.member_model.entries}, timeout=10000)


def test_ask_for_access_by_keys_leaves_the_keyboard_in_the_search(qtbot, consent_window):
    """Tab to "Ask for access…", Space: the sign-in is asked for; the button goes while it is asked (the keyboard back
    in the search box, not on the next button, where Enter would add to a field) and the search runs again."""
    from tests.helpers.consent import ConsentBrowser

    win, sb, _signin = consent_window
    dlg = _refused_and_askable(qtbot, win)
    for _ in range(6):
        if focused() is dlg.ask_button:
            break
        qtbot.keyClick(focused(), Qt.Key_Tab)
    assert focused() is dlg.ask_button, "the button is reached by Tab"
    with ConsentBrowser(sb.authority) as browser:
        qtbot.keyClick(dlg.ask_button, Qt.Key_Space)
        qtbot.waitUntil(lambda: CAROL in {e.email for e in dlg.model.entries}, timeout=20000)
    assert len(browser.opened) == 1
    assert focused() is dlg.box
