"""EWS restrictions (t:Restriction's search expressions) compiled to SQL over the items table, or to a Python
predicate over folder rows (FindFolder).

Semantics copied from Exchange (the store evaluates a restriction as a MAPI restriction, MS-OXCDATA 2.12):
- A multi-valued property (item:Categories, an Array extended property) matches a comparison, Contains or
  Exists when *any* of its values does (MAPI's per-instance evaluation of a multi-valued property);
  exchangelib builds ``categories__contains=[...]`` as an And of IsEqualTo and ``categories__in`` as an Or of
  them, "both case-insensitive" (exchangelib/restriction.py), which only holds with that rule.
- The recipient lists (message:ToRecipients, CcRecipients, BccRecipients, ReplyTo) cannot be restricted on:
  Exchange answers an error ("ToRecipients is not searchable because EWS returns an error on that field",
  exchangelib's maintainer, ecederstrand/exchangelib#913 and #1353; its fields are is_searchable=False);
  here ErrorUnsupportedPathForQuery. AQS's to:, cc:, bcc:, participants: search them (aqs.py), and
  item:DisplayTo / DisplayCc (one string, PR_DISPLAY_TO) can be restricted on.
- Text comparisons (IsEqualTo ... IsLessThanOrEqualTo) are case-insensitive, as the store's collation is.
  Contains follows its ContainmentComparison (Exact: case-sensitive) and ContainmentMode.
- A property an item does not have matches no comparison (IsNotEqualTo included) and no Contains.
- Contains on a property that is not text is ErrorContainsFilterWrongType ("the property that was inspected
  for a Contains filter is not a string type", ResponseCode reference); a path that cannot be queried (the
  attachments collection, MimeContent, a computed ConversationId) is ErrorUnsupportedPathForQuery ("the
  caller passes a property that is invalid for a query ... when calculated properties are used"); a
  constant that is not a value of the property's type is ErrorInvalidValueForProperty.
- Importance and Sensitivity compare by their order (Low < Normal < High), not alphabetically.
"""

from __future__ import annotations

import unicodedata

from ..core import ids
from ..core.bodies import html_to_text
from ..core.errors import MailboxError
from . import extprops
from .itemfields import BY_URI
from .soap import check_enum, local, parse_dt, schema_error, t

COMPARISONS = {"IsEqualTo": "=", "IsNotEqualTo": "!=", "IsGreaterThan": ">", "IsGreaterThanOrEqualTo": ">=",
               "IsLessThan": "<", "IsLessThanOrEqualTo": "<="}
MODES = ("FullString", "Prefixed", "Substring", "PrefixOnWords", "ExactPhrase")
COMPARES = ("Exact", "IgnoreCase", "IgnoreNonSpacingCharacters", "Loose", "IgnoreCaseAndNonSpacingCharacters",
            "LooseAndIgnoreCase", "LooseAndIgnoreNonSpace", "LooseAndIgnoreCaseAndIgnoreNonSpace")
ENUMS = {"importance": ("Low", "Normal", "High"), "sensitivity": ("Normal", "Personal", "Private", "Confidential")}
COLUMNS = {"item:Subject": "subject", "message:InternetMessageId": "imid", "item:DateTimeCreated": "created",
           "item:DateTimeSent": "sent", "item:DateTimeReceived": "received", "item:LastModifiedTime": "modified",
           "item:Size": "size"}
UNQUERYABLE = {"item:Attachments", "item:MimeContent", "item:ConversationId"}
BAD_VALUE = "The value is invalid for the property."
NUMERIC_EXT = ("Integer", "Long", "Short", "Currency", "Double", "Float", "ApplicationTime")


# ---------------- value normalisation (shared by SQL functions and the folder predicate) ----------------

def fold(s):
    return s.casefold() if isinstance(s, str) else s


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def contains(hay, needle, mode: str, comp: str) -> int:
    """Contains (types.xsd ContainmentModeType / ContainmentComparisonType) on one text value."""
    if not isinstance(hay, str):
        return 0
    if comp != "Exact" and ("IgnoreCase" in comp or comp.startswith("Loose")):
        hay, needle = hay.casefold(), needle.casefold()
    if "NonSpac" in comp or "NonSpace" in comp:
        hay, needle = _strip_marks(hay), _strip_marks(needle)
    if mode == "FullString":
        return int(hay == needle)
    if mode == "Prefixed":
        return int(hay.startswith(needle))
    if mode == "PrefixOnWords":
        return int(any(w.startswith(needle) for w in hay.split()))
    return int(needle in hay)  # Substring, ExactPhrase


