"""Validation of what the user typed. Returns errors; never raises on bad input."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.domain.extras import flag_problem, headers_problems
from app.domain.models import Draft, Recipient
from app.domain.recipient_spans import entry_spans
from app.domain.addresses import MAX_RECIPIENTS, _printable, is_valid_address, printable  # noqa: F401
from app.domain.sizes import DEFAULT_MAX_SEND_BYTES, human_size  # noqa: F401
from app.domain.words import Number, translate

MAX_SUBJECT = 255  # characters: Exchange's (and Graph's) limit for an item's Subject
MAX_ADDRESS = 255  # characters of a recipient's EmailAddress (exchangelib refuses a longer one before sending)
# Drafts sent in ONE send request (EWS SendItem). The schema sets no count (its ItemIds list is unbounded)
# and Exchange documents none; what it limits is time: "EWS limits the execution time of a batch request to
# one minute", and it checks the sender's budget after each item ("EWS throttling in Exchange", Throttling
# implications for EWS batch requests). 250 stays well inside that minute; exchangelib's 100 is the
# library's own default, not the server's. Graph's $batch holds at most 20 (its backend chunks by itself).
SEND_BATCH_LIMIT = 250


@dataclass(frozen=True)
class FieldError:
    """An error tied to a field of the composer ("to", "cc", "bcc", "reply_to", "subject", "body", "attachments").

    ``token`` is the offending piece of text (an address, a file name) so the UI can mark it inline.
    """

    field: str
    message: str
    token: str = ""


def _split_entries(text: str) -> list[str]:
    """Split on commas/semicolons that are not inside quotes or angle brackets."""
    return [text[start:end] for start, end in entry_spans(text)]


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1]
        name = re.sub(r"\\(.)", r"\1", name)
    return name.strip()


def parse_recipients(text: str, field: str = "to") -> tuple[list[Recipient], list[FieldError]]:
    """Parse ``Name <addr>`` or bare addresses separated by commas or semicolons."""
    recipients: list[Recipient] = []
    errors: list[FieldError] = []
    seen: set[str] = set()
    for entry in _split_entries(text or ""):
        if any(unicodedata.category(c) == "Cc" for c in entry):
            errors.append(FieldError(field, translate("Validation", "“{entry}” contains control characters.").format(
                entry=_printable(entry)), entry))
            continue
        m = re.fullmatch(r"(.*?)<([^<>]*)>\s*", entry, flags=re.S)
        if m:
            name, addr = _unquote(m.group(1)), m.group(2).strip()
        else:
            name, addr = "", entry
        if not is_valid_address(addr):
            if "@" not in addr:
                msg = translate("Validation", "“{address}” is not an e-mail address (no @).").format(
                    address=_printable(addr or entry))
            else:
                msg = translate("Validation", "“{address}” is not a valid e-mail address.").format(
                    address=_printable(addr))
            errors.append(FieldError(field, msg, entry))
            continue
        key = addr.lower()
        if key in seen:
            continue
        seen.add(key)
        recipients.append(Recipient(email=addr, name=name))
    return recipients, errors


def sendable(entry) -> bool:
    """``entry`` ("Name <addr>" or an address) is one recipient a message can be sent to: what an address field
    may suggest and the recent recipients may keep."""
    if not isinstance(entry, str):
        return False
    found, errors = parse_recipients(entry)
    return len(found) == 1 and not errors


def recipients_as_typed(text: str, field: str = "to") -> list[Recipient]:
    """Every entry of a recipient field, for a draft (which may hold anything): valid entries parsed
    (``Name <addr>``, duplicates dropped), an unfinished one kept whole as typed (``Recipient(email=entry)``,
    shown again exactly as it was: ``Recipient.display()`` gives the entry back). Sending refuses them
    (:func:`validate_draft`); saving keeps them."""
    valid, _errors = parse_recipients(text, field)
    by_addr = {r.email.lower(): r for r in valid}
    out: list[Recipient] = []
    for entry in _split_entries(text or ""):
        parsed = parse_recipients(entry, field)[0]
        if not parsed:
            out.append(Recipient(email=entry))
            continue
        r = by_addr.pop(parsed[0].email.lower(), None)
        if r is not None:
            out.append(r)
    return out


def parse_categories(text: str) -> list[str]:
    """Categories as typed in one field: separated by commas or semicolons, spaces trimmed, each once
    (the first spelling kept; Outlook compares category names without regard to case)."""
    out: list[str] = []
    for word in re.split(r"[,;]", text or ""):
        word = " ".join(word.split())
        if word and word.casefold() not in (c.casefold() for c in out):
            out.append(word)
    return out


def format_recipients(recipients: list[Recipient]) -> str:
    return ", ".join(r.display() for r in recipients)


_BAD_NAME_CHARS = set('/\\')


def validate_attachment_name(name: str) -> list[FieldError]:
    errors = []
    if not name or not name.strip():
        errors.append(FieldError("attachments", translate("Validation", "An attachment has no name."), name))
    elif any(c in _BAD_NAME_CHARS for c in name):
        errors.append(FieldError("attachments", translate("Validation", "“{name}” contains a path separator.").format(
            name=_printable(name)), name))
    elif any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200d" for c in name):
        errors.append(FieldError("attachments", translate("Validation", "“{entry}” contains control characters.").format(
            entry=_printable(name)), name))
    elif len(name) > 255:
        errors.append(FieldError("attachments", translate("Validation", "An attachment name is longer than 255 characters."),
                                 name))
    return errors


def safe_attachment_name(name: str) -> str:
    """A cleaned-up version of a file name: path parts and control characters removed."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf"))
    base = base.strip().strip(".") or "attachment"
    return base[:255]


