"""Microsoft 365 settings that need no network: which Microsoft cloud a sign-in authority belongs to (its
Graph endpoint and scopes follow it), the check of a Graph URL typed by a user or an administrator, the
registration steps the application ID needs, and the check of an organisation's defaults file
(app/storage/org_defaults.py reads it).

National clouds, from Microsoft's "Microsoft Graph national cloud deployments" page
(https://learn.microsoft.com/graph/deployments: "App registration and token service root endpoints" and
"Microsoft Graph and Graph Explorer service root endpoints"):

==================================  =================================  =====================================
cloud                               sign-in (Microsoft Entra ID)       Microsoft Graph
==================================  =================================  =====================================
global                              login.microsoftonline.com          https://graph.microsoft.com
US Government L4 (GCC High)         login.microsoftonline.us           https://graph.microsoft.us
US Government L5 (DoD)              login.microsoftonline.us           https://dod-graph.microsoft.us
China (operated by 21Vianet)        login.chinacloudapi.cn             https://microsoftgraph.chinacloudapi.cn
==================================  =================================  =====================================

The US Government cloud has one sign-in host for two Graph endpoints: ``login.microsoftonline.us`` gives
``graph.microsoft.us`` (GCC High, the larger one); a DoD tenant sets the Graph URL
``https://dod-graph.microsoft.us/v1.0`` (the dialog's Advanced part, or ``graph_url`` in the defaults file),
and the scopes follow that Graph URL. ``login.partner.microsoftonline.cn`` is the older name of the China
sign-in host (MSAL still knows it) and maps the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from app.domain.account import AccountConfig, Backend
from app.domain.validation import check_authority_url, check_graph_url, is_loopback_host
from app.domain.words import translate

GLOBAL_GRAPH = "https://graph.microsoft.com"
# Microsoft's public sign-in endpoint for work and school accounts (any tenant), and its cloud's Graph
DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations"
DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0"
# sign-in host -> the Graph service root it goes with (see the table above)
GRAPH_FOR_LOGIN_HOST = {
    "login.microsoftonline.com": GLOBAL_GRAPH,
    "login.microsoftonline.us": "https://graph.microsoft.us",
    "login.chinacloudapi.cn": "https://microsoftgraph.chinacloudapi.cn",
    "login.partner.microsoftonline.cn": "https://microsoftgraph.chinacloudapi.cn",
}
LOGIN_HOSTS = tuple(GRAPH_FOR_LOGIN_HOST)
GRAPH_HOSTS = ("graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn")
# The delegated permissions Dispatch asks for (why each: app/mail/graph/signin.py, DEFAULT_SCOPES).
GRAPH_PERMISSIONS = ("Mail.ReadWrite", "Mail.Send", "Mail.Send.Shared", "People.Read")
# The address book's directory permissions (app/mail/graph/directory.py), the least privileged delegated ones of List
# users and of List groups / List group members (learn.microsoft.com/graph/api/user-list, group-list,
# group-list-members). The sign-in does not ask for them: GroupMember.Read.All needs an administrator's consent, and
# asking for it would stop the sign-in of every organisation that has not given it. An organisation that grants them
# to Dispatch's registration finds them in the tokens the sign-in already gets (Entra ID adds the consented
# permissions of the resource to the token); otherwise the address book asks for each when it first needs it
# (incremental consent: app/mail/graph/directory_access.py, with_permission below), and where nobody consented
# gets DirectoryNotGranted naming the permission.
DIRECTORY_PERMISSIONS = ("User.ReadBasic.All", "GroupMember.Read.All")


def with_permission(scopes: tuple[str, ...], permission: str) -> tuple[str, ...]:
    """The sign-in's ``scopes`` and ``permission`` named under the same resource as them (incremental consent: a
    feature asks for its permission when it first needs it, learn.microsoft.com/entra/identity-platform/
    consent-types-developer, "Incremental and dynamic user consent")."""
    first = next((s for s in scopes if "/" in s), "")
    scope = first.rsplit("/", 1)[0] + "/" + permission if first else permission
    return tuple(scopes) + ((scope,) if scope not in scopes else ())


def graph_root_for_authority(authority: str) -> str | None:
    """The Graph service root of the cloud whose sign-in authority is ``authority``; None when the
    authority is none of Microsoft's (the sandbox's, on this computer): the caller keeps its own."""
    host = (urlsplit(authority or "").hostname or "").lower()
    return GRAPH_FOR_LOGIN_HOST.get(host)


def graph_root(graph_url: str) -> str:
    """``https://graph.microsoft.us/v1.0`` -> ``https://graph.microsoft.us`` (the scopes' prefix)."""
    parts = urlsplit(graph_url)
    return f"{parts.scheme}://{parts.netloc}"