def _display(recips_json):
    import json
    recips = json.loads(recips_json) if recips_json else []
    return "; ".join((r.get("Name") or r.get("EmailAddress") or "") for r in recips) if recips else None


def _text_body(body_json):
    import json
    body = json.loads(body_json) if body_json else None
    if not body:
        return None
    return html_to_text(body.get("text", "")) if body.get("BodyType") == "HTML" else body.get("text", "")


def _ext_norm(text, kind):
    if text is None:
        return None
    try:
        if kind == "num":
            return float(text)
        if kind == "bool":
            return int(str(text).strip().lower() in ("true", "1"))
        if kind == "dt":
            return parse_dt(text)
    except Exception:
        return None
    return fold(text)


def sql_functions() -> dict:
    """The Python functions the compiled SQL calls: {SQL name: (number of arguments, callable)}."""
    return {"ews_fold": (1, fold), "ews_contains": (4, contains), "ews_display": (1, _display),
            "ews_text_body": (1, _text_body), "ews_ext_norm": (2, _ext_norm)}


# ---------------- property paths ----------------

class Prop:
    """How a property path reads in SQL. ``kind``: text, num, bool, dt or enum:<name>; ``expr``: the scalar SQL
    expression (None: the item never has it); ``each``: (json_each source SQL, the value's SQL on ``j.value``)
    for a multi-valued property; ``params``: the expressions' parameters, in order."""

    def __init__(self, kind, expr=None, each=None, params=(), ext_kind=None):
        self.kind, self.expr, self.each, self.params, self.ext_kind = kind, expr, each, list(params), ext_kind

    @property
    def multi(self) -> bool:
        return self.each is not None


def _json(name: str) -> str:
    return f"json_extract(data, '$.{name}')"


def item_prop(el) -> Prop:
    """FieldURI / ExtendedFieldURI / IndexedFieldURI -> Prop. Raises SoapFault / MailboxError."""
    tag = local(el)
    if tag == "ExtendedFieldURI":
        return _ext_prop(el)
    if tag == "IndexedFieldURI":
        return Prop("text")  # contacts' indexed properties: no sandbox item has one
    if el.tag != t("FieldURI"):
        raise schema_error(f"The element '{tag}' is not a property path.")
    uri = el.get("FieldURI") or ""
    if ":" not in uri or " " in uri:
        raise schema_error(f"The 'FieldURI' attribute is invalid - The value '{uri}' is invalid.")
    return field_prop(uri)


def field_prop(uri: str) -> Prop:
    if uri in UNQUERYABLE:
        raise _unsupported_path()
    if uri == "item:ItemId":
        return Prop("id", "key")
    if uri == "item:ParentFolderId":
        return Prop("folder", "folder")
    f = BY_URI.get(uri)
    if f is None:
        return Prop("text")  # a property sandbox items never have
    name, _, kind, _ = f
    return _prop_by_kind(name, kind, COLUMNS.get(uri)) or _prop_by_name(name)


def _unsupported_path() -> MailboxError:
    return MailboxError("ErrorUnsupportedPathForQuery", "The property can not be used with this type of restriction.")


def _prop_by_kind(name: str, kind: str, col: str | None) -> Prop | None:
    """A property whose value type says where it lives (its own column or its JSON path); None when the
    type alone does not tell."""
    if kind in ("str", "base64"):
        return Prop("text", col or _json(name))
    if kind in ENUMS:
        return Prop("enum:" + kind, _json(name))
    if kind in ("int", "dt"):
        return Prop("num" if kind == "int" else "dt", col or _json(name))
    if kind == "bool":
        return Prop("bool", _json(name))
    if kind == "strings":
        return Prop("text", each=(f"json_each(data, '$.{name}')", "j.value"))
    if kind == "recipients":  # EWS refuses them (exchangelib: is_searchable=False, "EWS returns an error")
        raise _unsupported_path()
    if kind in ("recipient", "body"):
        return Prop("text", f"json_extract(data, '$.{name}.{'EmailAddress' if kind == 'recipient' else 'text'}')")
    return None


_DISPLAY_SOURCE = {"DisplayTo": "ToRecipients", "DisplayCc": "CcRecipients", "DisplayBcc": "BccRecipients"}


