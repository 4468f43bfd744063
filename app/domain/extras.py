"""Custom Internet headers (``X-...``) and the follow-up flag of a message: their types and their checks.

Both are checked where they are entered (the composer's "More options", :func:`header_problem`,
:func:`flag_problem`) and again before every save and send (:func:`headers_problems` and :func:`flag_problem`, from
``validate_draft``), so a message the server would refuse never leaves.

The limits are Exchange's for Microsoft Graph, the stricter of the two backends:

- Graph takes custom headers only when a message is created and only names starting with ``x-``/``X-``
  (Graph's message resource: "Add custom headers only when creating a message, and name them starting
  with "x-". After the message is sent, you can't modify the headers.",
  https://learn.microsoft.com/graph/api/resources/message).
- At most 5 of them: Graph refuses a sixth with ``InvalidInternetMessageHeaderCollection`` "Maximum number
  of headers in one message should be less than or equal to 5." (Microsoft Q&A 762243, "Is there a way to
  bypass the limit of InternetMessageHeaders?",
  https://learn.microsoft.com/en-us/answers/questions/762243/is-there-a-way-to-bypass-the-limit-of-internetmess).
  Graph's reference pages name no number; this is the server's own answer, quoted on Microsoft's Q&A.
- Their total size: "In Exchange Online, the header limit is capped at 256 KB" (Office.InternetHeaders,
  "Recommended practices", https://learn.microsoft.com/javascript/api/outlook/office.internetheaders).
  Dispatch counts "Name: value\\r\\n" in UTF-8 against it.
- A name is an RFC 5322 field name (printable ASCII, no colon, no space); a value is one line (a line
  break would start another header).

The flag is the sender's own (Exchange does not deliver it): Graph's followupFlag / EWS's FlagType.
Graph refuses a due date without a start date ("To set the due date, you must also specify the
startDateTime; otherwise, you get a 400 Bad Request response.", followupFlag resource type,
https://learn.microsoft.com/en-us/graph/api/resources/followupflag).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from app.domain.words import translate

MAX_HEADERS = 5
MAX_HEADERS_BYTES = 256 * 1024
# header names Exchange keeps for itself (MS-OXCMAIL 2.2.3.2.12: MIME writers do not create them)
RESERVED_PREFIXES = ("x-microsoft-exchange-organization", "x-microsoft-exchange-forest")
#: X- headers that stand for a field of the message: set through the field, not as a custom header
FIELD_HEADERS = {"x-priority": translate("Headers", "Importance"),
                 "x-confirm-reading-to": translate("Headers", "the read receipt")}


class FlagStatus(str, enum.Enum):
    NOT_FLAGGED = "NotFlagged"
    FLAGGED = "Flagged"
    COMPLETE = "Complete"


@dataclass(frozen=True)
class FollowUpFlag:
    """A follow-up flag: its status and optional start and due days (Outlook's flags are per day)."""

    status: FlagStatus = FlagStatus.NOT_FLAGGED
    start: date | None = None
    due: date | None = None

    @property
    def is_set(self) -> bool:
        return self.status != FlagStatus.NOT_FLAGGED


NO_FLAG = FollowUpFlag()


def header_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a custom header (None when it can)."""
    if not name.lower().startswith("x-") or len(name) < 3:
        return translate("Headers", "“{name}”: a custom header's name must start with “X-” (for example "
                         "X-Project).").format(name=name[:60])
    bad = [c for c in name if not 33 <= ord(c) <= 126 or c == ":"]
    if bad:
        return translate("Headers", "“{name}”: a header name may hold only letters, digits and punctuation (no "
                         "spaces, colons or accents).").format(name=name[:60])
    if name.lower() in FIELD_HEADERS:
        return translate("Headers", "{name} is set by {field}, not as a custom header.").format(
            name=name, field=FIELD_HEADERS[name.lower()])
    if name.lower().startswith(RESERVED_PREFIXES):
        return translate("Headers", "“{name}”: Exchange keeps headers starting with {prefix}- for itself.").format(
            name=name[:60], prefix=name[:name.index('-', 2)])
    return None


def header_value_problem(name: str, value: str) -> str | None:
    if "\r" in value or "\n" in value:
        return translate("Headers", "The value of {name} must be one line.").format(name=name[:60])
    if any(ord(c) < 32 and c != "\t" for c in value):
        return translate("Headers", "The value of {name} holds a control character.").format(name=name[:60])
    return None


def headers_size(headers) -> int:
    return sum(len(f"{n}: {v}\r\n".encode("utf-8", "surrogatepass")) for n, v in headers)


def header_problem(name: str, value: str, others=()) -> str | None:
    """Why the header (``name``, ``value``) cannot be added to ``others`` (the message's other headers)."""
    problem = header_name_problem(name) or header_value_problem(name, value)
    if problem:
        return problem
    if any(n.lower() == name.lower() for n, _v in others):
        return translate("Headers", "{name} is already there; change its value instead.").format(name=name[:60])
    if len(others) + 1 > MAX_HEADERS:
        return translate("Headers", "A message can carry at most {limit} custom headers (Exchange's limit).").format(
            limit=MAX_HEADERS)
    if headers_size([*others, (name, value)]) > MAX_HEADERS_BYTES:
        return translate("Headers", "The custom headers would be larger than {limit} KB (Exchange's limit).").format(
            limit=MAX_HEADERS_BYTES // 1024)
    return None


def headers_problems(headers) -> list[str]:
    """Every problem of a whole list of headers, in order (empty when they can be sent)."""
    out, seen = [], []
    for name, value in headers:
        problem = header_problem(name, value, seen)
        if problem:
            out.append(problem)
        else:
            seen.append((name, value))
    return out


def flag_problem(flag: FollowUpFlag) -> str | None:
    if flag.due is not None and flag.start is None:
        return translate("Headers", "A follow-up flag with a due date needs a start date too.")
    if flag.start is not None and flag.due is not None and flag.due < flag.start:
        return translate("Headers", "The follow-up flag's due date is before its start date.")
    if not flag.is_set and (flag.start or flag.due):
        return translate("Headers", "Dates need a flag: set the follow-up flag or clear its dates.")
    return None
