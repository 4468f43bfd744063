"""Find the EWS URL from an e-mail address and password, as Outlook does (POX Autodiscover), keeping
Autodiscover's security rules. Qt-free and synchronous: the UI runs :func:`discover` on a worker thread.

The plan, for the domain of the address (Microsoft, "Generate a list of Autodiscover endpoints"):

1. POST ``https://<domain>/autodiscover/autodiscover.xml`` (with the password),
2. POST ``https://autodiscover.<domain>/autodiscover/autodiscover.xml`` (with the password),
3. GET ``http://autodiscover.<domain>/autodiscover/autodiscover.xml`` with no credentials: only a redirect to
   an https URL is taken from it, and the password goes there only if the user confirms the host,
4. the DNS SRV record ``_autodiscover._tcp.<domain>``: its target is used only if the user confirms it.

An answer may redirect: ``redirectAddr`` (start again with that address), ``redirectUrl`` or an HTTP 302 from
an https endpoint (POST there). At most ``MAX_REDIRECTS`` redirects (Microsoft's limit). The rules:

- https only for anything that carries the password; an http redirect target must be https;
- no password to a host the user did not confirm: the address's own domain (and names under it) counts as
  confirmed because the user typed it; the http redirect's and the SRV record's target (even in that
  domain, as Outlook asks) and any host of another domain are asked through ``confirm(Question) -> bool``
  first, once per host;
- certificates are verified (the transport's TLS context); a bad certificate ends that step, nothing sent;
- an answer naming Exchange Online (its EWS host, or a redirect to a ``*.onmicrosoft.com`` address) ends the
  search with ``exchange_online``: that mailbox takes Microsoft 365 sign-in; no password is sent there.

Each step is reported as it goes through ``on_step(Step)``: "trying", then "found" / "failed" / "skipped".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from app.domain.autodiscover import (
    MAX_REDIRECTS, Outcome, PoxAnswer, Question, Step, advice_for, domain_of, domain_urls, host_of,
    http_probe_url, in_domain, is_exchange_online_address, is_exchange_online_url, srv_name, srv_url,
)
from app.domain.words import Words, translate

log = logging.getLogger("app.core.accounts.autodiscover")


class Cancelled(Exception):
    """The search was stopped (the dialog closed)."""


@dataclass
class _Run:
    email: str
    username: str
    password: str
    transport: object
    confirm: Callable[[Question], bool]
    on_step: Callable[[Step], None]
    cancelled: Callable[[], bool]
    home: str = ""  # the typed address's domain: confirmed by typing it
    confirmed: set = field(default_factory=set)
    refused: set = field(default_factory=set)
    tried: list = field(default_factory=list)
    redirects: int = 0
    n: int = 0
    password_refused: bool = False

    def step(self, text: str, state: str, detail: str = "", key: str = "") -> str:
        if not key:
            self.n += 1
            key = f"step{self.n}"
        s = Step(key, text, state, detail)
        if state != "trying":
            self.tried.append(s)
        self.on_step(s)
        return key

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()


class _Found(Exception):
    def __init__(self, outcome: Outcome):
        super().__init__("found")
        self.outcome = outcome


class _TooMany(Exception):
    pass


def discover(email: str, username: str, password: str, transport, *, confirm: Callable[[Question], bool],
             on_step: Callable[[Step], None] = lambda s: None,
             cancelled: Callable[[], bool] = lambda: False) -> Outcome:
    """Search for the EWS URL of ``email``; never raises for a failed step (the Outcome says what was tried).
    ``transport``: app/mail/ews/autodiscover.py's AutodiscoverTransport (pox, http_redirect, srv)."""
    run = _Run(email.strip(), username or email.strip(), password, transport, confirm, on_step, cancelled)
    run.home = domain_of(run.email)
    address = run.email
    try:
        while True:
            address = _search_address(run, address)
    except _Found as f:
        return f.outcome
    except _TooMany:
        run.step(translate("Autodiscover", "Redirects"), "failed",
                 translate("Autodiscover", "more than {count} redirects: stopped").format(count=MAX_REDIRECTS))
    return Outcome(address=run.email, tried=tuple(run.tried), advice=advice_for(run.home, run.password_refused))


def _search_address(run: _Run, address: str) -> str:
    """Try the endpoints for ``address``: the next address to search (a redirectAddr), else raises _Found
    (with the EWS URL, or with what was tried when nothing was found)."""
    domain = domain_of(address)
    for url in domain_urls(domain):
        nxt = _post(run, url, address)
        if nxt:
            return nxt
    nxt = _http_probe(run, domain, address)
    if nxt:
        return nxt
    nxt = _srv(run, domain, address)
    if nxt:
        return nxt
    raise _Found(Outcome(address=run.email, tried=tuple(run.tried),
                         advice=advice_for(run.home, run.password_refused)))


def _allowed(run: _Run, url: str, kind: str) -> bool:
    """Whether the password may go to ``url``'s host: https, and the typed domain or a host the user
    confirmed (asked now if not yet)."""
    host = host_of(url)
    if not url.lower().startswith("https://") or not host:
        run.step(url, "skipped", translate("Autodiscover", "not https: no password is sent there"))
        return False
    if host in run.confirmed or (kind == "other_domain" and in_domain(host, run.home)):
        return True  # an http redirect's or SRV record's target is asked even in the typed domain
    if host in run.refused:
        return False
    run.check()
    question = {
        "http_redirect": translate("Autodiscover", "The unencrypted Autodiscover address redirects to {host}. Send your "
                                                   "user name and password to {host}?"),
        "srv": translate("Autodiscover", "The domain's DNS (SRV record) names the server {host}. Send your user name "
                                         "and password to {host}?"),
        "other_domain": translate("Autodiscover", "The server redirects to another domain: {host}. Send your user "
                                                  "name and password to {host}?")}[kind]
    ok = bool(run.confirm(Question(kind, host, url, question.format(host=host))))
    (run.confirmed if ok else run.refused).add(host)
    if not ok:
        run.step(url, "skipped", translate("Autodiscover", "not confirmed: nothing sent to {host}").format(host=host))
    return ok