def _prop_by_name(name: str) -> Prop:
    """A property computed from others (display lists, attachments, the text of the body)."""
    if name in _DISPLAY_SOURCE:
        return Prop("text", f"ews_display(json_extract(data, '$.{_DISPLAY_SOURCE[name]}'))")
    if name == "HasAttachments":
        return Prop("bool", "COALESCE(json_extract(data, '$._has_visible_attachments'), "
                            "json_extract(data, '$._has_attachments'), 0)")  # inline pictures do not count
    if name == "TextBody":
        return Prop("text", "ews_text_body(json_extract(data, '$.Body'))")
    raise _unsupported_path()


def _ext_prop(el) -> Prop:
    key, attrs = extprops.parse_uri(el)
    ptype = attrs["PropertyType"]
    base = ptype[:-5] if ptype.endswith("Array") else ptype
    kind = "num" if base in NUMERIC_EXT else "bool" if base == "Boolean" else "dt" if base == "SystemTime" else "text"
    field = extprops.ITEM_TAGS.get(extprops.tag_of(key))
    if field and not ptype.endswith("Array"):
        return field_prop(next(u for u, f in BY_URI.items() if f[0] == field))
    if '"' in key:  # a JSON path cannot quote it
        raise MailboxError("ErrorUnsupportedPathForQuery", "The property can not be used with this type of restriction.")
    path = f'$._ext."{key}"'
    if ptype.endswith("Array"):
        return Prop(kind, each=("json_each(data, ?)", "j.value"), params=[path + ".values"], ext_kind=kind)
    return Prop(kind, "json_extract(data, ?)", params=[path + ".value"], ext_kind=kind)


# ---------------- constants ----------------

def constant(prop: Prop, text: str):
    """A t:Constant's Value as the property's comparable value. Raises MailboxError."""
    try:
        return _constant(prop, text)
    except MailboxError:
        raise
    except Exception:
        raise MailboxError("ErrorInvalidValueForProperty", BAD_VALUE) from None


def _constant(prop: Prop, text: str):
    kind = prop.kind
    if kind == "text":
        return fold(text)
    if kind == "num":
        return float(text) if prop.ext_kind else int(text)
    if kind == "bool":
        return _bool_constant(text)
    if kind == "dt":
        return parse_dt(text)
    if kind.startswith("enum:"):
        return ENUMS[kind[5:]].index(text)
    if kind == "id":
        return ids.item_key(text)
    if kind == "folder":
        return ids.folder_parts(text)[1]
    return text


def _bool_constant(text: str) -> int:
    v = text.strip().lower()
    if v not in ("true", "false", "1", "0"):
        raise ValueError(text)
    return int(v in ("true", "1"))


def once(raw: str, test: str) -> str:
    """``test`` (SQL on ``v``) with v = ``raw`` evaluated once per row (a json_extract parses the whole item).
    ``raw`` must have no parameters (they would bind after the test's)."""
    return f"(SELECT {test} FROM (SELECT {raw} AS v LIMIT 1))"


def fold_sql(raw: str) -> str:
    """SQL case folding: SQLite's lower() on ASCII text (the same as str.casefold there, and in C), Python's
    casefold only for text with a character outside printable ASCII."""
    if "?" in raw:
        return f"ews_fold({raw})"
    return once(raw, "CASE WHEN v GLOB '*[^ -~]*' THEN ews_fold(v) ELSE lower(v) END")


def value_sql(prop: Prop, raw: str) -> str:
    """SQL for one value of ``prop`` made comparable (folded text, enum order, normalised extended value)."""
    if prop.ext_kind:
        return f"ews_ext_norm({raw}, '{prop.ext_kind}')"
    if prop.kind == "text":
        return fold_sql(raw)
    if prop.kind.startswith("enum:"):
        names = ENUMS[prop.kind[5:]]
        return "CASE " + raw + "".join(f" WHEN '{n}' THEN {i}" for i, n in enumerate(names)) + " END"
    return raw


# ---------------- SQL ----------------

def compile_sql(el) -> tuple[str, list]:
    """A search expression -> (SQL boolean expression never NULL, parameters). Raises SoapFault / MailboxError."""
    name = local(el)
    if name in ("And", "Or"):
        return _sql_and_or(name, list(el))
    if name == "Not":
        return _sql_not(el)
    if name == "Exists":
        return _sql_exists(list(el))
    if name == "Contains":
        return _sql_contains(el, list(el))
    if name in COMPARISONS:
        return _sql_compare(name, list(el))
    raise schema_error(f"The element '{name}' is not a supported search expression.")


