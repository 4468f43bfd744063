"""The sandbox's ``POST /me/getMailTips`` with httpx: a group's totalMemberCount (a nested group counts as
one), deliveryRestricted for the signed-in sender, only the tips asked for, and bad parameters refused. Every
body is checked against the CSDL-derived schemas (tests/graph_wire.py)."""

from __future__ import annotations

import json

import pytest

from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.graph_clients import WIRE_SCOPES, client, token_for

BOTH = "totalMemberCount, deliveryRestriction"


@pytest.fixture
def org(sandbox_factory):
    return sandbox_factory(graph=True, users=DIRECTORY_USERS)


def _tips(org, user: str, addresses: list[str], options: str = BOTH, path: str = "/me/getMailTips") -> dict:
    with client(org, token=token_for(org, user, scopes=WIRE_SCOPES)) as c:
        r = c.post(path, json={"EmailAddresses": addresses, "MailTipsOptions": options})
    assert r.status_code == 200, r.text
    return {t["emailAddress"]["address"]: (t.get("totalMemberCount"), t.get("deliveryRestricted"))
            for t in r.json()["value"]}


def test_groups_say_their_size_and_people_none(org):
    tips = _tips(org, "alice@example.com", ["sales@example.com", "everyone@example.com", "carol@example.com"])
    assert tips == {"sales@example.com": (3, False), "everyone@example.com": (LARGE_GROUP_SIZE, False),
                    "carol@example.com": (None, False)}


def test_a_restricted_group_is_restricted_only_to_those_it_does_not_accept(org):
    assert _tips(org, "alice@example.com", ["board@example.com"]) == {"board@example.com": (2, True)}
    assert _tips(org, "dave@example.com", ["board@example.com"],
                 path="/users/dave@example.com/getMailTips") == {"board@example.com": (2, False)}


def test_only_the_tips_asked_for_are_answered(org):
    assert _tips(org, "alice@example.com", ["board@example.com"], "totalMemberCount") == {
        "board@example.com": (2, None)}


@pytest.mark.parametrize("body, code", [
    ({"MailTipsOptions": BOTH}, "ErrorInvalidParameter"),
    ({"EmailAddresses": ["board@example.com"], "MailTipsOptions": "sizeOfGroup"}, "RequestBodyRead"),
])
def test_bad_parameters_are_refused(org, graph_wire_validator, body, code):
    raw = json.dumps(body).encode()
    graph_wire_validator.expect_broken(raw, method="POST", path="/v1.0/me/getMailTips")  # invalid on purpose
    with client(org, token=token_for(org, "alice@example.com", scopes=WIRE_SCOPES)) as c:
        r = c.post("/me/getMailTips", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == code
