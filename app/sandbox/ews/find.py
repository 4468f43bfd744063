"""FindItem: views (paging, CalendarView, ContactsView), traversal, sorting, restrictions and QueryString (AQS),
all evaluated in SQL (restrictions.py, aqs.py). FindFolder's restriction is folders.py's (find_folder_filter).

What the sandbox cannot do is answered, never ignored (a delete scoped by an ignored filter would empty the
folder): SeekToConditionPageItemView, GroupBy and DistinguishedGroupBy are ErrorInvalidOperation (the code the
sandbox gives every request it does not implement); a sort on a property that cannot be sorted (a
multi-valued one but item:Categories, a body, the attachments) is ErrorUnsupportedPathForSortGroup ("a property
that is invalid for a sort or group by property", ResponseCode reference); CalendarView on a folder that is not
a calendar is ErrorCalendarFolderIsInvalidForCalendarView; a QueryString beside a Restriction ("The QueryString element
excludes the use of EWS restrictions", QueryString reference) or one the sandbox cannot read is
ErrorInvalidArgument. Each is answered in every folder's response message, as Exchange answers a bad view.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..core.errors import MailboxError
from ..core.session import Ctx
from ..core.store import SORTABLE
from . import aqs
from .budget import budget_of, stopped_message
from .folders import folder_row
from .items import folder_id_of
from .itemxml import parse_shape, render_item
from .paging import parse_paging
from .restrictions import compile_sql, item_prop, sql_functions, value_sql
from .soap import (
    check_enum, error_message, local, m, parse_dt, required_children, response_message, response_root,
    schema_error, sub, t,
)

ITEM_VIEWS = ("IndexedPageItemView", "FractionalPageItemView", "SeekToConditionPageItemView", "CalendarView",
              "ContactsView")
NOT_IMPLEMENTED = {
    "SeekToConditionPageItemView": "SeekToConditionPageItemView is not supported by this server.",
    "GroupBy": "GroupBy is not supported by this server.",
    "DistinguishedGroupBy": "DistinguishedGroupBy is not supported by this server.",
}
NOT_SORTABLE = "The property can not be used for sorting or grouping results."
TOO_COMPLEX = "The restriction is too complex for this server (nested too deeply)."
TRAVERSALS = ("Shallow", "SoftDeleted", "Associated")  # ItemQueryTraversalType: no Deep for items
#: The FieldURIs a page sorts by on the store's own indexed columns (core/store.py SORTABLE).
SORT_COLUMNS = {
    "item:DateTimeCreated": "created",
    "item:DateTimeSent": "sent",
    "item:DateTimeReceived": "received",
    "item:LastModifiedTime": "modified",
    "item:Subject": "subject",
    "item:Size": "size",
}
#: item:Categories, which Exchange sorts by although it is multi-valued. Microsoft's documentation
#: (FieldOrder, SortOrder, the Categories element) does not say which of an item's categories its place in the
#: order comes from; the sandbox sorts by the first category, case-insensitively (items without one first when
#: ascending, as SQLite orders NULL).
CATEGORIES_SORT = "ews_fold(json_extract(data, '$.Categories[0]'))"


def parse_sort(el) -> list[tuple[str, list, bool]]:
    """SortOrder -> [(SQL expression, its parameters, descending)]. Raises SoapFault / MailboxError."""
    if el is None:
        return []
    out = []
    for fo in el:
        if fo.tag != t("FieldOrder") or len(fo) != 1:
            raise schema_error("The element 'SortOrder' has invalid content.")
        desc = check_enum(fo.get("Order", "Ascending"), ("Ascending", "Descending"), "Order") == "Descending"
        path = fo[0]
        uri = path.get("FieldURI") if path.tag == t("FieldURI") else None
        if uri in SORT_COLUMNS:
            out.append((SORT_COLUMNS[uri], [], desc))
            continue
        if uri == "item:Categories":
            out.append((CATEGORIES_SORT, [], desc))
            continue
        try:
            prop = item_prop(path)
        except MailboxError:
            raise MailboxError("ErrorUnsupportedPathForSortGroup", NOT_SORTABLE) from None
        if prop.multi or uri in ("item:Body", "item:TextBody"):
            raise MailboxError("ErrorUnsupportedPathForSortGroup", NOT_SORTABLE)
        out.append((value_sql(prop, prop.expr) if prop.kind.startswith("enum:") else prop.expr or "NULL",
                    prop.params, desc))
    return out


def _views(req):
    """The one paging view of the request (types.xsd: a choice), its name, and the grouping asked for."""
    views = [c for c in req if local(c) in ITEM_VIEWS]
    groups = [c for c in req if local(c) in ("GroupBy", "DistinguishedGroupBy")]
    if len(views) > 1 or len(groups) > 1:
        raise schema_error("The element 'FindItem' has invalid child element: only one view and one grouping.")
    return (views[0] if views else None), (groups[0] if groups else None)


def _item_filter(req, view) -> tuple[str, list, list]:
    """Restriction / QueryString / ContactsView / CalendarView -> (SQL, parameters, AQS matchers)."""
    rel, qs = req.find(m("Restriction")), req.find(m("QueryString"))
    sql, args, matchers = "1", [], []
    if rel is not None:
        if len(rel) != 1:
            raise schema_error("The element 'Restriction' must hold one expression.")
        sql, args = compile_sql(rel[0])
    if qs is not None:
        for attr in ("ResetCache", "ReturnHighlightTerms", "ReturnDeletedItems"):
            if qs.get(attr) is not None:
                check_enum(qs.get(attr), ("true", "false", "1", "0"), attr)
        if rel is not None:
            raise MailboxError("ErrorInvalidArgument", "The QueryString element excludes the use of a Restriction.")
        sql, args, matchers = aqs.compile_query(qs.text or "")
    if view is not None and local(view) == "ContactsView":  # contacts (and distribution lists), by FileAs
        sql = f"({sql}) AND (json_extract(data, '$.ItemClass') LIKE 'IPM.Contact%' OR " \
              "json_extract(data, '$.ItemClass') LIKE 'IPM.DistList%')"
        for attr, op in (("InitialName", ">="), ("FinalName", "<=")):
            if view.get(attr) is not None:
                sql += f" AND ews_fold(subject) {op} ?"
                args = args + [view.get(attr).casefold()]
    if view is not None and local(view) == "CalendarView":  # calendar items; the sandbox stores none
        parse_dt(view.get("StartDate"), "StartDate"), parse_dt(view.get("EndDate"), "EndDate")
        sql = f"({sql}) AND json_extract(data, '$.ItemClass') LIKE 'IPM.Appointment%'"
    return sql, args, matchers


def _query(ctx: Ctx, mailbox: str, folder: str, where: str, args: list, order, paging, matchers):
    """(total, start, page of items) for the matches, sorted and paged in SQL."""
    cols = order or [("created", [], True)]
    order_sql = ", ".join(f"{expr} {'DESC' if desc else 'ASC'}" for expr, _, desc in cols)
    order_sql += f", items.rowid {'DESC' if cols[-1][2] else 'ASC'}"
    order_args = [a for _, params, _ in cols for a in params]
    functions = {**sql_functions(), "ews_aqs": (2, lambda text, i: matchers[i](text))}
    found = ctx.store.matching_rowids(mailbox, folder, where, args, order_sql, order_args, functions)
    total = len(found)  # one pass over the folder: every match in order, then the page's rows by rowid
    start, stop = paging.window(total)
    return total, start, ctx.store.rows_by_rowid(found[max(start, 0):stop])


@dataclass
class _Plan:
    """What a FindItem asks of every folder it names: the filter, the order, the page and the shape."""
    traversal: str
    shape: object
    view: object
    order: list
    where: str
    args: list
    matchers: list
    paging: object

    @property
    def calendar(self) -> bool:
        return self.view is not None and local(self.view) == "CalendarView"


def op_find_item(ctx: Ctx, req):
    traversal = check_enum(req.get("Traversal"), TRAVERSALS, "Traversal")
    shape = parse_shape(req.find(m("ItemShape")))
    view, group = _views(req)
    plan, request_error = None, None
    try:  # per folder errors: each folder's response message says so
        plan = _plan(req, traversal, shape, view, group)
    except MailboxError as e:
        request_error = e
    resp = response_root("FindItem")
    msgs = sub(resp, m("ResponseMessages"))
    budget = budget_of(ctx)  # budget.py: a folder named 10,000 times is not 10,000 pages in one answer
    for el in required_children(req, "ParentFolderIds"):
        if budget.spent:
            stopped_message(msgs, "FindItem")
            continue
        if request_error is not None:
            budget.count(error_message(msgs, "FindItem", request_error))
            continue
        try:
            total, start, page = _folder_page(ctx, el, plan)
        except MailboxError as e:
            budget.count(error_message(msgs, "FindItem", e))
            continue
        budget.count(_render_page(msgs, plan, total, start, page))
    return resp


def _plan(req, traversal: str, shape, view, group) -> _Plan:
    order = parse_sort(req.find(m("SortOrder")))
    where, args, matchers = _item_filter(req, view)
    if view is not None and local(view) in NOT_IMPLEMENTED:
        raise MailboxError("ErrorInvalidOperation", NOT_IMPLEMENTED[local(view)])
    if group is not None:
        raise MailboxError("ErrorInvalidOperation", NOT_IMPLEMENTED[local(group)])
    indexed = view if view is not None and local(view) in ("IndexedPageItemView", "ContactsView",
                                                            "CalendarView") else None
    paging = parse_paging(indexed, req.find(m("FractionalPageItemView")))
    return _Plan(traversal, shape, view, order, where, args, matchers, paging)


def _folder_page(ctx: Ctx, el, plan: _Plan):
    """(total, start, page of items) in the folder ``el`` names. Raises MailboxError."""
    mailbox, row = folder_row(ctx, el, "read")
    if plan.calendar and not _is_calendar(row):
        raise MailboxError("ErrorCalendarFolderIsInvalidForCalendarView",
                           "The folder for a CalendarView must be a calendar folder.")
    if plan.traversal in ("Associated", "SoftDeleted"):
        # no sandbox item is associated (FAI); a soft-deleted item is moved to Recoverable Items\Deletions
        return 0, 0, []
    paging = plan.paging
    if plan.where == "1" and not order_args_needed(plan.order) and paging.plain:
        total, page = ctx.store.page(mailbox, row["key"], _store_order(plan.order), paging.offset, paging.limit)
        return total, paging.offset, page
    try:
        return _query(ctx, mailbox, row["key"], plan.where, plan.args, plan.order, paging, plan.matchers)
    except sqlite3.OperationalError as e:  # nesting SQLite's parser cannot take (after Not(Not(x)) -> x)
        if "stack overflow" not in str(e) and "too large" not in str(e) and "too deep" not in str(e):
            raise
        raise MailboxError("ErrorRestrictionTooComplex", TOO_COMPLEX) from None


def _render_page(msgs, plan: _Plan, total: int, start: int, page: list):
    """One folder's response message: its RootFolder with the page of items."""
    rm = response_message(msgs, "FindItem")
    attrs = plan.paging.root_attrs(start, len(page), total)
    if plan.calendar:
        attrs = {k: v for k, v in attrs.items() if k != "IndexedPagingOffset"}
    box = sub(sub(rm, m("RootFolder"), **attrs), t("Items"))
    pfid = None
    for it in page:
        pfid = pfid or folder_id_of(it)
        render_item(box, it, plan.shape, find=True, parent_folder_id=pfid)
    return rm


def order_args_needed(order) -> bool:
    """True when a sort key is not one of the store's indexed columns (store.page cannot sort by it)."""
    return any(expr not in SORTABLE for expr, _, _ in order)


def _store_order(order):
    return [(expr, desc) for expr, _, desc in order]


def _is_calendar(row: dict) -> bool:
    klass = row.get("klass") or ""
    return klass == "IPF.Appointment" or klass.startswith("IPF.Appointment.")
