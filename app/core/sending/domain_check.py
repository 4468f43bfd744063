"""Does a recipient's domain exist? A typing mistake in a domain ("bob@exmaple.com") is refused by the commands
(``dispatch-mail send``/``sendmail``: 65, before anything is queued) and asked about in the window ("Send
anyway?") when the DNS answers that the domain does not exist. No Qt.

- **Only NXDOMAIN counts** (RFC 8020: nothing exists at or under that name). NODATA (the name exists, with no MX
  record) is not NXDOMAIN: mail may still go to its address record (RFC 5321 5.1), so it is never refused.
- **Never in the way.** One look-up waits at most :data:`LOOKUP_SECONDS` (1 s), and a message's look-ups, run
  together on worker threads (dnspython's blocking resolver, off the event loop and the window's thread), at most
  that together. A resolver that cannot be reached, a slow one, a SERVFAIL or no resolver configuration is no
  answer: nothing is said, nothing is refused, and the send goes on.
- **Cached** per process: an answer for :data:`ANSWER_SECONDS`, no answer for :data:`NO_ANSWER_SECONDS` (so a
  resolver that is down costs its second once, not at every send); a look-up still running when its second is
  over fills the cache when it ends.
- **Which domains**: each recipient's, less the account's own and those of the mailboxes it sends from (the
  organisation's directory knows those, not the DNS), address literals, and the names kept for documentation
  and tests (RFC 2606, RFC 6761: ``example.com``, ``.example``, ``.test``, ``.invalid``, ``.localhost``…).
  An account whose server is this computer (the sandbox, a test server on loopback) delivers its mail there and
  is not checked unless ``DISPATCH_DNS`` names a resolver.

``DISPATCH_DNS`` (:data:`SETTING`): unset or ``system``: the system's resolver (``/etc/resolv.conf``); ``off``: no
look-up at all; ``HOST[:PORT]`` (several, comma-separated): these resolvers (the tests run one on 127.0.0.1).
The look-ups tell the resolver each recipient's domain (never the address): docs/security.md says so.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import urlsplit

from app.domain.account import AccountConfig
from app.domain.models import Draft, Recipient
from app.domain.send_checks import SendWarning
from app.domain.validation import is_loopback_host
from app.domain.words import translate

SETTING = "DISPATCH_DNS"
LOOKUP_SECONDS = 1.0
ANSWER_SECONDS = 3600.0
NO_ANSWER_SECONDS = 60.0
# names that never reach the DNS as real mail domains (RFC 2606, RFC 6761)
RESERVED = ("example.com", "example.net", "example.org", "example", "test", "invalid", "localhost", "local")

MISSING, EXISTS, NO_ANSWER = "missing", "exists", "no answer"


@dataclass(frozen=True)
class Resolvers:
    """Where the look-ups go: ``servers`` ((host, port) pairs; empty: the system's resolver), or nowhere (``off``)."""

    off: bool = False
    servers: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_setting(cls, text: str | None) -> "Resolvers":
        text = (text or "").strip()
        if text.lower() in ("", "system"):
            return cls()
        if text.lower() in ("off", "0", "no", "none"):
            return cls(off=True)
        servers = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            host, port = _host_port(part)
            if host is None:
                return cls(off=True)  # a setting that cannot be read asks no one rather than a guess
            servers.append((host, port))
        return cls(servers=tuple(servers))

    @property
    def named(self) -> bool:
        """The setting names the resolvers (then an account on this computer is checked too)."""
        return bool(self.servers)


def _host_port(text: str) -> tuple[str | None, int]:
    """``127.0.0.1:5353``, ``[::1]:53``, ``9.9.9.9`` -> (host, port); (None, 0) when it is no IP address."""
    parsed = urlsplit(f"//{text}")
    try:
        port = parsed.port or 53
        host = parsed.hostname or ""
        ipaddress.ip_address(host)
    except ValueError:
        return None, 0
    return host, port


# the look-ups' own threads (plain Python ones, not the event loop's executor: under the window that is Qt's
# threads, which must not outlive it); each look-up ends within its second, so they never hold up an exit long
_LOOK_UPS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="dns-look-up")