def validate_draft(
    draft: Draft,
    *,
    for_send: bool,
    max_send_bytes: int = DEFAULT_MAX_SEND_BYTES,
) -> list[FieldError]:
    """Check a draft before saving (``for_send=False``) or sending. Saving needs far less."""
    errors: list[FieldError] = []
    if len(draft.subject) > MAX_SUBJECT:
        errors.append(FieldError("subject", translate(
            "Validation", "The subject has {length} characters; Exchange allows at most {limit}. Shorten it by "
            "{over}.").format(length=Number(len(draft.subject)), limit=Number(MAX_SUBJECT),
                       over=Number(len(draft.subject) - MAX_SUBJECT))))
    # what no save can store (Exchange's EmailAddress: 255 characters)
    for fname in ("to", "cc", "bcc", "reply_to"):
        for r in getattr(draft, fname):
            if len(r.email) > MAX_ADDRESS:
                errors.append(FieldError(fname, translate(
                    "Validation", "“{address}” has {length} characters; an address can have at most {limit}. "
                    "Shorten or remove it.").format(address=_printable(r.email), length=Number(len(r.email)),
                                                    limit=Number(MAX_ADDRESS)), r.email))
    if for_send:  # a draft may hold an unfinished address; only sending needs every one to be right
        for fname in ("to", "cc", "bcc", "reply_to"):
            for r in getattr(draft, fname):
                if len(r.email) <= MAX_ADDRESS and not is_valid_address(r.email):
                    errors.append(FieldError(fname, translate(
                        "Validation", "“{address}” is not a valid e-mail address.").format(
                        address=_printable(r.email)), r.email))
    errors.extend(FieldError("headers", p) for p in headers_problems(draft.headers))
    if flag_problem(draft.flag):
        errors.append(FieldError("flag", flag_problem(draft.flag)))
    for a in draft.attachments:
        errors.extend(validate_attachment_name(a.name))
        if a.byte_size > max_send_bytes:
            errors.append(
                FieldError(
                    "attachments",
                    translate("Validation", "“{name}” is {size}; the server accepts at most {limit} per "
                              "message.").format(name=_printable(a.name), size=human_size(a.byte_size),
                                                 limit=human_size(max_send_bytes)),
                    a.name,
                )
            )
    if for_send:
        if not draft.all_recipients():
            errors.append(FieldError("to", translate("Validation", "Add at least one recipient before sending.")))
        if len(draft.all_recipients()) > MAX_RECIPIENTS:
            errors.append(
                FieldError("to", translate(
                    "Validation", "{count} recipients (To, Cc and Bcc together); the server allows at most {limit} "
                    "per message. Split the list across several messages.").format(
                    count=Number(len(draft.all_recipients())), limit=Number(MAX_RECIPIENTS)))
            )
        if draft.total_size() > max_send_bytes and not any(e.field == "attachments" for e in errors):
            atts = sum(a.byte_size for a in draft.attachments)
            big_body = len(draft.body) > atts  # say where the bulk is: the text or the files
            errors.append(
                FieldError(
                    "body" if big_body else "attachments",
                    (translate("Validation", "Too large to send: the message is about {size}; the server accepts "
                               "at most {limit} per message. Shorten the text; you can still save it as a draft.")
                     if big_body else
                     translate("Validation", "Too large to send: the message is about {size}; the server accepts "
                               "at most {limit} per message. Remove an attachment or send the files in several "
                               "messages.")).format(size=human_size(draft.total_size()),
                                                    limit=human_size(max_send_bytes)),
                )
            )
    return errors


# ---- the EWS endpoint ---------------------------------------------------------------------------------
EWS_URL_EXAMPLE = "https://mail.company.com/EWS/Exchange.asmx"
# host[:port] or [IPv6]:port, nothing else (e.g. "[::1]evil.com" is refused, not guessed at)
_NETLOC_RE = re.compile(r"(?:\[[0-9A-Za-z:.%]+\]|[^\[\]:@]+)(?::[0-9]*)?")


def is_loopback_host(host: str) -> bool:
    """True only for a name that can only mean this computer: ``localhost`` or a loopback IP literal
    (127.0.0.0/8, ::1, ::ffff:127.x.x.x). ``127.0.0.1.evil.com``, ``localhost.evil.com``, ``foo.localhost``
    (a resolver may send it anywhere), ``127.1`` and ``2130706433`` are not."""
    import ipaddress

    host = (host or "").strip("[]").lower()
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)


