"""FindItem: paging (IndexedPageItemView / FractionalPageItemView), sorting, restrictions."""

from __future__ import annotations

from .folders import Ctx, resolve_folder
from .itemxml import BY_URI, parse_field_uri, parse_shape, render_item, simple_value
from .items import folder_id_of
from .paging import parse_paging
from .soap import (
    EwsError, check_enum, error_message, local, m, parse_dt, required_children, response_message, response_root,
    schema_error, sub, t,
)
from .store import SORT_COLUMNS

COMPARISONS = {"IsEqualTo", "IsNotEqualTo", "IsGreaterThan", "IsGreaterThanOrEqualTo", "IsLessThan",
               "IsLessThanOrEqualTo"}
MODES = ("FullString", "Prefixed", "Substring", "PrefixOnWords", "ExactPhrase")
COMPARES = ("Exact", "IgnoreCase", "IgnoreNonSpacingCharacters", "Loose", "IgnoreCaseAndNonSpacingCharacters",
            "LooseAndIgnoreCase", "LooseAndIgnoreNonSpace", "LooseAndIgnoreCaseAndIgnoreNonSpace")


def _coerce(uri: str, text: str):
    f = BY_URI.get(uri)
    kind = f[2] if f else "str"
    if kind == "bool" or uri == "item:HasAttachments":
        return text.strip().lower() in ("true", "1")
    if kind == "int":
        try:
            return int(text)
        except ValueError:
            raise EwsError("ErrorInvalidValueForProperty", "The value is invalid for the property.") from None
    if kind == "dt":
        try:
            return parse_dt(text)
        except Exception:
            raise EwsError("ErrorInvalidValueForProperty", "The value is invalid for the property.") from None
    return text


def compile_restriction(el):
    """Restriction element -> predicate(item) -> bool. Faults on unknown elements."""
    name = local(el)
    kids = list(el)
    if name in ("And", "Or"):
        if not kids:
            raise schema_error(f"The element '{name}' has incomplete content.")
        preds = [compile_restriction(k) for k in kids]
        return (lambda it: all(p(it) for p in preds)) if name == "And" else (lambda it: any(p(it) for p in preds))
    if name == "Not":
        if len(kids) != 1:
            raise schema_error("The element 'Not' must hold one expression.")
        p = compile_restriction(kids[0])
        return lambda it: not p(it)
    if name == "Exists":
        uri = parse_field_uri(kids[0]) if kids else None
        return lambda it: uri is not None and simple_value(it, uri) not in (None, "", [])
    if name == "Contains":
        mode = check_enum(el.get("ContainmentMode", "Substring"), MODES, "ContainmentMode")
        comp = check_enum(el.get("ContainmentComparison", "Loose"), COMPARES, "ContainmentComparison")
        if len(kids) != 2 or kids[1].tag != t("Constant"):
            raise schema_error("The element 'Contains' must hold a property path and a Constant.")
        uri = parse_field_uri(kids[0])
        needle = kids[1].get("Value") or ""
        fold = comp != "Exact"

        def contains(it):
            v = simple_value(it, uri) if uri else None
            vals = v if isinstance(v, list) else [v]
            for s in vals:
                if not isinstance(s, str):
                    continue
                hay, n = (s.lower(), needle.lower()) if fold else (s, needle)
                if mode == "FullString" and hay == n:
                    return True
                if mode == "Prefixed" and hay.startswith(n):
                    return True
                if mode in ("Substring", "ExactPhrase") and n in hay:
                    return True
                if mode == "PrefixOnWords" and any(w.startswith(n) for w in hay.split()):
                    return True
            return False
        return contains
    if name in COMPARISONS:
        if len(kids) != 2 or kids[1].tag != t("FieldURIOrConstant") or len(kids[1]) != 1:
            raise schema_error(f"The element '{name}' must hold a property path and a FieldURIOrConstant.")
        uri = parse_field_uri(kids[0])
        other = kids[1][0]
        if other.tag == t("Constant"):
            const = _coerce(uri, other.get("Value") or "") if uri else other.get("Value")
            right = lambda it: const  # noqa: E731
        else:
            ruri = parse_field_uri(other)
            right = lambda it: simple_value(it, ruri) if ruri else None  # noqa: E731

        def compare(it):
            left = simple_value(it, uri) if uri else None
            r = right(it)
            if name == "IsEqualTo":
                return left == r
            if name == "IsNotEqualTo":
                return left != r
            if left is None or r is None:
                return False
            try:
                return {"IsGreaterThan": left > r, "IsGreaterThanOrEqualTo": left >= r, "IsLessThan": left < r,
                        "IsLessThanOrEqualTo": left <= r}[name]
            except TypeError:
                return False
        return compare
    raise schema_error(f"The element '{name}' is not a supported search expression.")