def scopes_for(root: str) -> tuple[str, ...]:
    """Dispatch's delegated scopes for the Graph at ``root`` (a national cloud's scopes name its own
    Graph host: "Any permission scope value ... that contains the Microsoft Graph domain MUST use the domain
    of the Microsoft Graph service root endpoint for the national cloud deployment", Microsoft Graph SDKs,
    national clouds)."""
    return tuple(f"{root.rstrip('/')}/{p}" for p in GRAPH_PERMISSIONS)


def graph_account(email: str, client_id: str, authority: str = "", graph_url: str = "", *, extra: dict | None = None,
                  principals: list | None = None) -> AccountConfig:
    """A Microsoft 365 account as the account dialog's Microsoft 365 page and ``dispatch-mail account add
    --microsoft-365`` make it: its sign-in settings (application ID, authority: Microsoft's public one when none)
    in ``extra["graph_signin"]``, a Graph URL only when one is given (else it follows the authority's cloud).
    ``extra``: what the account had besides (a trusted certificate's pin is kept)."""
    email = email.strip()
    extra = dict(extra or {})
    signin = dict(extra.get("graph_signin") or {})
    signin["client_id"] = client_id.strip()
    signin["authority"] = authority.strip() or DEFAULT_AUTHORITY
    extra["graph_signin"] = signin
    if graph_url.strip():
        extra["graph_url"] = graph_url.strip()
    return AccountConfig(email=email, ews_url="", username=email, backend=Backend.GRAPH, extra=extra,
                         principals=list(principals or []))


def check_graph_endpoint(url: str) -> str | None:
    """The Graph URL someone typed or deployed: the rule of every secret-carrying URL (https, or http to this
    computer), and a Graph host of Microsoft's clouds or this computer (the sandbox). None if fine."""
    problem = check_graph_url(url)
    if problem:
        return problem
    host = (urlsplit(url).hostname or "").lower()
    if host in GRAPH_HOSTS or is_loopback_host(host):
        return None
    return translate("M365", "The Microsoft Graph URL names {host}, which is none of Microsoft's Graph hosts "
                     "({hosts}) nor this computer.").format(host=host, hosts=", ".join(GRAPH_HOSTS))


