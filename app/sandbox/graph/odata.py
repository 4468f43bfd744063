"""OData query options on message lists: ``$select``, ``$top``, ``$skip``, ``$orderby``, ``$filter``,
``$count``, ``$expand`` (expand.py); what the sandbox cannot evaluate is refused with Graph's error, never
ignored.

``$filter`` understands comparisons (eq, ne, gt, ge, lt, le) of internetMessageId, subject, isDraft,
isRead, importance, hasAttachments, conversationId and the four date-times, ``contains()`` and
``startswith()`` on subject, joined with and / or / not and parentheses; it becomes SQL over the store.
Also ``singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`` (or ``ne``, ``contains(ep/value,
'…')``, ``startswith(ep/value, '…')``, or the id alone) on the string properties legacyprops.py stores, as
learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get documents it ("GET resource instances with
string-typed extended properties matching a filter"; the value compared without regard to case): how a client
finds the reports in an Inbox by their message class (``String 0x001A``)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from ..core.clock import fmt_dt
from . import expand, legacyprops
from .errors import GraphError, bad_request
from .jsonmap import ALL_PROPS

DEFAULT_TOP = 10
MAX_TOP = 1000
#: Graph property -> (SQL expression, kind)
COLUMNS = {
    "internetMessageId": ("imid", "str"),
    "subject": ("subject", "str"),
    "isDraft": ("json_extract(data, '$.IsDraft')", "bool"),
    "isRead": ("json_extract(data, '$.IsRead')", "bool"),
    "hasAttachments": ("COALESCE(json_extract(data, '$._has_visible_attachments'), "
                       "json_extract(data, '$._has_attachments'))", "bool"),
    "importance": ("lower(json_extract(data, '$.Importance'))", "enum"),
    "conversationIndex": ("json_extract(data, '$.ConversationIndex')", "str"),
    "receivedDateTime": ("received", "dt"),
    "sentDateTime": ("sent", "dt"),
    "createdDateTime": ("created", "dt"),
    "lastModifiedDateTime": ("modified", "dt"),
}
ORDERABLE = {"receivedDateTime": "received", "sentDateTime": "sent", "createdDateTime": "created",
             "lastModifiedDateTime": "modified", "subject": "subject"}
OPS = {"eq": "=", "ne": "!=", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}
_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?(?![\w:-]))|"
                    r"(?P<dt>\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?)|(?P<name>[A-Za-z_][\w/]*)|(?P<p>[(),:]))")


#: Parentheses and ``not`` nested in one $filter, and comparisons in it. Graph publishes no number for mail;
#: beyond either the filter is refused as one too complex: 400 InefficientFilter, "The restriction or sort
#: order is too complex for this operation." (the error Microsoft's Graph team gives for filters Exchange
#: will not run, devblogs.microsoft.com/microsoft365dev/update-to-filtering-and-sorting-rest-api). The SQL
#: built for a filter within both stays within what SQLite's parser takes (its stack held about 100 open
#: parentheses: a deeper filter was "parser stack overflow", answered 500).
MAX_FILTER_NESTING = 16
#: the lambda over a message's extended properties (the one collection a $filter reaches into)
ANY_LEGACY = "singleValueExtendedProperties/Any"
MAX_FILTER_TERMS = 100


def too_complex() -> GraphError:
    return GraphError(400, "InefficientFilter", "The restriction or sort order is too complex for this operation.")


def invalid_filter(detail: str = "") -> GraphError:
    return GraphError(400, "ErrorInvalidUrlQueryFilter",
                      "The query filter contains one or more invalid nodes." + (f" {detail}" if detail else ""))


#: OData's system query options. Graph reads them without their "$" on beta, and on v1.0 for "a subset of APIs"
#: (https://learn.microsoft.com/graph/query-parameters). The sandbox reads a bare one as its "$" form everywhere
#: (a choice: Graph does not say which v1.0 APIs take it), so a client's ``top=1`` is honoured or refused as
#: ``$top=1`` would be, never ignored.
SYSTEM_OPTIONS = frozenset(("select", "expand", "filter", "orderby", "top", "skip", "count", "search", "skiptoken",
                            "format"))


def query_options(query: str) -> dict[str, str]:
    """A request's query string -> its options, one value each, system options under their "$" names; an option
    given twice (in either spelling) is 400 BadRequest, where a dict would keep only the last."""
    options: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        key = f"${name}" if name in SYSTEM_OPTIONS else name
        if key in options:
            raise bad_request(f"Query option '{key}' was specified more than once.", "BadRequest")
        options[key] = value
    return options


@dataclass
class ListQuery:
    select: list[str] | None = None
    top: int = DEFAULT_TOP
    skip: int = 0
    order_sql: str = "received DESC"
    where: str = "1"
    args: list = field(default_factory=list)
    count: bool = False
    expansion: expand.Expansion = field(default_factory=expand.Expansion)


#: The query options a list takes.
LIST_OPTIONS = ("$select", "$top", "$skip", "$orderby", "$filter", "$count", "$skiptoken", "$expand")


def refuse_options(params, allowed) -> None:
    """A 400 for a query option (a name starting with "$") in ``params`` that is not one of ``allowed``: never
    ignored."""
    for name in params:
        if name.startswith("$") and name not in allowed:
            raise bad_request(f"Query option '{name}' is not allowed.", "BadRequest")


def parse(params: dict[str, str]) -> ListQuery:
    """The query options of a list request (``params``: decoded query string, one value each)."""
    q = ListQuery()
    refuse_options(params, LIST_OPTIONS)
    if "$select" in params:
        q.select = parse_select(params["$select"])
    q.expansion = expand.parse(params.get("$expand"))
    if "$top" in params:
        q.top = _int(params["$top"], "$top")
        if q.top < 1:
            raise bad_request("Invalid page size specified: '0'. Must be between 1 and 1000 inclusive.")
        q.top = min(q.top, MAX_TOP)
    if "$skip" in params:
        q.skip = _int(params["$skip"], "$skip")
    if "$orderby" in params:
        q.order_sql = _orderby(params["$orderby"])
    if "$filter" in params:
        q.where, q.args = compile_filter(params["$filter"])
    if "$count" in params:
        if params["$count"] not in ("true", "false"):
            raise bad_request("Invalid value for $count: expected true or false.")
        q.count = params["$count"] == "true"
    return q


def parse_select(text: str) -> list[str]:
    props = [p.strip() for p in text.split(",") if p.strip()]
    for p in props:
        if p not in ALL_PROPS:
            raise bad_request(f"Could not find a property named '{p}' on type 'microsoft.graph.message'.",
                              "RequestBroker--ParseUri")
    return props


def _int(text: str, what: str) -> int:
    if not re.fullmatch(r"\d{1,9}", text or ""):
        raise bad_request(f"Invalid value for {what}: '{text}'.")
    return int(text)


def _orderby(text: str) -> str:
    parts = []
    for clause in text.split(","):
        words = clause.split()
        direction_ok = len(words) == 1 or (len(words) == 2 and words[1] in ("asc", "desc"))
        if not words or not direction_ok or words[0] not in ORDERABLE:
            raise bad_request(f"The $orderby clause '{clause.strip()}' is not supported.", "ErrorInvalidProperty")
        parts.append(f"{ORDERABLE[words[0]]} {'DESC' if len(words) == 2 and words[1] == 'desc' else 'ASC'}")
    return ", ".join(parts)


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise invalid_filter()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def compile_filter(text: str) -> tuple[str, list]:
    """``$filter`` -> (SQL, args). ErrorInvalidUrlQueryFilter for anything it does not understand."""
    parser = _Parser(_tokens(text))
    sql = parser.expr()
    if parser.pos != len(parser.toks):
        raise invalid_filter()
    return sql, parser.args


class _Parser:
    """Recursive descent over the tokens, its depth bounded by MAX_FILTER_NESTING; ``and`` / ``or`` chains
    become flat SQL lists, never one parenthesis per operand."""

    def __init__(self, toks):
        self.toks, self.pos, self.args = toks, 0, []
        self.depth = self.terms = 0

    def _peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else (None, None)

    def _take(self, value=None):
        tok = self._peek()
        if tok[0] is None or (value is not None and tok[1] != value):
            raise invalid_filter()
        self.pos += 1
        return tok

    def expr(self) -> str:
        parts = [self.term()]
        while self._peek() == ("name", "or"):
            self._take()
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def term(self) -> str:
        parts = [self.factor()]
        while self._peek() == ("name", "and"):
            self._take()
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def _nested(self, rule) -> str:
        if self.depth >= MAX_FILTER_NESTING:
            raise too_complex()
        self.depth += 1
        try:
            return rule()
        finally:
            self.depth -= 1

    def factor(self) -> str:
        kind, value = self._peek()
        if (kind, value) == ("name", "not"):
            self._take()
            return f"(NOT {self._nested(self.factor)})"
        if (kind, value) == ("p", "("):
            self._take()
            inner = self._nested(self.expr)
            self._take(")")
            return inner
        self.terms += 1
        if self.terms > MAX_FILTER_TERMS:
            raise too_complex()
        if kind == "name" and value in ("contains", "startswith"):
            return self._function(value)
        if kind == "name" and value.lower() == ANY_LEGACY.lower():
            return self._any_legacy()
        return self._comparison()

    def _any_legacy(self) -> str:
        """``singleValueExtendedProperties/Any(ep: ep/id eq '…' [and <a test of ep/value>])``: the id first or
        second, one test of the value at most (Graph's documented forms)."""
        self._take()
        self._take("(")
        var = self._take()
        if var[0] != "name":
            raise invalid_filter()
        self._take(":")
        prop_id, test = None, None
        while True:
            if self._peek() == ("name", f"{var[1]}/id"):
                if prop_id is not None:
                    raise invalid_filter()
                self._take()
                self._take("eq")
                kind, lit = self._take()
                if kind != "str":
                    raise invalid_filter()
                prop_id = lit[1:-1].replace("''", "'")
            elif test is None:
                test = self._value_test(var[1])
            else:
                raise invalid_filter()
            if self._peek() != ("name", "and"):
                break
            self._take()
        self._take(")")
        column = legacyprops.filter_column(prop_id) if prop_id is not None else None
        if column is None:
            raise invalid_filter(f"The sandbox filters on no extended property '{prop_id}'.")
        if test is None:
            return f"{column} IS NOT NULL"
        sql, arg = test
        self.args.append(arg)
        return sql.format(v=column)

    def _value_test(self, var: str) -> tuple[str, str]:
        """A test of ``<var>/value``: (SQL with ``{v}`` for the value, its one argument); case-insensitive, as
        Graph filters an extended property's value."""
        kind, word = self._take()
        if kind == "name" and word in ("contains", "startswith"):
            self._take("(")
            if self._take()[1] != f"{var}/value":
                raise invalid_filter()
            self._take(",")
            text = self._string()
            self._take(")")
            escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return ("lower({v}) LIKE ? ESCAPE '\\'", ("%" if word == "contains" else "") + escaped + "%")
        if (kind, word) != ("name", f"{var}/value"):
            raise invalid_filter()
        op = self._take()[1]
        if op not in ("eq", "ne"):
            raise invalid_filter()
        return (f"lower({{v}}) {OPS[op]} ?", self._string().lower())

    def _string(self) -> str:
        kind, lit = self._take()
        if kind != "str":
            raise invalid_filter()
        return lit[1:-1].replace("''", "'")

    def _function(self, fn: str) -> str:
        self._take()
        self._take("(")
        prop = self._take()[1]
        self._take(",")
        kind, lit = self._take()
        self._take(")")
        if prop != "subject" or kind != "str":
            raise invalid_filter()
        text = lit[1:-1].replace("''", "'").lower()
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        self.args.append(("%" if fn == "contains" else "") + escaped + "%")
        return "lower(COALESCE(subject, '')) LIKE ? ESCAPE '\\'"

    def _comparison(self) -> str:
        kind, prop = self._take()
        if kind != "name" or prop not in COLUMNS:
            raise invalid_filter(f"Property '{prop}' cannot be filtered on here.")
        op_kind, op = self._take()
        if op not in OPS:
            raise invalid_filter()
        col, ptype = COLUMNS[prop]
        lkind, lit = self._take()
        if ptype == "bool":
            if lit not in ("true", "false") or op not in ("eq", "ne"):
                raise invalid_filter()
            self.args.append(1 if lit == "true" else 0)
            return f"COALESCE({col}, 0) {OPS[op]} ?"
        if ptype == "dt":
            if lkind != "dt":
                raise invalid_filter()
            try:
                d = _dt.datetime.fromisoformat(lit.replace("Z", "+00:00"))
                self.args.append(fmt_dt(d if d.tzinfo is not None else d.replace(tzinfo=_dt.timezone.utc)))
            except ValueError:  # not a date-time, or outside years 1-9999 once in UTC (fmt_dt)
                raise invalid_filter() from None
            return f"{col} {OPS[op]} ?"
        if lkind != "str":
            raise invalid_filter()
        value = lit[1:-1].replace("''", "'")
        if ptype == "enum":
            value = value.lower()
        if prop == "subject" and op in ("eq", "ne"):
            self.args.append(value)
            return f"COALESCE(subject, '') {OPS[op]} ? COLLATE NOCASE"
        self.args.append(value)
        return f"{col} {OPS[op]} ?"
