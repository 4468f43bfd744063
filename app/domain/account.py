"""Account settings as plain data. The password is never part of this object's saved form."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field

from app.domain.senders import Principal
from app.domain.words import translate


class AuthType(str, enum.Enum):
    """How the account signs in to Exchange. AUTOMATIC follows the server's offer (its first 401's
    ``WWW-Authenticate``): Negotiate with the user's Kerberos ticket, then NTLM, then Basic; the others are chosen
    by hand and always win."""

    AUTOMATIC = "automatic"
    BASIC = "basic"
    NTLM = "ntlm"
    KERBEROS = "kerberos"


# how each method is named to the user ("Signed in with Kerberos as ...")
AUTH_NAMES = {AuthType.AUTOMATIC: "Automatic", AuthType.BASIC: "Basic", AuthType.NTLM: "NTLM",
              AuthType.KERBEROS: "Kerberos"}


def signed_in_words(account: "AccountConfig") -> str:
    """"Signed in with Kerberos as alice@CONTOSO.COM" from the last sign-in ("" before the first)."""
    try:
        method = AUTH_NAMES[AuthType(account.auth_used)]
    except (ValueError, KeyError):
        return ""
    if not account.signed_in_as:
        return translate("Account", "Signed in with {method}").format(method=method)
    return translate("Account", "Signed in with {method} as {name}").format(method=method, name=account.signed_in_as)


class Backend(str, enum.Enum):
    EWS = "ews"
    GRAPH = "graph"  # Microsoft Graph (Microsoft 365 sign-in): app/mail/graph


@dataclass
class AccountConfig:
    email: str
    ews_url: str
    username: str
    auth_type: AuthType = AuthType.BASIC
    verify_tls: bool = True
    # SHA-256 fingerprint (hex, colon separated) of a certificate the user chose to trust explicitly.
    pinned_cert_sha256: str = ""
    backend: Backend = Backend.EWS
    sandbox: bool = False
    # Cached after the first connect so later starts skip the version probe (e.g. "15.1.2507.6").
    server_build: str = ""
    server_version_name: str = ""
    extra: dict = field(default_factory=dict)
    # the method the last sign-in used ("kerberos", "ntlm", "basic"; "" none yet): what Automatic chose
    auth_used: str = ""
    # whom the server knew it as then (the Kerberos principal, else the user name)
    signed_in_as: str = ""
    # the mailboxes this account may send as or on behalf of, besides its own
    principals: list[Principal] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Scopes everything kept locally (journal entries, the send queue, recent recipients) to this
        account. The sandbox mailbox is keyed by its address alone: its URL changes at every start."""
        if self.sandbox:  # through Graph the item ids differ: its own journal and queue
            way = "graph:" if self.backend == Backend.GRAPH else ""
            return f"sandbox:{way}{self.email.strip().lower()}"
        return f"{self.backend.value}:{self.email.strip().lower()}|{self.ews_url.strip()}"

    def to_json(self) -> dict:
        d = asdict(self)
        d["auth_type"] = self.auth_type.value
        d["backend"] = self.backend.value
        d["principals"] = [p.to_json() for p in self.principals]
        return d

    @classmethod
    def from_json(cls, d: dict) -> "AccountConfig":
        d = dict(d)
        d.pop("password", None)  # never read a password from config, even if someone put one there
        d["auth_type"] = AuthType(d.get("auth_type", "basic"))
        d["backend"] = Backend(d.get("backend", "ews"))
        raw = d.get("principals")
        d["principals"] = [p for p in map(Principal.from_json, raw if isinstance(raw, list) else []) if p]
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})