SQL_EQUAL = {"message:InternetMessageId": "imid", "item:Subject": "subject"}


def sql_prefilter(el) -> dict:
    """Equalities every match must satisfy (top level or inside And), usable as an indexed SQL pre-filter."""
    name = local(el)
    if name == "And":
        out = {}
        for k in el:
            out.update(sql_prefilter(k))
        return out
    if name == "IsEqualTo" and len(el) == 2 and len(el[1]) == 1 and el[1][0].tag == t("Constant"):
        col = SQL_EQUAL.get(el[0].get("FieldURI") if el[0].tag == t("FieldURI") else None)
        if col:
            return {col: el[1][0].get("Value") or ""}
    return {}


def parse_sort(el) -> list[tuple[str, bool]]:
    if el is None:
        return []
    out = []
    for fo in el:
        if fo.tag != t("FieldOrder") or len(fo) != 1:
            raise schema_error("The element 'SortOrder' has invalid content.")
        desc = check_enum(fo.get("Order", "Ascending"), ("Ascending", "Descending"), "Order") == "Descending"
        uri = parse_field_uri(fo[0])
        if uri:
            out.append((uri, desc))
    return out


def _sort_py(items, order):
    for uri, desc in reversed(order or [("item:DateTimeCreated", True)]):
        items.sort(key=lambda it: (simple_value(it, uri) is not None, simple_value(it, uri) or ""), reverse=desc)
    return items


def op_find_item(ctx: Ctx, req):
    check_enum(req.get("Traversal"), ("Shallow", "Deep", "SoftDeleted", "Associated"), "Traversal")
    shape = parse_shape(req.find(m("ItemShape")))
    order = parse_sort(req.find(m("SortOrder")))
    rel = req.find(m("Restriction"))
    pred, prefilter = None, {}
    if rel is not None:
        if len(rel) != 1:
            raise schema_error("The element 'Restriction' must hold one expression.")
        pred = compile_restriction(rel[0])
        prefilter = sql_prefilter(rel[0])
    paging, paging_error = None, None
    try:
        paging = parse_paging(req.find(m("IndexedPageItemView")), req.find(m("FractionalPageItemView")))
    except EwsError as e:  # each folder's response message says so
        paging_error = e
    sql_sortable = all(uri in SORT_COLUMNS for uri, _ in order)
    resp = response_root("FindItem")
    msgs = sub(resp, m("ResponseMessages"))
    for el in required_children(req, "ParentFolderIds"):
        if paging_error is not None:
            error_message(msgs, "FindItem", paging_error)
            continue
        try:
            mailbox, folder = resolve_folder(ctx, el)
        except EwsError as e:
            error_message(msgs, "FindItem", e)
            continue
        if pred is None and sql_sortable and paging.plain:
            total, page = ctx.store.page(mailbox, folder, order, paging.offset, paging.limit)
            start = paging.offset
        else:
            candidates = ctx.store.all_in(mailbox, folder, equal=prefilter)
            everything = [it for it in candidates if pred is None or pred(it)]
            everything = _sort_py(everything, order)
            total = len(everything)
            start, stop = paging.window(total)
            page = everything[start:stop]
        rm = response_message(msgs, "FindItem")
        root = sub(rm, m("RootFolder"), **paging.root_attrs(start, len(page), total))
        box = sub(root, t("Items"))
        pfid = None
        for it in page:
            pfid = pfid or folder_id_of(it)
            render_item(box, it, shape, find=True, parent_folder_id=pfid)
    return resp
