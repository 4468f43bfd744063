"""``$expand`` on a message (GET of one, and message lists): ``attachments``, with ``$select`` inside it
(``attachments($select=name,size)``: those properties, ``id`` and ``@odata.type`` always), and
``singleValueExtendedProperties($filter=id eq '…')`` (legacyprops.py), joined with commas. Anything else is
refused, never ignored.

Graph's ``$expand`` names navigation properties, each with query options of its own in parentheses, $select
among them (learn.microsoft.com/graph/query-parameters, "expand parameter"). What it cannot parse or expand
is 400 BadRequest "Parsing OData Select and Expand failed: …", as Graph answered in
github.com/microsoftgraph/msgraph-sdk-java/issues/958 ("Could not find a property named 'event' on type
'microsoft.graph.message'."), github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2376 ("Term
'(select=Description)' is not valid in a $select or $expand expression.") and
github.com/microsoftgraph/microsoft-graph-docs/issues/11932 ("Found an unbalanced bracket expression.").
The sandbox answers the same way, in its own words, for what Graph serves and it does not (the message's
other navigation properties, other query options inside an expansion)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import attview, legacyprops
from .errors import GraphError, bad_request

PREFIX = "Parsing OData Select and Expand failed: "
#: message's other navigation properties in the CSDL, which the sandbox does not expand
NOT_SERVED = ("extensions", "multiValueExtendedProperties")
_TERM = re.compile(r"\s*(?P<name>[A-Za-z_]\w*|\*)\s*(?:\((?P<options>.*)\))?\s*", re.S)
_OPTION = re.compile(r"\s*(?P<name>\$\w+)\s*=(?P<value>.*)", re.S)


@dataclass(frozen=True)
class Expansion:
    attachments: bool = False
    attachment_select: list[str] | None = None  # None: every property
    legacy: tuple[str, ...] | None = None  # the ids singleValueExtendedProperties asks for (legacyprops.expanded)


def failed(detail: str) -> GraphError:
    return bad_request(PREFIX + detail, "BadRequest")


def _split(text: str, sep: str) -> list[str]:
    """``text`` cut at each ``sep`` outside parentheses and quoted literals; unbalanced parentheses refused."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted  # a quote inside a literal is doubled: it toggles twice
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                break
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    if depth != 0 or quoted:
        raise failed("Found an unbalanced bracket expression.")
    return [*parts, text[start:]]


def parse(text: str | None) -> Expansion:
    """The ``$expand`` of a message request (None: no expansion)."""
    if text is None:
        return Expansion()
    found: dict = {}
    for term in _split(text, ","):
        m = _TERM.fullmatch(term)
        if m is None:
            raise failed(f"Term '{term.strip()}' is not valid in a $select or $expand expression.")
        name = m.group("name")
        key = name.lower()
        if key in found:
            raise failed(f"The navigation property '{name}' is expanded more than once.")
        if key == "attachments":
            found[key] = _attachments_select(m.group("options"))
        elif key == "singlevalueextendedproperties":
            ids = legacyprops.expansion_ids(term)
            if ids is None:
                raise failed("the sandbox expands singleValueExtendedProperties only with $filter=id eq '…' "
                             "(or several joined with or).")
            found[key] = ids
        elif key in (n.lower() for n in NOT_SERVED) or name == "*":
            raise failed(f"the sandbox does not expand '{name}' on type 'microsoft.graph.message'.")
        else:
            raise failed(f"Could not find a property named '{name}' on type 'microsoft.graph.message'.")
    return Expansion(attachments="attachments" in found, attachment_select=found.get("attachments"),
                     legacy=found.get("singlevalueextendedproperties"))


def _attachments_select(options: str | None) -> list[str] | None:
    """The properties the options of ``attachments(…)`` select: ``$select`` is the one option served."""
    if options is None:
        return None
    select = None
    for option in _split(options, ";"):
        m = _OPTION.fullmatch(option)
        if m is None:
            raise failed(f"Term '({options})' is not valid in a $select or $expand expression.")
        if m.group("name") != "$select" or select is not None:
            raise failed(f"the sandbox serves one $select alone inside the expansion of 'attachments', "
                         f"not '{m.group('name')}' there.")
        try:
            select = attview.parse_select(m.group("value"))
        except attview.UnknownProperty as e:
            raise failed(e.message) from None
    return select
