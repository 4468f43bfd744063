"""The ring of token-signing keys the test sandboxes share (tests/helpers/signing_keys.py): reusing keys across
tests must never let two authorities of one test share a key, so a token one signed is never good at another."""

from __future__ import annotations

import pytest

from app.sandbox.authority.tokens import AccessTokenError
from tests.helpers.signing_keys import KeyRing


def _kid(authority) -> str:
    return authority.jwks()["keys"][0]["kid"]


def test_the_graph_sandboxes_of_one_test_sign_with_different_keys_and_refuse_each_others_tokens(sandbox_factory):
    sandboxes = [sandbox_factory(graph=True) for _ in range(3)]
    assert len({_kid(sb.authority) for sb in sandboxes}) == 3
    for signer in sandboxes:
        token = signer.authority.tokens.issue(signer.authority.users[0], "client", ["Mail.Send"], ["Mail.Send"])
        access = token["access_token"]
        assert signer.authority.verify_access_token(access)
        for other in sandboxes:
            if other is not signer:
                with pytest.raises(AccessTokenError):
                    other.authority.verify_access_token(access)


def test_the_ring_never_hands_out_a_key_the_test_already_holds():
    ring = KeyRing(size=2)
    held = [ring.take(), ring.take()]
    assert held[0] is not held[1]
    again = [ring.take() for _ in range(4)]
    assert {id(k) for k in again} == {id(k) for k in held}  # full: it cycles through its keys
    assert ring.take(avoid=held[:1]) is held[1]
    fresh = ring.take(avoid=held)
    assert all(fresh is not k for k in held) and len(ring.keys) == 2  # all held: a new one, not kept
