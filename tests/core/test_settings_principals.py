"""The mailboxes an account sends from are saved with the stored account (issue 49): read back by a later
start (the sandbox's account is made afresh each time: the stored list is the one), never written over
another stored account."""

from app.domain.account import AccountConfig
from app.domain.senders import Principal, SendRight
from app.storage.settings import Settings

DESK = Principal("desk@example.com", "Shared Desk")
BOSS = Principal("boss@example.com", "", SendRight.ON_BEHALF)


def sandbox_alice() -> AccountConfig:
    return AccountConfig(email="alice@example.com", ews_url="", username="alice@example.com", sandbox=True)


def test_the_list_is_saved_with_the_account_and_read_by_the_next_start(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(path)
    s.set_account(sandbox_alice())
    in_use = sandbox_alice()
    in_use.ews_url = "http://127.0.0.1:5000/EWS/Exchange.asmx"  # the sandbox's URL changes at every start
    assert s.set_principals(in_use, [DESK, BOSS]) is True
    assert in_use.principals == [DESK, BOSS]
    again = Settings(path)
    assert again.account().principals == [DESK, BOSS]
    assert again.principals(sandbox_alice()) == [DESK, BOSS]


def test_another_stored_account_is_left_alone(tmp_path):
    s = Settings(tmp_path / "settings.json")
    s.set_account(AccountConfig(email="carol@example.com", ews_url="https://mail.example.com/EWS/Exchange.asmx",
                                username="carol"))
    other = AccountConfig(email="alice@example.com", ews_url="https://mail.example.com/EWS/Exchange.asmx",
                          username="alice")
    assert s.set_principals(other, [DESK]) is False, "kept for the session only"
    assert other.principals == [DESK]
    assert s.account().email == "carol@example.com" and s.account().principals == []
    assert s.principals(other) == [DESK], "not the stored account: its own list"