_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_TENANT_NAME = re.compile(r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
TENANT_WORDS = ("organizations", "common", "consumers")


def is_guid(text: str) -> bool:
    return bool(_GUID.fullmatch(text or ""))


def is_tenant(text: str) -> bool:
    """A tenant as the authority's path names it: its ID (a GUID), one of its domains (contoso.com,
    contoso.onmicrosoft.com) or organizations / common / consumers."""
    return text in TENANT_WORDS or is_guid(text) or bool(_TENANT_NAME.fullmatch(text or ""))


def check_authority(url: str) -> str | None:
    """An authority set by an administrator: the secret-URL rule, then a Microsoft sign-in host (or this
    computer) and one path segment naming the tenant. None if fine."""
    problem = check_authority_url(url)
    if problem:
        return problem
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host not in LOGIN_HOSTS and not is_loopback_host(host):
        return translate("M365", "The sign-in authority names {host}, which is none of Microsoft's sign-in hosts "
                         "({hosts}) nor this computer.").format(host=host, hosts=", ".join(LOGIN_HOSTS))
    tenant = parts.path.strip("/")
    if not is_loopback_host(host) and not is_tenant(tenant):
        return translate("M365", "The sign-in authority must end with the tenant: its ID, a domain of it, or "
                         "organizations (for example {example}).").format(example=f"https://{host}/organizations")
    return None


# ---- the organisation's defaults file ------------------------------------------------------------------
DEFAULTS_KEYS = ("client_id", "tenant", "authority", "graph_url")
_SECRET_WORDS = ("secret", "password", "passwd", "token", "credential", "private")


@dataclass
class OrgDefaults:
    """What an administrator set for Microsoft 365 sign-in (only valid values), and what was wrong."""

    values: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # sentences naming the file (and the key)
    sources: list = field(default_factory=list)  # the files that were read and used

    @property
    def client_id(self) -> str:
        return self.values.get("client_id", "")

    @property
    def authority(self) -> str:
        if self.values.get("authority"):
            return self.values["authority"]
        tenant = self.values.get("tenant")
        return f"https://login.microsoftonline.com/{tenant}" if tenant else ""

    @property
    def graph_url(self) -> str:
        return self.values.get("graph_url", "")


def parse_defaults(text: str, name: str) -> tuple[dict, str | None]:
    """The settings in one defaults file's ``text`` (``name`` is how the error names the file), or ({}, why
    not). Strict: a JSON object, known keys only, each value checked; a key that looks like a secret refuses
    the whole file (the file is readable by every user of the machine)."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        return {}, translate("M365", "{name} is not valid JSON ({error}, line {line}).").format(
            name=name, error=exc.msg, line=getattr(exc, "lineno", "?"))
    if not isinstance(doc, dict):
        return {}, translate("M365", "{name} must hold a JSON object ({example}).").format(
            name=name, example='{"client_id": ..., "tenant": ...}')
    for key in doc:
        if any(w in str(key).lower() for w in _SECRET_WORDS):
            return {}, translate("M365", "{name} holds \"{key}\", which looks like a secret: a defaults file must "
                                 "never hold one (Dispatch is a public client and needs none). The file was not "
                                 "used.").format(name=name, key=key)
    unknown = [k for k in doc if k not in DEFAULTS_KEYS]
    if unknown:
        return {}, translate("M365", "{name}: unknown key \"{key}\" (known: {known}). The file was not used.").format(
            name=name, key=unknown[0], known=", ".join(DEFAULTS_KEYS))
    for key, value in doc.items():
        problem = _check_value(key, value)
        if problem:
            return {}, translate("M365", "{name}: \"{key}\" {problem} The file was not used.").format(
                name=name, key=key, problem=problem)
    return dict(doc), None


def _check_value(key: str, value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return translate("M365", "must be a non-empty text.")
    if key == "client_id":
        return None if is_guid(value) else translate(
            "M365", "must be the application (client) ID, a GUID (8-4-4-4-12 hex digits).")
    if key == "tenant":
        return None if is_tenant(value) else translate(
            "M365", "must be the tenant's ID (a GUID), one of its domains, or organizations.")
    if key == "authority":
        problem = check_authority(value)
        return translate("M365", "is not accepted: {problem}").format(problem=problem) if problem else None
    problem = check_graph_endpoint(value)
    return translate("M365", "is not accepted: {problem}").format(problem=problem) if problem else None


# ---- the registration the application ID comes from ------------------------------------------------------
APP_ID_EXPLAINED = translate("M365", "The application ID identifies Dispatch to your organisation's Microsoft 365. "
                             "Your administrator registers Dispatch once for everyone and gives you the ID (or "
                             "deploys it, and then you only type your address).")


def registration_steps() -> str:
    """The steps an administrator follows to register Dispatch (plain text, for the clipboard; the user
    guide's "The application ID" says the same)."""
    return translate(
        "M365",
        "Register Dispatch in Microsoft Entra (once per organisation):\n"
        "1. Microsoft Entra admin center > App registrations > New registration.\n"
        "2. Name: Dispatch. Supported account types: Accounts in this organizational directory only.\n"
        "3. Redirect URI: platform \"Mobile and desktop applications\". Register.\n"
        "4. Manifest: add the loopback redirect to \"replyUrlsWithType\":\n"
        "   {redirect}\n"
        "5. Authentication: Allow public client flows: Yes (for the device code).\n"
        "6. API permissions: Microsoft Graph, delegated: {permissions}. Grant admin consent if your policy asks.\n"
        "7. Give users the Application (client) ID and the tenant ID, or deploy them in\n"
        "   {defaults}\n"
        "No client secret is needed: never put one in the defaults file.").format(
        redirect='{"url": "http://127.0.0.1", "type": "InstalledClient"}', permissions=", ".join(GRAPH_PERMISSIONS),
        defaults='/etc/dispatch/defaults.json: {"client_id": "<application ID>", "tenant": "<tenant ID>"}')
