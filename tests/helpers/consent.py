"""The system browser on the sandbox authority's consent page, for a sign-in the app started (its URL): the page
filled in as ``login`` and approved or denied, then its answer posted to the app's loopback listener
(response_mode=form_post)."""

from __future__ import annotations

import httpx

from tests.authority.helpers import browser, form_of, sign_in


def browse(authority, url: str, login: str = "alice", password: str = "alice-sandbox-pw",
           action: str = "approve") -> httpx.Response:
    with browser(authority) as b:
        answer = sign_in(b, url, login, password, action=action)
    assert answer.status_code == 200, (answer.status_code, answer.text)
    target, fields = form_of(answer.text)
    with httpx.Client(trust_env=False, timeout=20) as plain:
        return plain.post(target, data=fields)


def consented(authority, signin, permission: str = "", **kw):
    """``signin`` signed in interactively (asking for ``permission`` besides its scopes when one is named)."""
    pending = signin.begin_asking(permission) if permission else signin.begin_interactive()
    try:
        browse(authority, pending.url, **kw)
        return pending.result(timeout=20)
    finally:
        pending.cancel()