def _sql_and_or(name: str, kids: list) -> tuple[str, list]:
    if not kids:
        raise schema_error(f"The element '{name}' has incomplete content.")
    while len(kids) == 1 and local(kids[0]) == name:  # And(And(x)) is And(x): SQLite's parser nests ~100
        kids = list(kids[0])
    if len(kids) == 1:
        return compile_sql(kids[0])
    parts = [compile_sql(k) for k in kids]
    joiner = " AND " if name == "And" else " OR "
    return "(" + joiner.join(p[0] for p in parts) + ")", [a for p in parts for a in p[1]]


def _sql_not(el) -> tuple[str, list]:
    negate, name, kids = False, local(el), list(el)
    while name == "Not":  # Not(Not(x)) is x
        if len(kids) != 1:
            raise schema_error("The element 'Not' must hold one expression.")
        negate, el = not negate, kids[0]
        name, kids = local(el), list(el)
    sql, args = compile_sql(el)
    return (f"(NOT {sql})" if negate else sql), args


def _sql_exists(kids: list) -> tuple[str, list]:
    if len(kids) != 1:
        raise schema_error("The element 'Exists' must hold one property path.")
    return _any(item_prop(kids[0]), lambda v: f"(COALESCE({v}, '') != '')")


def _sql_contains(el, kids: list) -> tuple[str, list]:
    mode = check_enum(el.get("ContainmentMode", "Substring"), MODES, "ContainmentMode")
    comp = check_enum(el.get("ContainmentComparison", "Loose"), COMPARES, "ContainmentComparison")
    if len(kids) != 2 or kids[1].tag != t("Constant"):
        raise schema_error("The element 'Contains' must hold a property path and a Constant.")
    prop = item_prop(kids[0])
    if prop.kind != "text" or prop.ext_kind not in (None, "text"):
        raise MailboxError("ErrorContainsFilterWrongType", "The property is not a string type.")
    needle = kids[1].get("Value") or ""
    fast = _contains_sql(needle, mode, comp)
    if fast is None or prop.ext_kind:
        sql, args = _any(prop, lambda v: f"ews_contains({v}, ?, ?, ?)", raw=True)
        return sql, _interleave(args, prop, [needle, mode, comp])
    test, fast_args = fast
    sql, args = _any(prop, lambda v: once(v, "CASE WHEN v GLOB '*[^ -~]*' THEN ews_contains(v, ?, ?, ?) "
                                             f"ELSE {test.format(v='v')} END"), raw=True)
    return sql, _interleave(args, prop, [needle, mode, comp] + fast_args)


def _sql_compare(name: str, kids: list) -> tuple[str, list]:
    if len(kids) != 2 or kids[1].tag != t("FieldURIOrConstant") or len(kids[1]) != 1:
        raise schema_error(f"The element '{name}' must hold a property path and a FieldURIOrConstant.")
    prop, other, op = item_prop(kids[0]), kids[1][0], COMPARISONS[name]
    if other.tag == t("Constant"):
        value = constant(prop, other.get("Value") or "")
        sql, args = _any(prop, lambda v: f"({value_sql(prop, v)} {op} ?)", raw=True)
        return sql, _interleave(args, prop, [value])
    right = item_prop(other)
    if prop.multi or right.multi or prop.expr is None or right.expr is None:
        return "0", []
    sql = f"COALESCE(({value_sql(prop, prop.expr)} {op} {value_sql(right, right.expr)}), 0)"
    return sql, prop.params + right.params


def _contains_sql(needle: str, mode: str, comp: str):
    """Contains in SQL for ASCII text and an ASCII needle: (test with {v}, its parameters), or None."""
    if not all(" " <= c <= "~" for c in needle) or "NonSpac" in comp or "NonSpace" in comp \
            or mode == "PrefixOnWords":
        return None
    fold_case = comp != "Exact" and ("IgnoreCase" in comp or comp.startswith("Loose"))
    v = "lower({v})" if fold_case else "{v}"
    n = needle.lower() if fold_case else needle
    if mode == "FullString":
        return f"({v} = ?)", [n]
    if mode == "Prefixed":
        return f"(substr({v}, 1, {len(n)}) = ?)", [n]
    return f"(instr({v}, ?) > 0)", [n]


