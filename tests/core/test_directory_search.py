"""The address book's search as the user types (app/core/directory/search.py), on a clock moved by hand: at most one
request per pause in typing, a late answer for an older text never replaces a newer one, pages on demand, a
refusal in words. The server here is a script of answers the test hands out in the order it chooses (the
window's tests search the real sandbox over EWS and Graph: tests/ui/test_address_book.py)."""

from __future__ import annotations

import asyncio

from app.core.directory.expand import expanded
from app.core.directory.search import PAUSE, DirectorySearch, GroupMembers, every_member
from app.domain.directory import DirectoryEntry, DirectoryPage, EntryKind
from app.domain.models import Recipient
from app.mail.errors import ConnectionFailed, DirectoryNotGranted
from tests.helpers.clocks import ManualClock

CAROL = DirectoryEntry("Carol Clark", "carol@example.com", title="Head of Finance")
CARL = DirectoryEntry("Carl Carlsen", "carl@example.com")
SALES = DirectoryEntry("Sales", "sales@example.com", kind=EntryKind.GROUP, key="sales@example.com", member_count=3)


class Server:
    """A directory whose answers the test releases: each request waits until :meth:`answer` is called for it."""

    def __init__(self):
        self.asked: list[tuple[str, str]] = []
        self._pending: dict[tuple[str, str], asyncio.Future] = {}

    async def search(self, text: str, page: str) -> DirectoryPage:
        self.asked.append((text, page))
        fut = self._pending[(text, page)] = asyncio.get_running_loop().create_future()
        return await fut

    async def members(self, group: DirectoryEntry, page: str) -> DirectoryPage:
        return await self.search(group.email, page)

    def answer(self, text: str, result, page: str = "") -> None:
        fut = self._pending.pop((text, page))
        if isinstance(result, BaseException):
            fut.set_exception(result)
        else:
            fut.set_result(result)


def later(clock: ManualClock):
    return lambda delay, callback: clock.call_at(clock() + delay, callback)


async def turns(n: int = 5) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


def run(coro) -> None:
    asyncio.run(asyncio.wait_for(coro, 10))


def test_typing_fast_sends_one_request_per_pause():
    async def go():
        clock, server, changes = ManualClock(), Server(), []
        s = DirectorySearch(server.search, lambda: changes.append(1), call_later=later(clock))
        for text in ("c", "ca", "car"):  # 80 ms apart: no pause
            s.type(text)
            clock.advance(0.08)
            await turns()
        assert server.asked == [] and s.waiting
        clock.advance(PAUSE)
        await turns()
        assert server.asked == [("car", "")] and s.listing.loading
        server.answer("car", DirectoryPage([CAROL, CARL]))
        await turns()
        assert [e.name for e in s.listing.entries] == ["Carol Clark", "Carl Carlsen"] and not s.listing.loading
        assert s.requests == 1
    run(go())


def test_a_late_answer_for_an_older_text_never_replaces_the_newer_one():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("ca")
        clock.advance(PAUSE)
        await turns()
        s.type("carol")
        clock.advance(PAUSE)
        await turns()
        assert server.asked == [("ca", ""), ("carol", "")]
        server.answer("carol", DirectoryPage([CAROL]))
        await turns()
        server.answer("ca", DirectoryPage([CAROL, CARL]))  # the older request answers last
        await turns()
        assert s.text == "carol" and s.listing.entries == [CAROL] and s.dropped == 1
    run(go())


def test_an_answer_for_text_typed_past_is_not_shown_while_the_new_search_waits():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("ca")
        clock.advance(PAUSE)
        await turns()
        s.type("")  # emptied: nothing listed, and the answer on its way dropped
        server.answer("ca", DirectoryPage([CAROL]))
        await turns()
        assert s.listing.entries == [] and s.dropped == 1 and not s.waiting
    run(go())


def test_more_pages_come_on_demand_once_each():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("car")
        s.now()  # Enter: no wait
        await turns()
        server.answer("car", DirectoryPage([CAROL], more="2"))
        await turns()
        assert s.more() and not s.more(), "one page asked for at a time"
        await turns()
        server.answer("car", DirectoryPage([CARL, CAROL]), page="2")
        await turns()
        assert s.listing.entries == [CAROL, CARL] and s.listing.more == "" and not s.more()
        assert server.asked == [("car", ""), ("car", "2")]
    run(go())


def test_a_directory_not_granted_is_said_in_words_naming_the_permission():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("car")
        s.now()
        await turns()
        server.answer("car", DirectoryNotGranted(scope="User.ReadBasic.All"))
        await turns()
        problem = s.listing.problem
        assert "has not allowed Dispatch to read its address book" in problem and "User.ReadBasic.All" in problem
        assert "suggestions" in problem and not s.listing.loading
        s.type("carl")  # a failure is asked again, not remembered
        s.now()
        await turns()
        server.answer("carl", ConnectionFailed())
        await turns()
        assert s.listing.problem.startswith("The address book could not be searched: Could not reach the server")
    run(go())


