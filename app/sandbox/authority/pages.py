"""The sign-in pages: tiny HTML forms a person or a plain HTTP client fills in (no script, no cookies).

Consent form (``POST`` to the same ``/authorize`` URL): ``request`` (hidden), ``login``, ``password``,
``action`` = ``approve`` | ``deny``. Device verification form (``POST /devicelogin``): ``user_code``,
``login``, ``password``, ``action``. Every value shown is HTML-escaped."""

from __future__ import annotations

from html import escape

#: Pages load nothing and may not be framed; forms post only to the authority itself (form_post's page
#: adds the one redirect_uri it posts to, and its one script by nonce).
CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
_STYLE = ("body{font-family:sans-serif;max-width:28em;margin:3em auto}label{display:block;margin:.6em 0}"
          "input[type=text],input[type=password]{width:100%}.error{color:#a00}")


def _page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head>\n<body><h1>{escape(title)}</h1>\n{body}\n</body></html>\n").encode()


def _error(text: str | None) -> str:
    return f'<p class="error" role="alert">{escape(text)}</p>\n' if text else ""


def sign_in(action: str, request_id: str, pending, login_hint: str, error: str | None = None) -> bytes:
    """The consent form for a pending sign-in (``flows.SignIn``)."""
    client_id = pending.client_id
    permissions = pending.scopes.permissions or ["(the application's default permissions)"]
    perms = "".join(f"<li>{escape(p)}</li>" for p in permissions)
    return _page("Sign in to the Dispatch sandbox", (
        f"{_error(error)}<p>The application <code>{escape(client_id)}</code> asks to access your mailbox "
        f"with these permissions:</p><ul>{perms}</ul>\n"
        f'<form method="post" action="{escape(action)}">\n'
        f'<input type="hidden" name="request" value="{escape(request_id)}">\n'
        f'<label>Login <input type="text" name="login" value="{escape(login_hint)}" autocomplete="username">'
        "</label>\n"
        '<label>Password <input type="password" name="password" autocomplete="current-password"></label>\n'
        '<button type="submit" name="action" value="approve">Accept</button>\n'
        '<button type="submit" name="action" value="deny">Cancel</button>\n</form>'))


def device(action: str, error: str | None = None) -> bytes:
    return _page("Enter code", (
        f"{_error(error)}<p>Enter the code shown on your device, then sign in.</p>\n"
        f'<form method="post" action="{escape(action)}">\n'
        '<label>Code <input type="text" name="user_code" autocomplete="off"></label>\n'
        '<label>Login <input type="text" name="login" autocomplete="username"></label>\n'
        '<label>Password <input type="password" name="password" autocomplete="current-password"></label>\n'
        '<button type="submit" name="action" value="approve">Sign in</button>\n'
        '<button type="submit" name="action" value="deny">Cancel</button>\n</form>'))


def device_done(approved: bool) -> bytes:
    if approved:
        return _page("You're signed in", "<p>You have signed in to the application on your device. "
                                         "You may now close this window.</p>")
    return _page("Sign-in cancelled", "<p>You declined to sign in on your device. You may now close this window.</p>")


def error(text: str) -> bytes:
    return _page("Sorry, but we're having trouble signing you in.", _error(text))


def form_post(redirect_uri: str, params: dict, nonce: str) -> bytes:
    """``response_mode=form_post``: a page that posts the answer to the redirect_uri (RFC: OAuth 2.0 Form
    Post Response Mode), by script, or by its button without one."""
    fields = "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(str(v))}">\n'
                     for k, v in params.items())
    return _page("Working...", (
        f'<form method="post" id="answer" action="{escape(redirect_uri)}">\n{fields}'
        '<noscript><button type="submit">Continue</button></noscript>\n</form>\n'
        f'<script nonce="{escape(nonce)}">document.getElementById("answer").submit();</script>'))


def form_post_csp(redirect_uri: str, nonce: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(redirect_uri)  # a checked loopback URI: http, a loopback host, a number for port
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
    origin = f"http://{host}" + (f":{parts.port}" if parts.port else "")
    return CSP.replace("form-action 'self'", f"form-action {origin}") + f"; script-src 'nonce-{nonce}'"
