"""``dispatch-mail send`` and ``sendmail`` to a domain that does not exist (issue 73, item 16): a real subprocess
against the sandbox in its own process, its resolver a REAL DNS server on 127.0.0.1 (tests/helpers/dns_server.py)
named in ``DISPATCH_DNS`` (the tests have no network). NXDOMAIN: 65 with words before anything is queued; a
resolver that never answers: the message goes, at most a second later."""

from __future__ import annotations

import time

import pytest

from tests.helpers.commands import BOB, rfc822
from tests.helpers.dns_server import DnsServer

TYPO = "bob@exmaple.com"


@pytest.fixture
def dns_server():
    server = DnsServer(missing=["exmaple.com"], silent=["partner.org"])
    yield server
    server.close()


@pytest.mark.timeout(180)
def test_a_domain_that_does_not_exist_is_refused_with_65_before_queuing(server, home, dns_server):
    env = dict(home.env, DISPATCH_DNS=dns_server.setting)
    done = home.run("send", "--to", TYPO, "--subject", "typo", "--body-file", "-", stdin=b"hi\n", env=env)
    err = done.stderr.decode()
    assert done.returncode == 65, err
    assert "“bob@exmaple.com” (no domain “exmaple.com”)" in err and "Nothing was sent" in err
    mail = home.run("sendmail", "-t", stdin=rfc822("<typo@scripts.example>", "typo", to=TYPO), env=env)
    assert mail.returncode == 65, mail.stderr
    assert [e for e in home.journal() if e.op == "send"] == []  # nothing queued
    assert "exmaple.com" in dns_server.asked


@pytest.mark.timeout(180)
def test_a_resolver_that_never_answers_never_stops_a_send(server, home, dns_server):
    """Dave's domain is asked and never answered: the message goes (the account's own domain is never asked)."""
    env = dict(home.env, DISPATCH_DNS=dns_server.setting)
    start = time.monotonic()
    done = home.run("send", "--to", BOB, "--cc", "dave@partner.org", "--subject", "slow dns", "--body-file", "-",
                    stdin=b"hi\n", env=env)
    assert done.returncode == 0, done.stderr
    assert dns_server.asked == ["partner.org"]
    assert time.monotonic() - start < 60
