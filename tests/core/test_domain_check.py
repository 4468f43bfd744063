"""A recipient domain that does not exist (app/core/sending/domain_check.py), asked of a REAL DNS server on 127.0.0.1
(tests/helpers/dns_server.py; the tests have no network, so the resolver is injected through ``DISPATCH_DNS``'s
value, never mocked): NXDOMAIN refuses, NODATA does not, a silent resolver costs at most its second and says
nothing, answers are cached (the clock injected), and the account's own domains, reserved names and an account
on this computer are never looked up."""

from __future__ import annotations

import asyncio
import time

import pytest

from app.core.sending import domain_check as dc
from app.domain.account import AccountConfig
from app.domain.models import Draft, Recipient
from tests.helpers.dns_server import DnsServer

ACCOUNT = AccountConfig(email="alice@contoso.com", ews_url="https://mail.contoso.com/EWS/Exchange.asmx",
                        username="alice")


@pytest.fixture
def dns_server():
    server = DnsServer(missing=["exmaple.com"], silent=["slow.org"])
    yield server
    server.close()


def _check(server, clock=time.monotonic) -> dc.DomainCheck:
    return dc.DomainCheck(dc.Resolvers.from_setting(server.setting), clock=clock)


def _people(*addresses):
    return [Recipient(a) for a in addresses]


def test_nxdomain_is_missing_nodata_is_not(dns_server):
    found = asyncio.run(dc.missing_addresses(_people("bob@exmaple.com", "ann@nodata.org"), ACCOUNT,
                                             _check(dns_server)))
    assert found == [("bob@exmaple.com", "exmaple.com")]
    assert sorted(dns_server.asked) == ["exmaple.com", "nodata.org"]


def test_a_silent_resolver_costs_at_most_its_second_and_says_nothing(dns_server):
    start = time.monotonic()
    found = asyncio.run(dc.missing_addresses(_people("bob@slow.org", "eve@exmaple.com"), ACCOUNT,
                                             _check(dns_server)))
    assert time.monotonic() - start < dc.LOOKUP_SECONDS + 0.5
    assert found == [("eve@exmaple.com", "exmaple.com")]  # the other answer still counts


def test_an_unreachable_resolver_says_nothing():
    closed = DnsServer()
    closed.close()  # nothing listens on its port any more
    check = dc.DomainCheck(dc.Resolvers.from_setting(closed.setting))
    assert asyncio.run(dc.missing_addresses(_people("bob@exmaple.com"), ACCOUNT, check)) == []


def test_answers_are_cached_until_they_expire(dns_server):
    now = [1000.0]
    check = _check(dns_server, clock=lambda: now[0])

    async def twice():
        return await check.missing(["exmaple.com"]), await check.missing(["exmaple.com"])

    assert asyncio.run(twice()) == (["exmaple.com"], ["exmaple.com"])
    assert dns_server.asked == ["exmaple.com"]
    now[0] += dc.ANSWER_SECONDS + 1
    assert asyncio.run(check.missing(["exmaple.com"])) == ["exmaple.com"]
    assert dns_server.asked == ["exmaple.com", "exmaple.com"]


def test_own_reserved_and_local_domains_are_never_looked_up(dns_server):
    people = _people("carol@contoso.com", "x@example.com", "y@corp.test", "z@[10.0.0.1]", "w@intranet",
                     "v@sub.example.org")
    assert dc.to_check(people, ACCOUNT, dc.Resolvers()) == {}
    sandbox = AccountConfig(email="alice@example.com", ews_url="http://127.0.0.1:8080/EWS/Exchange.asmx",
                            username="alice")
    assert dc.to_check(_people("bob@exmaple.com"), sandbox, dc.Resolvers()) == {}  # the system's: not asked
    assert dc.to_check(_people("bob@exmaple.com"), sandbox, dc.Resolvers.from_setting(dns_server.setting)) == {
        "exmaple.com": "bob@exmaple.com"}  # a resolver named in the setting: asked
    assert dc.to_check(_people("bob@exmaple.com"), ACCOUNT, dc.Resolvers.from_setting("off")) == {}


@pytest.mark.parametrize("text, resolvers", [
    ("", dc.Resolvers()), ("system", dc.Resolvers()), ("off", dc.Resolvers(off=True)),
    ("127.0.0.1:5353", dc.Resolvers(servers=(("127.0.0.1", 5353),))),
    ("9.9.9.9, [::1]:53", dc.Resolvers(servers=(("9.9.9.9", 53), ("::1", 53)))),
    ("dns.example.net", dc.Resolvers(off=True)),  # not an IP address: nobody is asked rather than a guess
])
def test_the_setting(text, resolvers):
    assert dc.Resolvers.from_setting(text) == resolvers


def test_the_windows_warning_names_the_address_and_the_domain(dns_server):
    draft = Draft(to=_people("bob@exmaple.com"), cc=_people("ann@nodata.org"), subject="s", body="b")
    [w] = asyncio.run(dc.warnings_for(ACCOUNT, _check(dns_server))(draft))
    assert w.code == "domain_missing" and w.word == "exmaple.com"
    assert "“bob@exmaple.com”" in str(w.message) and "“exmaple.com”" in str(w.message)


def test_without_waiting_a_slow_answer_delays_nothing_and_is_known_once_it_comes():
    """The window's Send (``wait=False``): a look-up still running is not waited for, however long the check's own
    bound (30 s here: waiting would overrun the test's 5 s guard), and its answer, once it comes, is asked about at
    the next Send."""
    server = DnsServer(missing=["exmaple.com"], held=["exmaple.com"])
    check = dc.DomainCheck(dc.Resolvers.from_setting(server.setting), timeout=30.0)
    people = _people("bob@exmaple.com")

    async def run():
        first = await asyncio.wait_for(dc.missing_addresses(people, ACCOUNT, check, wait=False), timeout=5)
        while "exmaple.com" not in server.asked:  # the look-up went out, and waits for its answer
            await asyncio.sleep(0.01)
        assert not check.answered("exmaple.com")
        server.release()
        while not check.answered("exmaple.com"):
            await asyncio.sleep(0.01)
        return first, await asyncio.wait_for(dc.missing_addresses(people, ACCOUNT, check, wait=False), timeout=5)

    try:
        first, later = asyncio.run(run())
    finally:
        server.close()
    assert first == [] and later == [("bob@exmaple.com", "exmaple.com")]
