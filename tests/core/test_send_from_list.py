"""What the account's "send from" list accepts (issue 49): a valid address, not the account's own, not twice."""

from app.domain.send_from import new_principal, principal_problem
from app.domain.senders import Principal, SendRight

DESK = Principal("desk@example.com", "Shared Desk")


def test_a_valid_new_mailbox_is_accepted():
    assert principal_problem(" boss@example.com ", "alice@example.com", [DESK]) is None


def test_refused_entries_say_why():
    assert "Enter" in principal_problem("  ", "alice@example.com", [])
    assert "not a valid" in principal_problem("desk@", "alice@example.com", [])
    assert "own address" in principal_problem("ALICE@example.com", "alice@example.com", [])
    assert "already" in principal_problem("Desk@Example.com", "alice@example.com", [DESK])


def test_an_entry_is_tidied():
    p = new_principal(" boss@example.com ", "  The \n Boss ", SendRight.ON_BEHALF)
    assert p == Principal("boss@example.com", "The Boss", SendRight.ON_BEHALF)
    assert p.label() == "The Boss <boss@example.com> (on behalf)"
