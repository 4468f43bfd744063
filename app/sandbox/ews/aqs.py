"""FindItem's m:QueryString: the subset of Advanced Query Syntax (AQS) that Exchange documents for EWS, compiled
to SQL over the items table.

From Microsoft's "QueryString (QueryStringType)" reference and "Perform an AQS search by using EWS in Exchange":
- ``keyword:value`` searches one property; a bare value searches every word-phrase property (subject, body,
  from, to, cc, bcc, attachment names; here also categories). Several values must all match (AND); ``AND``,
  ``OR``, ``NOT`` (upper case) and parentheses combine them.
- Word-phrase matching is always case-insensitive; a value is a *prefix* match on the words of the property
  (subject:project finds "Projections for December sales"); in double quotes the words must match whole and
  in that order ("win product" does not match "win95 product"); ``"win product"*`` makes each quoted word a
  prefix again, still in order; ``from:"@hotmail.com"`` finds every sender at that domain.
- Keywords: subject, body / content, attachment, from, to, cc, bcc, participants (to, cc or bcc), category,
  importance (low, normal, high), kind (email, meetings, tasks, notes, docs, journals, contacts, im),
  hasattachment / hasattachments, isread, isflagged (true, false), size (a number, with <, <=, >, >=, = or a
  ``low..high`` range), sent / received (a date M/D/YYYY or YYYY-MM-DD, today, yesterday, with the same
  comparisons and ranges; days in UTC).
A ``word:`` that is none of these keywords is ordinary text (``10:30``, ``https://example.com``, ``def:ghi``):
its words are searched for as a phrase, in order, each a prefix, in every word-phrase property. Microsoft's AQS
pages for EWS list the keywords but are silent on text that is not one; Exchange searches it (seen
against Exchange), so the sandbox does too. A keyword's value it cannot read (``importance:urgent``, relative
dates such as "last week"), an unbalanced quote or parenthesis is refused with ErrorInvalidArgument rather than
guessed at or ignored.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..core.clock import fmt_dt
from ..core.errors import MailboxError
from .restrictions import once

# a body object b as plain text; a mailbox object {p} as "Name address"
BODY_TEXT = "(CASE WHEN json_extract(b, '$.BodyType') = 'HTML' THEN ews_text_body(b) ELSE json_extract(b, '$.text') END)"
PERSON = "(COALESCE(json_extract({p}, '$.Name'), '') || ' ' || COALESCE(json_extract({p}, '$.EmailAddress'), ''))"
INVALID = "The query string is not supported by this server: "
_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"(\*)?|([^\s()"]+))')
_WORD = re.compile(r"\w+")
WORD_FIELDS = ("subject", "to", "from", "cc", "bcc", "category", "body", "attachment")  # cheapest first
RECIPIENTS = {"to": "ToRecipients", "cc": "CcRecipients", "bcc": "BccRecipients"}
KEYWORDS = frozenset(WORD_FIELDS + ("content", "participants", "importance", "kind", "hasattachment",
                                    "hasattachments", "isread", "isflagged", "size", "sent", "received"))
KINDS = {"email": ("IPM.Note",), "meetings": ("IPM.Schedule.Meeting", "IPM.Appointment"), "tasks": ("IPM.Task",),
         "notes": ("IPM.StickyNote",), "docs": ("IPM.Document",), "journals": ("IPM.Activity",),
         "contacts": ("IPM.Contact", "IPM.DistList"), "im": ("IPM.Note.Microsoft.Conversation",)}


#: Parentheses and NOTs nested in one query string. Microsoft documents no number; beyond it the query is
#: ErrorRestrictionTooComplex ("Restriction or sort order is too complex for this operation", EWS
#: ResponseCodeType), as a restriction SQLite cannot take already is (find.py), instead of a recursion that
#: runs out of stack.
MAX_NESTING = 32


def _too_complex() -> MailboxError:
    return MailboxError("ErrorRestrictionTooComplex",
                        f"The query string is too complex for this server (nested more than {MAX_NESTING} deep).")


def _bad(why: str) -> MailboxError:
    return MailboxError("ErrorInvalidArgument", INVALID + why)


class Matcher:
    """One word-phrase value: its words, whether they must follow each other (quoted), prefix or whole."""

    def __init__(self, text: str, quoted: bool, star: bool):
        self.words = [w.casefold() for w in _WORD.findall(text)]
        self.phrase = quoted
        self.prefix = not quoted or star

    def _hit(self, word: str, want: str) -> bool:
        return word.startswith(want) if self.prefix else word == want

    def __call__(self, text) -> int:
        if not isinstance(text, str) or not self.words:
            return 0
        words = [w.casefold() for w in _WORD.findall(text)]
        if not self.phrase:
            return int(all(any(self._hit(w, want) for w in words) for want in self.words))
        n = len(self.words)
        return int(any(all(self._hit(words[i + k], self.words[k]) for k in range(n))
                       for i in range(len(words) - n + 1)))


class Compiler:
    def __init__(self, text: str):
        self.tokens = self._lex(text)
        self.pos = 0
        self.depth = 0  # parentheses and NOTs open around the current position
        self.matchers: list[Matcher] = []

    @staticmethod
    def _lex(text: str) -> list:
        out, pos = [], 0
        text = text.strip()
        while pos < len(text):
            mt = _TOKEN.match(text, pos)
            if not mt or mt.end() == pos:
                raise _bad("an unbalanced quote")
            pos = mt.end()
            if mt.group(1):
                out.append(("(", None))
            elif mt.group(2):
                out.append((")", None))
            elif mt.group(3) is not None:
                out.append(("quoted", (mt.group(3), bool(mt.group(4)))))
            elif mt.group(5):
                out.append(("word", mt.group(5)))
        return out

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    # grammar: or := and ("OR" and)* ; and := unary (["AND"] unary)* ; unary := "NOT" unary | "-" unary | atom
    def parse(self) -> tuple[str, list]:
        if not self.tokens:
            return "1", []
        sql, args = self.or_expr(None)
        if self.pos != len(self.tokens):
            raise _bad("an unbalanced parenthesis")
        return sql, args

    def or_expr(self, field):
        parts = [self.and_expr(field)]
        while self.peek() == ("word", "OR"):
            self.take()
            parts.append(self.and_expr(field))
        return _join(parts, " OR ")

    def and_expr(self, field):
        parts = [self.unary(field)]
        while self.peek()[0] not in (None, ")") and self.peek() != ("word", "OR"):
            if self.peek() == ("word", "AND"):
                self.take()
            parts.append(self.unary(field))
        return _join(parts, " AND ")

    def unary(self, field):
        kind, val = self.peek()
        if kind == "word" and val == "NOT":
            self.take()
            sql, args = self._nested(self.unary, field)
            return f"(NOT {sql})", args
        return self.atom(field)

    def _nested(self, rule, field):
        """``rule(field)`` one level deeper (ErrorRestrictionTooComplex beyond MAX_NESTING)."""
        if self.depth >= MAX_NESTING:
            raise _too_complex()
        self.depth += 1
        try:
            return rule(field)
        finally:
            self.depth -= 1

    def atom(self, field):
        kind, val = self.take()
        if kind == "(":
            sql, args = self._nested(self.or_expr, field)
            if self.take()[0] != ")":
                raise _bad("an unbalanced parenthesis")
            return sql, args
        if kind == "quoted":
            return self.word_term(field, val[0], True, val[1])
        if kind != "word" or val in ("AND", "OR"):
            raise _bad("an operator without an operand")
        key, colon, rest = val.partition(":")
        if colon and field is None and key.lower() in KEYWORDS:
            keyword = key.lower()
            if not rest:  # subject:"..." or subject:( ... )
                if self.peek()[0] == "(":
                    return self.atom(self._field(keyword))
                nk, nv = self.take()
                if nk != "quoted":
                    raise _bad(f"'{val}' has no value")
                return self.keyword_term(keyword, nv[0], True, nv[1])
            return self.keyword_term(keyword, rest, False, False)
        if colon:  # not a keyword: text whose words follow each other ("10:30", "https://example.com")
            return self.word_term(field, val, True, True)
        return self.word_term(field, val, False, False)

    @staticmethod
    def _field(keyword: str) -> str:
        keyword = {"content": "body", "participants": "participants"}.get(keyword, keyword)
        if keyword not in WORD_FIELDS + ("participants",):
            raise _bad(f"the keyword '{keyword}:' cannot group values")
        return keyword

    def keyword_term(self, keyword, value, quoted, star):
        if keyword in ("content", "body", "subject", "from", "to", "cc", "bcc", "participants", "attachment",
                       "category"):
            return self.word_term(self._field(keyword), value, quoted, star)
        v = value.strip().lower()
        if keyword == "importance":
            if v not in ("low", "normal", "high"):
                raise _bad(f"importance:{value}")
            return "(ews_fold(json_extract(data, '$.Importance')) = ?)", [v]
        if keyword in ("hasattachment", "hasattachments", "isread", "isflagged"):
            if v not in ("true", "false"):
                raise _bad(f"{keyword}:{value}")
            want = int(v == "true")
            if keyword == "isflagged":  # flagged for follow-up (not done, not unflagged)
                return "((COALESCE(json_extract(data, '$.Flag.FlagStatus'), '') = 'Flagged') = ?)", [want]
            path = "$._has_attachments" if keyword.startswith("has") else "$.IsRead"
            return f"(COALESCE(json_extract(data, '{path}'), 0) = ?)", [want]
        if keyword == "kind":
            classes = KINDS.get(v)
            if classes is None:
                raise _bad(f"kind:{value}")
            tests = " OR ".join("json_extract(data, '$.ItemClass') = ? OR json_extract(data, '$.ItemClass') LIKE ?"
                                for _ in classes)
            return f"({tests})", [a for c in classes for a in (c, c + ".%")]
        if keyword == "size":
            return _compare("size", value, _number)
        if keyword in ("sent", "received"):
            return _compare(keyword, value, _day)
        raise _bad(f"the keyword '{keyword}:'")

    def word_term(self, field, text, quoted, star):
        matcher = Matcher(text, quoted, star)
        if not matcher.words:
            return "1", []
        self.matchers.append(matcher)
        i = len(self.matchers) - 1
        fields = WORD_FIELDS if field is None else ("to", "cc", "bcc") if field == "participants" else (field,)
        in_data = " OR ".join(_field_sql(f, matcher, i) for f in fields if f != "attachment")
        if in_data and "body" in fields:  # worth it where the body's text is read (one JSON parse otherwise)
            in_data = f"{_prefilter(matcher)} AND ({in_data})"
        sql = f"({in_data})" if in_data else "0"
        if "attachment" in fields:
            sql = f"({sql} OR {_field_sql('attachment', matcher, i)})"
        return sql, []


def _prefilter(matcher: Matcher) -> str:
    """A cheap necessary condition for a match in any property stored in the item's JSON: each ASCII word is
    in its text, in any case. Not for an item whose JSON escapes a character (\\u: non-ASCII, whose case
    folding may give ASCII) or holds '&' (an HTML entity the body's text decodes)."""
    words = [w for w in matcher.words if w.isascii()]
    if not words:
        return "1"
    found = " AND ".join(f"data LIKE '%{w.replace('_', '!_')}%' ESCAPE '!'" for w in words)  # ASCII, any case
    return f"({found} OR instr(data, '\\u') > 0 OR instr(data, '&') > 0)"


def _test(text_sql: str, matcher: Matcher, i: int) -> str:
    """matcher(text) in SQL: GLOB on lower-cased ASCII text (\\w is [A-Za-z0-9_] there), Python otherwise (a
    phrase, non-ASCII words or text)."""
    if matcher.phrase and len(matcher.words) > 1 or not all(w.isascii() for w in matcher.words):
        return f"ews_aqs({text_sql}, {i})"
    tail = "*" if matcher.prefix else "[^a-z0-9_]*"
    globs = " AND ".join(f"((' ' || lower(v) || ' ') GLOB '*[^a-z0-9_]{w}{tail}')" for w in matcher.words)
    return "COALESCE(" + once(text_sql, f"CASE WHEN v GLOB '*[^ -~]*' THEN ews_aqs(v, {i}) ELSE ({globs}) END") + ", 0)"


def _field_sql(field: str, matcher: Matcher, i: int) -> str:
    if field == "subject":
        return _test("subject", matcher, i)
    if field == "body":  # the item's JSON parsed once: the body object, then its text
        return (f"EXISTS (SELECT 1 FROM (SELECT json_extract(data, '$.Body') AS b LIMIT 1) WHERE b IS NOT NULL "
                f"AND {_test(BODY_TEXT, matcher, i)})")
    if field == "from":
        return (f"EXISTS (SELECT 1 FROM (SELECT json_extract(data, '$.From') AS p LIMIT 1) WHERE p IS NOT NULL "
                f"AND {_test(PERSON.format(p='p'), matcher, i)})")
    if field in RECIPIENTS:
        return (f"EXISTS (SELECT 1 FROM json_each(data, '$.{RECIPIENTS[field]}') AS j "
                f"WHERE {_test(PERSON.format(p='j.value'), matcher, i)})")
    if field == "category":
        return f"EXISTS (SELECT 1 FROM json_each(data, '$.Categories') AS j WHERE {_test('j.value', matcher, i)})"
    return f"EXISTS (SELECT 1 FROM attachments AS a WHERE a.item_key = items.key AND {_test('a.name', matcher, i)})"


def _join(parts, joiner):
    if len(parts) == 1:
        return parts[0]
    return "(" + joiner.join(p[0] for p in parts) + ")", [a for p in parts for a in p[1]]


def _number(text: str):
    try:
        return int(text), None
    except ValueError:
        raise _bad(f"'{text}' is not a number") from None


def _day(text: str):
    """A day -> (start, end) of it in storage form (UTC)."""
    t = text.strip().lower()
    today = _dt.datetime.now(_dt.timezone.utc).date()
    if t == "today":
        d = today
    elif t == "yesterday":
        d = today - _dt.timedelta(days=1)
    else:
        d = None
        for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
            try:
                d = _dt.datetime.strptime(t, fmt).date()
                break
            except ValueError:
                continue
        if d is None:
            raise _bad(f"the date '{text}'")
    start = _dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc)
    try:
        return fmt_dt(start), fmt_dt(start + _dt.timedelta(days=1))
    except (OverflowError, ValueError):  # 12/31/9999: its end is past the last day a datetime holds
        raise _bad(f"the date '{text}'") from None


