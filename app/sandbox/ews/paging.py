"""FindItem/FindFolder paging views (IndexedPage*View, FractionalPage*View), checked as Exchange checks them.

Meanings from Microsoft's ResponseCode reference (Exchange web services):
- ErrorInvalidPagingMaxRows: "a consumer passes in a zero or a negative value for the maximum rows to be
  returned" (MaxEntriesReturned <= 0);
- ErrorInvalidIndexedPagingParameters: "the offset for indexed paging is negative";
- ErrorInvalidFractionalPagingParameters: a numerator greater than the denominator, a numerator less than
  zero, or a denominator less than or equal to zero.
They are answered in each folder's response message (ResponseClass="Error"). MaxEntriesReturned, Offset,
Numerator and Denominator are xs:int: a value that is not one is a schema fault (parse_int). An offset past
the end is no error: an empty last page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import MailboxError
from .soap import check_enum, parse_int, xbool


@dataclass(frozen=True)
class Paging:
    limit: int | None = None  # MaxEntriesReturned; None: no limit
    offset: int = 0  # IndexedPage*View Offset (from the BasePoint)
    from_end: bool = False  # BasePoint="End"
    fraction: tuple[int, int] | None = None  # FractionalPage*View (Numerator, Denominator)

    @property
    def plain(self) -> bool:
        """Forward from an offset: what the store pages in SQL."""
        return not self.from_end and self.fraction is None

    def window(self, total: int) -> tuple[int, int | None]:
        """Slice bounds [start, stop) of the page within ``total`` matches (stop None: to the end)."""
        if self.fraction is not None:
            start = total * self.fraction[0] // self.fraction[1]
        elif self.from_end:
            end = max(total - self.offset, 0)
            return (max(end - self.limit, 0) if self.limit is not None else 0), end
        else:
            start = self.offset
        return start, None if self.limit is None else start + self.limit

    def root_attrs(self, start: int, count: int, total: int) -> dict:
        """The RootFolder attributes (FindItemParentType / FindFolderParentType) for a page of ``count``
        matches from ``start``. From the end, the next offset is again counted from the end, and the range
        ends when the page reached the first match."""
        nxt = start + count
        if self.fraction is not None:
            return {"NumeratorOffset": str(nxt), "AbsoluteDenominator": str(total),
                    "IncludesLastItemInRange": xbool(nxt >= total), "TotalItemsInView": str(total)}
        if self.from_end:
            return {"IndexedPagingOffset": str(total - start), "IncludesLastItemInRange": xbool(start == 0),
                    "TotalItemsInView": str(total)}
        return {"IndexedPagingOffset": str(nxt), "IncludesLastItemInRange": xbool(nxt >= total),
                "TotalItemsInView": str(total)}


def parse_paging(indexed, fractional) -> Paging:
    """The view a request asks for (None, None: everything). Raises SoapFault (schema) for a value that is
    not an xs:int (every value is parsed before any is judged, as schema validation comes first), then
    MailboxError for values Exchange refuses."""
    limit = None
    for view in (indexed, fractional):
        if view is not None and view.get("MaxEntriesReturned") is not None:
            limit = parse_int(view.get("MaxEntriesReturned"), "MaxEntriesReturned")
    paging = Paging(limit=limit)
    if fractional is not None:
        num = parse_int(fractional.get("Numerator", "0"), "Numerator")
        den = parse_int(fractional.get("Denominator", "1"), "Denominator")
        paging = Paging(limit=limit, fraction=(num, den))
    elif indexed is not None:
        offset = parse_int(indexed.get("Offset", "0"), "Offset")
        from_end = check_enum(indexed.get("BasePoint", "Beginning"), ("Beginning", "End"), "BasePoint") == "End"
        paging = Paging(limit=limit, offset=offset, from_end=from_end)
    if limit is not None and limit <= 0:
        raise MailboxError("ErrorInvalidPagingMaxRows", "MaxEntriesReturned must be greater than zero.")
    if paging.fraction is not None:
        num, den = paging.fraction
        if den <= 0 or num < 0 or num > den:
            raise MailboxError("ErrorInvalidFractionalPagingParameters",
                           "Fractional paging needs a Denominator greater than zero and a Numerator from zero "
                           "to the Denominator.")
    if paging.offset < 0:
        raise MailboxError("ErrorInvalidIndexedPagingParameters", "The offset for indexed paging must not be negative.")
    return paging