def check_ews_url(url: str) -> str | None:
    """None if ``url`` may be used as the EWS endpoint, else why not (a sentence for the user).

    The password goes with every request (Basic: base64 of it; NTLM: a hash worth cracking): the rule of
    :func:`check_secret_url`."""
    return check_secret_url(url, EWS_URL, EWS_URL_EXAMPLE, translate("Validation", "the password"))


# ---- every URL that carries a secret ----------------------------------------------------------
EWS_URL = translate("Validation", "The EWS URL")
GRAPH_URL = translate("Validation", "The Microsoft Graph URL")
GRAPH_URL_EXAMPLE = "https://graph.microsoft.com/v1.0"
AUTHORITY_URL = translate("Validation", "The sign-in authority")
AUTHORITY_URL_EXAMPLE = "https://login.microsoftonline.com/organizations"
UPLOAD_URL = translate("Validation", "The upload address the server gave")
UPLOAD_URL_EXAMPLE = "https://outlook.office.com/api/v2.0/..."
# "Enter ..." for each URL: the name inside a sentence (French and German do not lower a first letter)
_ENTER = {
    EWS_URL: translate("Validation", "Enter the EWS URL (for example {example})."),
    GRAPH_URL: translate("Validation", "Enter the Microsoft Graph URL (for example {example})."),
    AUTHORITY_URL: translate("Validation", "Enter the sign-in authority (for example {example})."),
    UPLOAD_URL: translate("Validation", "Enter the upload address the server gave (for example {example})."),
}


def check_graph_url(url: str) -> str | None:
    """The rule of :func:`check_secret_url` for the Graph endpoint (every request carries the bearer token)."""
    return check_secret_url(url, GRAPH_URL, GRAPH_URL_EXAMPLE, translate("Validation", "the sign-in token"))


def check_authority_url(url: str) -> str | None:
    """... for the sign-in authority (it receives the authorization code and the refresh token)."""
    return check_secret_url(url, AUTHORITY_URL, AUTHORITY_URL_EXAMPLE, translate("Validation", "the sign-in"))


def check_upload_url(url: str) -> str | None:
    """... for an upload session's URL (pre-authenticated: the URL itself is the key, and the file goes too)."""
    return check_secret_url(url, UPLOAD_URL, UPLOAD_URL_EXAMPLE,
                            translate("Validation", "the attachment and the upload key"))


def check_secret_url(url: str, name: str, example: str, secret: str) -> str | None:
    """None if ``url`` may carry ``secret``, else why not (a sentence for the user, starting with ``name``).

    Plain ``http://`` is accepted only when the server is this computer (the built-in sandbox). Also refused:
    other schemes, no server name, a user name or password inside the URL, spaces, control characters
    and backslashes (parsers disagree about where the host ends when those are present)."""
    if not url:
        enter = _ENTER.get(name)
        if enter is None:
            return f"Enter {_lower_first(name)} (for example {example})."
        return enter.format(example=example)
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in url):
        return translate("Validation", "{name} contains spaces or control characters.").format(name=name)
    if "\\" in url:
        return translate("Validation", "{name} contains a backslash (\\); a URL uses forward slashes (/).").format(
            name=name)
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return translate("Validation", "{name} is not a valid URL (for example {example}).").format(
            name=name, example=example)
    if parts.scheme not in ("http", "https"):
        return translate("Validation", "{name} must start with https:// (for example {example}).").format(
            name=name, example=example)
    if "@" in parts.netloc:
        return translate("Validation", "{name} must not contain a user name or password (the part before @); "
                         "enter them in their own fields.").format(name=name)
    if not host:
        return translate("Validation", "{name} has no server name (for example {example}).").format(
            name=name, example=example)
    if not _NETLOC_RE.fullmatch(parts.netloc):
        return translate("Validation", "{name} is not a valid URL (for example {example}).").format(
            name=name, example=example)
    if parts.scheme == "http" and not is_loopback_host(host):
        return translate("Validation", "{name} must start with https://. Over http:// {secret} would go to {host} "
                         "in clear text; http:// is accepted only for this computer (localhost, 127.0.0.1, "
                         "::1).").format(name=name, secret=secret, host=_printable(host))
    return None


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def account_url_problem(account) -> str | None:
    """Why the stored account must not be used (a URL set in it would carry a secret in clear text), or None.

    Each URL the account names that receives a secret: EWS its URL (the password); Microsoft 365 the Graph
    URL (the bearer token) and the sign-in authority (the code and refresh token), when ``extra`` names
    them (absent: Microsoft's own https endpoints). The sandbox's URLs are made at each start (loopback)."""
    if getattr(account, "sandbox", False):
        return None
    for value, check in _secret_urls(account):
        if value:  # not text (an edited file): checked as its text, which no rule accepts
            problem = check(value if isinstance(value, str) else str(value))
            if problem:
                return problem
    return None


def _secret_urls(account) -> list:
    if account.backend.value != "graph":
        return [(account.ews_url, check_ews_url)]
    extra = account.extra if isinstance(account.extra, dict) else {}
    signin = extra.get("graph_signin")
    signin = signin if isinstance(signin, dict) else {}
    return [(extra.get("graph_url", ""), check_graph_url), (signin.get("authority", ""), check_authority_url)]
