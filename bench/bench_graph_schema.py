"""What the Graph half of "schema is law" costs the test suite: deriving the JSON Schemas from Microsoft's CSDL
(once per test worker) and checking one 10 MB attachment upload (the largest body a test sends). Prints a
table; asserts nothing (no test asserts a wall time).

Baselines (same run): parsing the CSDL file with ``xml.etree.ElementTree`` alone, and ``json.loads`` plus
``base64.b64decode`` of the same 10 MB body.

Run: ``python bench/bench_graph_schema.py``

Results: printed only.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.graph_schema import CSDL_PATH, load_graph_schemas  # noqa: E402
from tests.graph_wire import GraphWireValidator  # noqa: E402

PATH = "/v1.0/me/messages/AAMkAGI2TG93AAA=/attachments"
RUNS = 3


def _best(fn) -> float:
    """The fastest of ``RUNS`` runs, in seconds (the least disturbed by other work on the machine)."""
    took = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        took.append(time.perf_counter() - t)
    return min(took)


def _attachment() -> bytes:
    big = base64.b64encode(bytes(range(256)) * 40_000).decode()  # 10 MB of base64, as the test sends
    return json.dumps({"@odata.type": "#microsoft.graph.fileAttachment", "name": "notes.txt",
                       "contentType": "text/plain", "contentBytes": big}).encode()


def _check(validator: GraphWireValidator, body: bytes) -> None:
    found = validator.problems("request", body, method="POST", path=PATH, content_type="application/json")
    assert found == [], found


def main() -> None:
    print(f"load {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs; best of {RUNS}")
    print("| what | s |\n|---|---|")
    print(f"| baseline: parse the CSDL ({CSDL_PATH.stat().st_size / 2**20:.1f} MiB) with ElementTree | "
          f"{_best(lambda: ET.parse(CSDL_PATH)):.2f} |")
    print(f"| derive the Graph schemas (load_graph_schemas) | {_best(load_graph_schemas):.2f} |")
    body = _attachment()
    print(f"| baseline: json.loads + b64decode of a {len(body) / 2**20:.0f} MiB attachment body | "
          f"{_best(lambda: base64.b64decode(json.loads(body)['contentBytes'])):.2f} |")
    validator = GraphWireValidator(load_graph_schemas())
    print(f"| check that body against its route's schema | {_best(lambda: _check(validator, body)):.2f} |")


if __name__ == "__main__":
    main()
