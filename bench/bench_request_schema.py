"""What checking every EWS request against the schema costs the sandbox. Prints one table of medians; asserts
nothing.

Measures, for a typical CreateItem (one recipient, a short HTML body), a CreateItem with a 1 MB HTML body
and a CreateAttachment with a 1 MB file (1.33 MB of base64), in process: the schema check
(app/sandbox/ews/validation.py) on the parsed tree, and the whole request over loopback HTTP to a running
sandbox.

Baselines (same run): parsing the envelope alone (what every request pays anyway), and the same HTTP
request to a sandbox whose check is off (``schema_dir = None``, as where no schema library is installed).

Run: ``python bench/bench_request_schema.py [ROUNDS]`` (default ROUNDS = 20)

Results: printed only.
"""

from __future__ import annotations

import base64
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402

from app.sandbox import Sandbox  # noqa: E402
from app.sandbox.ews import validation  # noqa: E402
from app.sandbox.ews.soap import parse_envelope  # noqa: E402

ENVELOPE = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
            'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Header>'
            '<t:RequestServerVersion Version="Exchange2016"/></s:Header><s:Body>{}</s:Body></s:Envelope>')


def create(body: str) -> bytes:
    return ENVELOPE.format(
        '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/>'
        '</m:SavedItemFolderId><m:Items><t:Message><t:Subject>bench</t:Subject>'
        f'<t:Body BodyType="HTML">{body}</t:Body><t:ToRecipients><t:Mailbox>'
        "<t:EmailAddress>bob@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items>"
        "</m:CreateItem>").encode()


def attach(item_id: str, size: int) -> bytes:
    content = base64.b64encode(b"\x07" * size).decode()
    return ENVELOPE.format(
        f'<m:CreateAttachment><m:ParentItemId Id="{item_id}"/><m:Attachments><t:FileAttachment>'
        f"<t:Name>bench.bin</t:Name><t:Content>{content}</t:Content></t:FileAttachment></m:Attachments>"
        "</m:CreateAttachment>").encode()


def median_ms(fn, rounds: int) -> float:
    fn()  # warm
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    sb = Sandbox()
    sb.start()
    try:
        user = sb.accounts[0]
        http = requests.Session()
        http.auth = (user["username"], user["password"])
        r = http.post(sb.ews_url, data=create("&lt;p&gt;hi&lt;/p&gt;"), timeout=60)
        item_id = r.text.split('ItemId Id="', 1)[1].split('"', 1)[0]
        cases = [("CreateItem, short body", create("&lt;p&gt;hello&lt;/p&gt;")),
                 ("CreateItem, 1 MB HTML body", create("&lt;p&gt;" + "x" * 1_000_000 + "&lt;/p&gt;")),
                 ("CreateAttachment, 1 MB file", attach(item_id, 1_000_000))]
        schema_dir = sb.schema_dir
        print(f"\n{'case (median of ' + str(rounds) + ')':<32} {'parse ms':>9} {'schema ms':>10} {'HTTP ms':>9} "
              f"{'unchecked':>11}")
        print("-" * 76)
        for label, raw in cases:
            header, req = parse_envelope(raw)
            parse = median_ms(lambda raw=raw: parse_envelope(raw), rounds)
            check = median_ms(lambda raw=raw, h=header, q=req: validation.validate(sb.schema_dir, raw, h, q), rounds)
            whole = []
            for checked in (sb.schema_dir, None):
                sb.schema_dir = checked
                whole.append(median_ms(lambda raw=raw: http.post(sb.ews_url, data=raw, timeout=60).raise_for_status(),
                                       max(3, rounds // 4)))
            sb.schema_dir = schema_dir
            print(f"{label:<32} {parse:>9.2f} {check:>10.2f} {whole[0]:>9.1f} {whole[1]:>11.1f}")
        print("\nbaselines: 'parse ms' (what every request paid before the check), 'unchecked' (HTTP, no check)")
    finally:
        sb.stop()


if __name__ == "__main__":
    main()