def test_a_groups_members_page_in_and_another_groups_answers_are_dropped():
    async def go():
        server = Server()
        g = GroupMembers(server.members, lambda: None)
        g.show(SALES)
        await turns()
        g.show(CAROL)  # not a group: nothing listed, the members on their way dropped
        server.answer("sales@example.com", DirectoryPage([CAROL]))
        await turns()
        assert g.listing.entries == [] and g.group is None
        g.show(SALES)
        await turns()
        server.answer("sales@example.com", DirectoryPage([CAROL], more="p2"))
        await turns()
        assert g.more()
        await turns()
        server.answer("sales@example.com", DirectoryPage([CARL]), page="p2")
        await turns()
        assert g.listing.entries == [CAROL, CARL]
    run(go())


def test_every_member_follows_the_pages_to_the_end():
    async def go():
        pages = {"": DirectoryPage([CAROL], more="2"), "2": DirectoryPage([CARL], more="3"), "3": DirectoryPage([])}

        async def members(_group, page):
            return pages[page]

        assert await every_member(members, SALES) == [CAROL, CARL]
    run(go())


def test_expand_puts_the_members_where_the_group_was_each_address_once():
    field = [Recipient("bob@example.com", "Bob Brown"), Recipient("sales@example.com", "Sales"),
             Recipient("dave@example.com")]
    members = [DirectoryEntry("Bob Brown", "bob@example.com"), CAROL,
               DirectoryEntry("Sales EMEA", "sales.emea@example.com", kind=EntryKind.GROUP)]
    assert expanded(field, SALES, members) == [
        Recipient("bob@example.com", "Bob Brown"), Recipient("carol@example.com", "Carol Clark"),
        Recipient("sales.emea@example.com", "Sales EMEA"), Recipient("dave@example.com")]


def test_a_page_answered_in_part_says_what_was_left_out():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("car")
        s.now()
        await turns()
        server.answer("car", DirectoryPage([CAROL], not_granted="GroupMember.Read.All"))
        await turns()
        assert s.listing.entries == [CAROL] and not s.listing.problem
        assert "GroupMember.Read.All" in s.listing.left_out
    run(go())


def test_a_page_that_brings_nothing_new_is_followed_at_once_a_few_times_at_most():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        s.type("car")
        s.now()
        await turns()
        server.answer("car", DirectoryPage([CAROL], more="2"))
        await turns()
        assert s.more()
        await turns()
        server.answer("car", DirectoryPage([CAROL], more="3"), page="2")  # all listed already
        await turns()
        assert server.asked[-1] == ("car", "3") and s.listing.loading, "followed without a key"
        server.answer("car", DirectoryPage([CARL], more="4"), page="3")
        await turns()
        assert s.listing.entries == [CAROL, CARL] and not s.listing.loading and s.listing.more == "4"
        assert s.more()
        for page, following in (("4", "5"), ("5", "6"), ("6", "7"), ("7", "8")):
            await turns()
            server.answer("car", DirectoryPage([], more=following), page=page)
        await turns()
        assert server.asked[-1] == ("car", "7") and not s.listing.loading, "three followed at most, then it waits"
        assert s.listing.more == "8"
    run(go())


def test_stopped_nothing_more_is_asked_nor_told():
    async def go():
        clock, server, told = ManualClock(), Server(), []
        s = DirectorySearch(server.search, lambda: told.append(1), call_later=later(clock))
        s.type("ca")
        clock.advance(PAUSE)
        await turns()
        s.type("car")
        told.clear()
        s.stop()  # the dialog is gone
        clock.advance(PAUSE)
        server.answer("ca", DirectoryPage([CAROL]))
        await turns()
        assert server.asked == [("ca", "")] and told == [] and s.dropped == 1
    run(go())


def test_a_refusal_that_can_be_asked_about_names_its_permission_and_asked_again_once_granted():
    async def go():
        clock, server = ManualClock(), Server()
        s = DirectorySearch(server.search, lambda: None, call_later=later(clock))
        g = GroupMembers(server.members, lambda: None)
        s.type("car")
        s.now()
        g.show(SALES)
        await turns()
        server.answer("car", DirectoryNotGranted(scope="User.ReadBasic.All", can_ask=True))
        server.answer("sales@example.com", DirectoryNotGranted(scope="GroupMember.Read.All", can_ask=True))
        await turns()
        assert (s.listing.ask, g.listing.ask) == ("User.ReadBasic.All", "GroupMember.Read.All")
        assert "Ask for access" in s.listing.problem
        s.again()  # granted since: both asked again at once
        g.again()
        await turns()
        server.answer("car", DirectoryPage([CAROL], not_granted="GroupMember.Read.All", can_ask=True))
        server.answer("sales@example.com", DirectoryPage([CARL]))
        await turns()
        assert s.listing.entries == [CAROL] and s.listing.ask == "GroupMember.Read.All"
        assert g.listing.entries == [CARL] and g.listing.ask == "" and g.listing.problem == ""
        server_refused = DirectoryNotGranted(scope="User.ReadBasic.All")  # refused for good: nothing to ask
        s.again()
        await turns()
        server.answer("car", server_refused)
        await turns()
        assert s.listing.ask == "" and "Ask your administrator" in s.listing.problem
    run(go())