def _any(prop: Prop, test, raw: bool = False) -> tuple[str, list]:
    """A test of one value, over every value of the property (any matches). With ``raw`` the caller appends
    the test's own parameters (see _interleave)."""
    if prop.multi:
        source, value = prop.each
        return f"EXISTS (SELECT 1 FROM {source} AS j WHERE COALESCE({test(value)}, 0))", list(prop.params)
    if prop.expr is None:
        return "0", []
    return f"COALESCE({test(prop.expr)}, 0)", list(prop.params)


def _interleave(args: list, prop: Prop, extra: list) -> list:
    """Parameters in SQL order: the property path's come first (they precede the test's placeholders)."""
    return list(args) + list(extra) if prop.multi or prop.expr is not None else []


# ---------------- folders (FindFolder) ----------------

FOLDER_PROPS = {"folder:DisplayName": ("name", "text"), "folder:FolderClass": ("klass", "text"),
                "folder:TotalCount": ("total", "num"), "folder:ChildFolderCount": ("children", "num"),
                "folder:UnreadCount": ("unread", "num")}


def compile_folder(el):
    """A search expression -> predicate(facts) for FindFolder; ``facts``: name, klass, total, children, unread
    (the counts are asked for lazily: callables). Same rules as items."""
    name = local(el)
    kids = list(el)
    if name in ("And", "Or"):
        return _folder_and_or(name, kids)
    if name == "Not":
        return _folder_not(kids)
    if name == "Exists":
        get, _ = _folder_prop(kids[0]) if kids else (lambda f: None, "text")
        return lambda f: get(f) not in (None, "")
    if name == "Contains":
        return _folder_contains(el, kids)
    if name in COMPARISONS:
        return _folder_compare(name, kids)
    raise schema_error(f"The element '{name}' is not a supported search expression.")


def _folder_and_or(name: str, kids: list):
    if not kids:
        raise schema_error(f"The element '{name}' has incomplete content.")
    preds = [compile_folder(k) for k in kids]
    return (lambda f: all(p(f) for p in preds)) if name == "And" else (lambda f: any(p(f) for p in preds))


def _folder_not(kids: list):
    if len(kids) != 1:
        raise schema_error("The element 'Not' must hold one expression.")
    p = compile_folder(kids[0])
    return lambda f: not p(f)


def _folder_contains(el, kids: list):
    mode = check_enum(el.get("ContainmentMode", "Substring"), MODES, "ContainmentMode")
    comp = check_enum(el.get("ContainmentComparison", "Loose"), COMPARES, "ContainmentComparison")
    if len(kids) != 2 or kids[1].tag != t("Constant"):
        raise schema_error("The element 'Contains' must hold a property path and a Constant.")
    get, kind = _folder_prop(kids[0])
    if kind != "text":
        raise MailboxError("ErrorContainsFilterWrongType", "The property is not a string type.")
    needle = kids[1].get("Value") or ""
    return lambda f: bool(contains(get(f), needle, mode, comp))


def _folder_compare(name: str, kids: list):
    if len(kids) != 2 or kids[1].tag != t("FieldURIOrConstant") or len(kids[1]) != 1:
        raise schema_error(f"The element '{name}' must hold a property path and a FieldURIOrConstant.")
    get, kind = _folder_prop(kids[0])
    other = kids[1][0]
    if other.tag == t("Constant"):
        value = constant(Prop(kind), other.get("Value") or "")
        right = lambda f: value  # noqa: E731
    else:
        rget, _ = _folder_prop(other)
        right = lambda f: fold(rget(f))  # noqa: E731
    op = COMPARISONS[name]
    return lambda f: _compare(fold(get(f)), op, right(f))


def _compare(left, op: str, right) -> bool:
    if left is None or right is None:
        return False
    try:
        return {"=": left == right, "!=": left != right, ">": left > right, ">=": left >= right,
                "<": left < right, "<=": left <= right}[op]
    except TypeError:
        return False


def _folder_prop(el):
    if el.tag == t("FieldURI"):
        uri = el.get("FieldURI") or ""
        if uri in FOLDER_PROPS:
            key, kind = FOLDER_PROPS[uri]
            return (lambda f: f[key]() if callable(f[key]) else f[key]), kind
        if uri.startswith("folder:"):
            raise MailboxError("ErrorUnsupportedPathForQuery",
                           "The property can not be used with this type of restriction.")
        return (lambda f: None), "text"  # an item property: no folder has it
    if el.tag in (t("ExtendedFieldURI"), t("IndexedFieldURI")):
        return (lambda f: None), "text"
    raise schema_error(f"The element '{local(el)}' is not a property path.")