def _compare(column: str, value: str, parse) -> tuple[str, list]:
    """size / sent / received: value, <value, <=value, >value, >=value, =value or low..high."""
    if ".." in value:
        lo, _, hi = value.partition("..")
        lo_v, hi_v = parse(lo), parse(hi)
        return f"({column} >= ? AND {column} < ?)", [lo_v[0], hi_v[1] if hi_v[1] is not None else hi_v[0] + 1]
    mt = re.match(r"(<=|>=|<|>|=)?(.+)$", value)
    op, rest = mt.group(1) or "=", mt.group(2)
    start, end = parse(rest)
    if end is None:
        return f"({column} {op} ?)", [start]
    if op == "=":
        return f"({column} >= ? AND {column} < ?)", [start, end]
    # a day as a bound: after it starts at its end, before it ends at its start
    sql_op, bound = {">": (">=", end), ">=": (">=", start), "<": ("<", start), "<=": ("<", end)}[op]
    return f"({column} {sql_op} ?)", [bound]


def compile_query(text: str):
    """QueryString text -> (SQL, parameters, matchers): the SQL calls ews_aqs(text, i) -> matchers[i](text).
    Raises MailboxError (ErrorInvalidArgument)."""
    c = Compiler(text or "")
    sql, args = c.parse()
    return sql, args, c.matchers
