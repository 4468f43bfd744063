"""The test KDC (tests/helpers/kdc.py): a real MIT realm issues Alice a ticket, and the sandbox's service key
is in its keytab."""

from __future__ import annotations


def test_the_realm_issues_alice_a_ticket_and_the_http_key(kdc_realm):
    tickets = kdc_realm.run("klist", "-c", f"FILE:{kdc_realm.ccache}").stdout
    assert "Default principal: alice@DISPATCH.TEST" in tickets
    assert "krbtgt/DISPATCH.TEST@DISPATCH.TEST" in tickets
    keys = kdc_realm.run("klist", "-k", str(kdc_realm.keytab)).stdout
    assert "HTTP/localhost@DISPATCH.TEST" in keys


def test_a_service_ticket_for_the_sandbox_is_issued(kdc_realm, tmp_path):
    """kvno asks the KDC for HTTP/localhost with Alice's ticket: what a client does before it signs in."""
    ccache = tmp_path / "cc"
    kdc_realm.kinit(ccache)
    kdc_realm.run("kvno", "-c", f"FILE:{ccache}", kdc_realm.service)
    assert "HTTP/localhost@DISPATCH.TEST" in kdc_realm.run("klist", "-c", f"FILE:{ccache}").stdout
