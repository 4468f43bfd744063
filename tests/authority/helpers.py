"""Clients for the authority tests: MSAL with an HTTP client that ignores the environment's CA bundle
variables, and a plain httpx "browser" that fills in the sign-in pages."""

from __future__ import annotations

import ssl
import time
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import httpx
import msal
import requests

SCOPES = ["https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send"]
CLIENT_ID = "0b0e5ab6-7f6e-4c55-9c2c-d150a7c4c11e"
REDIRECT = "http://localhost:53117"


class FakeClock:
    """The authority's time, advanced by hand (tokens and codes expire without sleeping)."""

    def __init__(self):
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def msal_http_client(cert_path: str) -> requests.Session:
    """What MSAL should be given: verification against the authority's certificate, and nothing taken from
    the environment (with trust_env, REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE replace ``verify``)."""
    session = requests.Session()
    session.trust_env = False
    session.verify = cert_path
    return session


def msal_app(auth, client_id: str = CLIENT_ID, **kwargs) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(client_id, authority=auth.authority_url, instance_discovery=False,
                                        http_client=msal_http_client(auth.cert_path), **kwargs)


def browser(auth) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=auth.cert_path), trust_env=False,
                        follow_redirects=False, timeout=10)


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.action, self.fields = None, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = a.get("action")
        elif tag == "input" and a.get("name"):
            self.fields[a["name"]] = a.get("value") or ""


def form_of(html: str) -> tuple[str, dict]:
    parser = _Forms()
    parser.feed(html)
    assert parser.action, html
    return parser.action, parser.fields


def submit(client: httpx.Client, page: httpx.Response, **values) -> httpx.Response:
    """Fill in the page's form (its hidden fields kept) and post it, as a browser would."""
    action, fields = form_of(page.text)
    return client.post(urljoin(str(page.url), action), data={**fields, **values})


def sign_in(client: httpx.Client, auth_uri: str, login: str, password: str, action: str = "approve"):
    page = client.get(auth_uri)
    assert page.status_code == 200, page.text
    return submit(client, page, login=login, password=password, action=action)


def redirect_params(resp: httpx.Response, redirect_uri: str = REDIRECT) -> dict:
    assert resp.status_code == 302, (resp.status_code, resp.text)
    location = resp.headers["location"]
    assert location.startswith(redirect_uri + "?") or location.startswith(redirect_uri + "/?"), location
    return dict(parse_qsl(urlsplit(location).query))


def wait_until(predicate, timeout: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