def _post(run: _Run, url: str, address: str) -> str:
    """POST to ``url``; follow its redirectUrl/302 answers; the redirectAddr to search next, or ''."""
    from app.mail.ews.autodiscover import BadCertificate, HttpStatus, SignInRefused, Unreachable

    run.check()
    key = run.step(url, "trying")
    try:
        answer = run.transport.pox(url, address, run.username, run.password)
    except BadCertificate as exc:
        run.step(url, "failed", translate("Autodiscover", "certificate not trusted ({why}): nothing sent").format(
            why=str(exc)), key)
        return ""
    except Unreachable:
        run.step(url, "failed", _NO_ANSWER, key)
        return ""
    except SignInRefused as exc:  # Kerberos: no password would have helped, so none is said to be wrong
        run.step(url, "failed", exc.words, key)
        return ""
    except HttpStatus as exc:
        if exc.location:
            run.step(url, "failed", _redirects_to(exc.location), key)
            return _redirect_url(run, exc.location, address)
        if exc.status == 401:
            run.password_refused = True
        run.step(url, "failed", _status_text(exc.status), key)
        return ""
    return _answered(run, url, key, answer, address)


def _answered(run: _Run, url: str, key: str, answer: PoxAnswer, address: str) -> str:
    if answer.action == "settings":
        online = is_exchange_online_url(answer.ews_url)
        run.step(url, "found", (_IN_365 if online else translate("Autodiscover", "EWS URL {url}").format(
            url=answer.ews_url)), key)
        raise _Found(Outcome(ews_url=answer.ews_url, exchange_online=online, address=run.email,
                             alternate_mailboxes=answer.alternate_mailboxes, tried=tuple(run.tried)))
    if answer.action == "redirectAddr" and answer.redirect:
        run.step(url, "failed", translate("Autodiscover", "redirects to the address {address}").format(
            address=answer.redirect), key)
        return _redirect_addr(run, answer.redirect)
    if answer.action == "redirectUrl" and answer.redirect:
        run.step(url, "failed", _redirects_to(answer.redirect), key)
        return _redirect_url(run, answer.redirect, address)
    run.step(url, "failed", answer.error or translate("Autodiscover", "no usable answer"), key)
    return ""


def _count_redirect(run: _Run) -> None:
    run.redirects += 1
    if run.redirects > MAX_REDIRECTS:
        raise _TooMany()


def _redirect_addr(run: _Run, new_address: str) -> str:
    _count_redirect(run)
    if is_exchange_online_address(new_address):
        run.step(new_address, "found", _IN_365)
        raise _Found(Outcome(exchange_online=True, address=run.email, tried=tuple(run.tried)))
    host = domain_of(new_address)
    if not in_domain(host, run.home) and host not in run.confirmed:
        if not _allowed(run, f"https://{host}/", "other_domain"):
            return ""
    return new_address


def _redirect_url(run: _Run, url: str, address: str) -> str:
    _count_redirect(run)
    if not _allowed(run, url, "other_domain"):
        return ""
    return _post(run, url, address)


def _http_probe(run: _Run, domain: str, address: str) -> str:
    from app.mail.ews.autodiscover import Unreachable

    run.check()
    url = http_probe_url(domain)
    key = run.step(url, "trying")
    try:
        location = run.transport.http_redirect(url)
    except Unreachable:
        run.step(url, "failed", _NO_ANSWER, key)
        return ""
    if not location:
        run.step(url, "failed", translate("Autodiscover", "no redirect"), key)
        return ""
    if not location.lower().startswith("https://"):
        run.step(url, "failed", translate("Autodiscover", "redirects to {location}: not https, not followed").format(
            location=location), key)
        return ""
    run.step(url, "failed", _redirects_to(location), key)
    _count_redirect(run)
    return _post(run, location, address) if _allowed(run, location, "http_redirect") else ""


def _srv(run: _Run, domain: str, address: str) -> str:
    run.check()
    name = srv_name(domain)
    key = run.step(f"DNS SRV {name}", "trying")
    records = run.transport.srv(name)
    if not records:
        run.step(f"DNS SRV {name}", "failed", translate("Autodiscover", "no record"), key)
        return ""
    target, port = records[0]
    url = srv_url(target, port)
    run.step(f"DNS SRV {name}", "failed", translate("Autodiscover", "names {target}").format(
        target=f"{target}:{port}"), key)
    _count_redirect(run)
    return _post(run, url, address) if _allowed(run, url, "srv") else ""


_IN_365 = translate("Autodiscover", "the mailbox is in Microsoft 365")
_NO_ANSWER = translate("Autodiscover", "no answer")


def _redirects_to(location: str) -> Words:
    return translate("Autodiscover", "redirects to {location}").format(location=location)


def _status_text(status: int) -> str:
    if status == 401:
        return translate("Autodiscover", "refused the user name or password (401)")
    if status == 404:
        return translate("Autodiscover", "no Autodiscover there (404)")
    return f"HTTP {status}"


def default_transport(resolver=None, ssl_context=None):
    """The production transport (system name resolution, dnspython for SRV, the system's certificates)."""
    from app.mail.ews.autodiscover import AutodiscoverTransport

    return AutodiscoverTransport(resolver, ssl_context)
