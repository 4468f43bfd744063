"""How fast the sandbox serves the first page of a big folder, over EWS and over Graph. Prints two tables;
asserts nothing.

Measures: alice's Drafts filled with N items (bulk, straight into the store; every tenth has the category
"Tenth", every one "Bench"), then the first FindItem page (50 items) over loopback HTTP with a keep-alive
session: the exchangelib listing shape (IdOnly + simple properties, newest first), other sort keys,
restrictions (all evaluated in SQL: a Contains on Subject, a category as exchangelib sends
categories__contains, a Message-ID), QueryString (AQS) searches, and a CreateItem for comparison. Then the
same first page over Microsoft Graph (GET /me/mailFolders/drafts/messages with $top=50 and $select of the
list's columns; plain, with $filter=isDraft eq true, $orderby=subject and $count=true) over an httpx
keep-alive client with a token minted by the sandbox's authority.

Baselines (same run): a 100-item folder (Sent Items) listed the same way, and a raw httpx GET of a static
sandbox page (the floor of one loopback request).

Run: ``python bench/bench_sandbox.py [N]`` (default N = 10000)

Results: printed only.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
import requests  # noqa: E402

from app.sandbox import Sandbox  # noqa: E402
from app.sandbox.core.clock import fmt_dt, utcnow  # noqa: E402

ENVELOPE = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
            'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Header>'
            '<t:RequestServerVersion Version="Exchange2016"/></s:Header><s:Body>{}</s:Body></s:Envelope>')


def find_body(folder, sort="item:DateTimeCreated", order="Descending", restriction="", query=""):
    return ENVELOPE.format(
        '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
        '<t:FieldURI FieldURI="item:DateTimeCreated"/><t:FieldURI FieldURI="item:Importance"/>'
        '<t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>'
        '<m:IndexedPageItemView MaxEntriesReturned="50" Offset="0" BasePoint="Beginning"/>'
        f"{restriction}<m:SortOrder><t:FieldOrder Order=\"{order}\"><t:FieldURI FieldURI=\"{sort}\"/>"
        f'</t:FieldOrder></m:SortOrder><m:ParentFolderIds><t:DistinguishedFolderId Id="{folder}"/>'
        f"</m:ParentFolderIds>{query}</m:FindItem>")


CREATE = ENVELOPE.format(
    '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="outbox"/>'
    "</m:SavedItemFolderId><m:Items><t:Message><t:Subject>bench</t:Subject><t:ToRecipients><t:Mailbox>"
    "<t:EmailAddress>bob@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items>"
    "</m:CreateItem>")
BY_IMID = ('<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="message:InternetMessageId"/><t:FieldURIOrConstant>'
           '<t:Constant Value="&lt;drafts-4242@bench&gt;"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>')
CATEGORY = ('<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="item:Categories"/><t:FieldURIOrConstant>'
            '<t:Constant Value="tenth"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>')
AQS_SUBJECT = "<m:QueryString>subject:99</m:QueryString>"
AQS_WORDS = "<m:QueryString>item bob</m:QueryString>"
AQS_CATEGORY = "<m:QueryString>category:tenth</m:QueryString>"
AQS_NOTHING = "<m:QueryString>fudge</m:QueryString>"
AQS_PHRASE = '<m:QueryString>body:"item 4242"</m:QueryString>'
RESTRICT = ('<m:Restriction><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase">'
            '<t:FieldURI FieldURI="item:Subject"/><t:Constant Value="item 99"/></t:Contains></m:Restriction>')


def fill(sb, folder, n):
    store = sb.store
    t0 = time.perf_counter()
    with store.tx():
        for i in range(n):
            now = fmt_dt(utcnow())
            store.insert("alice@example.com", folder, {
                "DateTimeCreated": now, "LastModifiedTime": now, "Subject": f"item {i}", "ItemClass": "IPM.Note",
                "Importance": "Normal", "IsRead": True, "IsDraft": True, "InternetMessageId": f"<{folder}-{i}@bench>",
                "Categories": ["Bench", "Tenth"] if i % 10 == 0 else ["Bench"],
                "Body": {"BodyType": "Text", "text": f"body of item {i}"},
                "ToRecipients": [{"EmailAddress": "bob@example.com", "RoutingType": "SMTP"}]})
    return time.perf_counter() - t0


def matches(text):
    return int(text.split('TotalItemsInView="', 1)[1].split('"', 1)[0]) if "TotalItemsInView" in text else -1


def timed(session, url, auth, body, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = session.post(url, data=body.encode(), auth=auth, headers={"Content-Type": "text/xml; charset=utf-8"})
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200 and 'ResponseClass="Error"' not in r.text, r.text[:300]
    return times[0], statistics.median(times), matches(r.text)


#: The message list's columns (what a client's list view shows), as Graph's $select.
LIST_SELECT = "subject,toRecipients,from,createdDateTime,lastModifiedDateTime,importance,isDraft,hasAttachments"


def timed_get(client, url, params=None, runs=7):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, r.text[:300]
    got = r.json().get("value") if r.headers.get("content-type", "").startswith("application/json") else None
    return times[0], statistics.median(times), -1 if got is None else len(got)


def graph_rows(sb, n):
    user = sb.accounts[0]
    token = sb.authority.access_token_for(user["email"])
    page = {"$top": "50", "$select": LIST_SELECT}
    drafts = "/me/mailFolders/drafts/messages"
    rows = []
    with httpx.Client(trust_env=False, auth=(user["username"], user["password"])) as raw:
        rows.append(("baseline: raw GET of a static sandbox page", *timed_get(raw, sb.ews_url)))
    with httpx.Client(base_url=sb.graph_url, headers={"Authorization": "Bearer " + token}, trust_env=False) as c:
        for label, url, params in [
            ("baseline: 100 items, newest first", "/me/mailFolders/sentitems/messages", page),
            (f"{n} items, newest first ($select of the list)", drafts, page),
            (f"{n} items, $filter=isDraft eq true", drafts, dict(page, **{"$filter": "isDraft eq true"})),
            (f"{n} items, $orderby=subject", drafts, dict(page, **{"$orderby": "subject"})),
            (f"{n} items, $count=true", drafts, dict(page, **{"$count": "true"})),
        ]:
            rows.append((label, *timed_get(c, url, params)))
    return rows


def table(title, rows, last_col="matches"):
    print(f"\n{title}\n")
    print(f"{'case':<52} {'first ms':>9} {'median ms':>10} {last_col:>8}")
    print("-" * 82)
    for label, first, median, total in rows:
        print(f"{label:<52} {first:>9.1f} {median:>10.1f} {total if total >= 0 else '':>8}")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sb = Sandbox(graph=True).start()
    try:
        fill_s = fill(sb, "drafts", n)
        fill(sb, "sentitems", 100)
        user = sb.accounts[0]
        auth = (user["username"], user["password"])
        s = requests.Session()
        rows = []
        for label, folder, body in [
            ("baseline: 100 items, newest first", "sentitems", find_body("sentitems")),
            (f"{n} items, newest first (exchangelib listing)", "drafts", find_body("drafts")),
            (f"{n} items, by Subject ascending", "drafts", find_body("drafts", "item:Subject", "Ascending")),
            (f"{n} items, by LastModifiedTime", "drafts", find_body("drafts", "item:LastModifiedTime")),
            (f"{n} items, Contains on Subject", "drafts", find_body("drafts", restriction=RESTRICT)),
            (f"{n} items, Categories = 'tenth' (1 in 10)", "drafts", find_body("drafts", restriction=CATEGORY)),
            (f"{n} items, InternetMessageId =", "drafts", find_body("drafts", restriction=BY_IMID)),
            (f"{n} items, AQS subject:99", "drafts", find_body("drafts", query=AQS_SUBJECT)),
            (f"{n} items, AQS 'item bob' (every field)", "drafts", find_body("drafts", query=AQS_WORDS)),
            (f"{n} items, AQS category:tenth", "drafts", find_body("drafts", query=AQS_CATEGORY)),
            (f"{n} items, AQS 'fudge' (every field, no match)", "drafts", find_body("drafts", query=AQS_NOTHING)),
            (f"{n} items, AQS body:\"item 4242\" (phrase)", "drafts", find_body("drafts", query=AQS_PHRASE)),
            ("CreateItem SaveOnly (one item)", None, CREATE),
        ]:
            rows.append((label, *timed(s, sb.ews_url, auth, body)))
        table(f"EWS sandbox FindItem, first page of 50 (filled {n} items in {fill_s:.2f} s)", rows)
        table("Graph sandbox, GET .../messages?$top=50 (same mailbox, same run)", graph_rows(sb, n), "items")
        print("\ntarget: first page of 10,000 items well under 100 ms")
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
