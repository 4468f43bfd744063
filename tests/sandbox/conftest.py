"""Fixtures for the sandbox tests: exchangelib accounts talking to the `sandbox` fixture over loopback HTTP."""

from __future__ import annotations

import pytest

from tests.helpers.ews_accounts import make_account


@pytest.fixture
def alice(sandbox):
    return make_account(sandbox, "alice@example.com")


@pytest.fixture
def bob(sandbox):
    return make_account(sandbox, "bob@example.com")
