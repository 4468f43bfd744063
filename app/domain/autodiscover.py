"""What Autodiscover (finding the EWS URL from an e-mail address, as Outlook does) works with: the endpoints it
tries for a domain, in Outlook's order, the answers a POX Autodiscover endpoint gives, the steps it reports
and the questions it asks. Pure data and rules; the plan itself is app/core/accounts/autodiscover.py, the HTTP and XML
app/mail/ews/autodiscover.py.

Microsoft's "Autodiscover for Exchange" / "Generate a list of Autodiscover endpoints": for the domain of the
address, first ``https://<domain>/autodiscover/autodiscover.xml``, then ``https://autodiscover.<domain>/
autodiscover/autodiscover.xml``, then an unauthenticated GET of ``http://autodiscover.<domain>/autodiscover/
autodiscover.xml`` that may answer a 302 to an https URL, then the DNS SRV record ``_autodiscover._tcp.<domain>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.domain.words import translate

AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml"
# "The client application should stop redirecting after 10 redirects." (Microsoft, RedirectUrl (POX):
# learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/redirecturl-pox). Counted over
# every redirect of one search: redirectAddr, redirectUrl, an HTTP 302 and an SRV record.
MAX_REDIRECTS = 10
# The hosts of Exchange Online's EWS (the worldwide service and Microsoft's national clouds): an answer
# naming one of these says the mailbox is in Microsoft 365, which takes Microsoft sign-in, not a password.
EXCHANGE_ONLINE_HOSTS = ("outlook.office365.com", "outlook.office365.us", "outlook-dod.office365.us",
                         "partner.outlook.cn", "outlook.office.de")
# The domains of Microsoft 365 tenants' own addresses: a redirectAddr to one of them is Exchange Online's
# way of saying "this mailbox lives in Microsoft 365" (hybrid deployments answer so for moved mailboxes).
EXCHANGE_ONLINE_DOMAINS = ("onmicrosoft.com", "onmicrosoft.us", "partner.onmschina.cn")


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def in_domain(host: str, domain: str) -> bool:
    """Whether ``host`` is ``domain`` or a name under it (mail.example.com is in example.com)."""
    host, domain = host.lower().rstrip("."), domain.lower().rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def domain_urls(domain: str) -> list[str]:
    """The two https endpoints tried with the password, in Outlook's order."""
    return [f"https://{domain}{AUTODISCOVER_PATH}", f"https://autodiscover.{domain}{AUTODISCOVER_PATH}"]


def http_probe_url(domain: str) -> str:
    """The unauthenticated http endpoint: only a 302 to an https URL is taken from it."""
    return f"http://autodiscover.{domain}{AUTODISCOVER_PATH}"


def srv_name(domain: str) -> str:
    return f"_autodiscover._tcp.{domain}"


def srv_url(host: str, port: int) -> str:
    return f"https://{host}{'' if port == 443 else f':{port}'}{AUTODISCOVER_PATH}"


def is_exchange_online_url(url: str) -> bool:
    host = host_of(url)
    return any(host == h for h in EXCHANGE_ONLINE_HOSTS)


def is_exchange_online_address(address: str) -> bool:
    return any(in_domain(domain_of(address), d) for d in EXCHANGE_ONLINE_DOMAINS)


@dataclass(frozen=True)
class AlternateMailbox:
    """A mailbox the user may open (Full Access; Autodiscover's AlternateMailboxes, type "Delegate")."""

    smtp_address: str
    display_name: str = ""
    kind: str = "Delegate"


@dataclass(frozen=True)
class PoxAnswer:
    """What one POX Autodiscover endpoint answered (Account/Action, or an Error)."""

    action: str  # "settings" | "redirectAddr" | "redirectUrl" | "error"
    ews_url: str = ""  # EXCH's EwsUrl (the internal one), else EXPR's (Outlook Anywhere's external one)
    redirect: str = ""  # the address (redirectAddr) or URL (redirectUrl)
    error: str = ""  # Error/Message, or why the answer could not be read
    alternate_mailboxes: tuple[AlternateMailbox, ...] = ()


@dataclass(frozen=True)
class Step:
    """One thing tried, as it goes: ``key`` names it (the same key is reported "trying", then its end)."""

    key: str
    text: str  # what is tried: "https://example.com/autodiscover/autodiscover.xml"
    state: str  # "trying" | "found" | "failed" | "skipped"
    detail: str = ""  # "no answer", "refused the password (401)", "redirect to …"


@dataclass(frozen=True)
class Question:
    """A host the password would go to that the user has not confirmed: an http redirect's https target,
    an SRV record's target, a redirect to another domain. The answer is the caller's confirm callback's."""

    kind: str  # "http_redirect" | "srv" | "other_domain"
    host: str
    url: str
    text: str


@dataclass(frozen=True)
class Outcome:
    """The end of a search: ``ews_url`` found (or ``exchange_online``: use Microsoft 365 sign-in for
    ``address``), else ``tried`` says what was tried and why each failed, ``advice`` what to type instead."""

    ews_url: str = ""
    exchange_online: bool = False
    address: str = ""
    alternate_mailboxes: tuple[AlternateMailbox, ...] = ()
    tried: tuple[Step, ...] = field(default_factory=tuple)
    advice: str = ""

    @property
    def found(self) -> bool:
        return bool(self.ews_url) and not self.exchange_online


def advice_for(domain: str, password_refused: bool) -> str:
    """What to type instead when nothing was found."""
    if password_refused:
        return translate("Autodiscover", "The server refused the user name or password: check them (the user name "
                         "may be DOMAIN\\user), or type the EWS URL.")
    return translate("Autodiscover", "Type the EWS URL instead (ask your administrator; it often looks like "
                     "{example}).").format(example=f"https://mail.{domain or 'company.com'}/EWS/Exchange.asmx")