class DomainCheck:
    """The look-ups of one process, cached. ``resolvers`` where they go; ``clock`` the cache's time (injected)."""

    def __init__(self, resolvers: Resolvers, *, clock: Callable[[], float] = time.monotonic,
                 timeout: float = LOOKUP_SECONDS):
        self.resolvers, self.clock, self.timeout = resolvers, clock, timeout
        self._cache: dict[str, tuple[str, float]] = {}
        self._running: dict[str, asyncio.Future] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ the question
    async def missing(self, domains: Iterable[str], wait: bool = True) -> list[str]:
        """Those of ``domains`` the DNS says do not exist, within :attr:`timeout` in all (in ``domains``' order).
        ``wait=False``: only what is known now; the look-ups of the others start and fill the cache, nothing waits
        for them (the window's Send: a slow resolver never delays it)."""
        if self.resolvers.off:
            return []
        wanted = list(dict.fromkeys(d.lower().rstrip(".") for d in domains if d))
        pending = [self._look_up(d) for d in wanted if self._known(d) is None]
        if pending and wait:
            await asyncio.wait(pending, timeout=self.timeout)
        return [d for d in wanted if self._known(d) == MISSING]

    def answered(self, domain: str) -> bool:
        """Is an answer about ``domain`` known now (exists, missing or none came)?"""
        return self._known(domain.lower().rstrip(".")) is not None

    def _known(self, domain: str) -> str | None:
        with self._lock:
            got = self._cache.get(domain)
        if got is None or got[1] <= self.clock():
            return None
        return got[0]

    def _look_up(self, domain: str) -> asyncio.Future:
        """The look-up of ``domain`` on a worker thread (one at a time per domain); it fills the cache when it ends."""
        running = self._running.get(domain)
        if running is not None and not running.done() and running.get_loop() is asyncio.get_running_loop():
            return running
        task = asyncio.ensure_future(asyncio.get_running_loop().run_in_executor(_LOOK_UPS, self._ask, domain))
        self._running[domain] = task
        task.add_done_callback(lambda t, d=domain: self._remember(d, t))
        return task

    def _remember(self, domain: str, task: asyncio.Future) -> None:
        verdict = NO_ANSWER if task.cancelled() or task.exception() is not None else task.result()
        keep = NO_ANSWER_SECONDS if verdict == NO_ANSWER else ANSWER_SECONDS
        with self._lock:
            self._cache[domain] = (verdict, self.clock() + keep)
        if self._running.get(domain) is task:
            del self._running[domain]

    def _ask(self, domain: str) -> str:
        """One look-up (MX: the record mail uses; its absence is NODATA, not NXDOMAIN), on a worker thread."""
        import dns.exception
        import dns.resolver

        try:
            resolver = self._resolver()
            resolver.resolve(domain + ".", "MX", search=False, raise_on_no_answer=False, lifetime=self.timeout)
        except dns.resolver.NXDOMAIN:
            return MISSING
        except (dns.exception.DNSException, OSError, ValueError):
            return NO_ANSWER  # a timeout, SERVFAIL, no nameserver, no configuration, a name dnspython cannot write
        return EXISTS

    def _resolver(self):
        import dns.nameserver
        import dns.resolver

        if not self.resolvers.servers:
            resolver = dns.resolver.Resolver()
        else:
            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = [dns.nameserver.Do53Nameserver(host, port) for host, port in self.resolvers.servers]
        resolver.timeout = resolver.lifetime = self.timeout
        resolver.retry_servfail = False
        return resolver


_shared: DomainCheck | None = None
_shared_setting: str | None = None


def shared(env: dict | None = None) -> DomainCheck:
    """This process's check, made from ``DISPATCH_DNS`` (made again when the setting changed)."""
    global _shared, _shared_setting
    text = (env if env is not None else os.environ).get(SETTING, "")
    if _shared is None or text != _shared_setting:
        _shared, _shared_setting = DomainCheck(Resolvers.from_setting(text)), text
    return _shared


# ---------------------------------------------------------------------- which domains, and the words
def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def to_check(people: Iterable[Recipient], account: AccountConfig, resolvers: Resolvers) -> dict[str, str]:
    """The domains to look up for ``people`` (domain -> the first address that has it): none for an account
    whose server is this computer (unless the setting names a resolver); never the account's own domains, an
    address literal or a reserved name."""
    if resolvers.off or (not resolvers.named and _on_this_computer(account)):
        return {}
    own = {domain_of(account.email), *(domain_of(p.email) for p in account.principals)}
    out: dict[str, str] = {}
    for r in people:
        d = domain_of(r.email)
        if d and d not in own and not _reserved(d) and d not in out:
            out[d] = r.email.strip()
    return out


def _reserved(domain: str) -> bool:
    if domain.startswith("[") or "." not in domain:  # an address literal, or a name of one label (intranet)
        return True
    try:
        ipaddress.ip_address(domain)
        return True
    except ValueError:
        pass
    return any(domain == r or domain.endswith("." + r) for r in RESERVED)


def _on_this_computer(account: AccountConfig) -> bool:
    """The sandbox, or a server on loopback: its mail never meets the DNS's idea of a domain."""
    if account.sandbox:
        return True
    urls = [account.ews_url, str((account.extra or {}).get("graph_url", ""))]
    return any(is_loopback_host(urlsplit(u).hostname or "") for u in urls if u)


async def missing_addresses(people: Iterable[Recipient], account: AccountConfig,
                            check: DomainCheck | None = None, wait: bool = True) -> list[tuple[str, str]]:
    """(address, domain) for each recipient domain the DNS says does not exist (empty when none, or no answer);
    ``wait=False``: only the answers known now (:meth:`DomainCheck.missing`)."""
    check = check or shared()
    wanted = to_check(people, account, check.resolvers)
    if not wanted:
        return []
    return [(wanted[d], d) for d in await check.missing(wanted, wait=wait)]


def warnings_for(account: AccountConfig, check: DomainCheck | None = None, wait: bool = True):
    """For :meth:`app.core.sending.request.Sending.send_draft`: a draft's "Send anyway?" words about domains that do not
    exist. The window passes ``wait=False``: its look-ups start as a recipient field is left, and Send asks about
    the answers known by then, never waiting for one (a slow resolver never delays a send)."""
    async def warnings(draft: Draft) -> list[SendWarning]:
        return [SendWarning("domain_missing", translate(
            "SendChecks", "The domain of “{address}” does not exist (the DNS has no “{domain}”): a typing "
                          "mistake?").format(address=address, domain=domain), domain)
                for address, domain in await missing_addresses(draft.all_recipients(), account, check, wait)]
    return warnings


def command_refusal(found: list[tuple[str, str]]) -> str:
    """The command's words for a refusal (65): every address whose domain does not exist."""
    named = ", ".join(f"“{a}” (no domain “{d}”)" for a, d in found)
    return (f"The DNS says a recipient's domain does not exist: {named}. A typing mistake? Nothing was sent "
            f"(set {SETTING}=off to send without this check).")
