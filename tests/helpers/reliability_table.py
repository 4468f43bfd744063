"""The reliability table: the workload reports of this run (tests/reliability/test_faults.py), gathered from
the workers of a parallel run, printed as the README's table at the end of the run (tests/conftest.py)."""

from __future__ import annotations

import dataclasses

#: workload reports of this run (tests/reliability/test_faults.py), printed as the README's table
REPORTS: list = []


_NAMES = {
    "none": "none",
    "drop_before_commit": "connection dropped before commit",
    "drop_after_commit": "connection dropped after commit",
    "http_500_html": "HTTP 500 (HTML page), nothing done",
    "http_500_after_commit": "HTTP 500 (HTML page) after commit",
    "truncated_after_commit": "truncated reply after commit",
    "garbage_after_commit": "garbage reply (not EWS) after commit",
    "http_503": "HTTP 503 with Retry-After",
    "server_busy": "ErrorServerBusy with BackOffMilliseconds",
    "http_401": "401 mid-session",
    "delay": "reply slower than the timeout (committed)",
    "restart": "sandbox restart",
}


#: what a fault kind looks like over Graph where it differs (app/sandbox/graph/endpoint.py)
_GRAPH_NAMES = {
    "garbage_after_commit": "garbage reply (HTML, not JSON) after commit",
    "server_busy": "HTTP 429 with Retry-After",
    "http_401": "401 mid-session (token refreshed, request repeated)",
}


_BACKENDS = {"ews": "EWS", "graph": "Graph"}


def _name(r) -> str:
    backend = getattr(r, "backend", "ews")
    return (_GRAPH_NAMES.get(r.fault) if backend == "graph" else None) or _NAMES.get(r.fault, r.fault)


def to_controller() -> list[dict]:
    """This worker's workload reports, for the controller of a parallel run (tests/conftest.py)."""
    return [dataclasses.asdict(r) for r in REPORTS]


def from_worker(reports: list[dict]) -> None:
    from tests.reliability.workload import Report

    REPORTS.extend(Report(**r) for r in reports)


def write_table(terminalreporter) -> None:
    """The README's reliability table, at the end of the run (called by tests/conftest.py)."""
    if not REPORTS:
        return
    w = terminalreporter
    w.write_sep("-", "reliability table (README)")
    w.write_line("| fault | backend | path | injected | fired | saves | sends | lost | duplicates |")
    w.write_line("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in REPORTS:
        backend = _BACKENDS.get(getattr(r, "backend", "ews"), r.backend)
        fired = f"{r.faults_fired} ({r.in_batch} in $batch)" if getattr(r, "in_batch", 0) else f"{r.faults_fired}"
        w.write_line(f"| {_name(r)} | {backend} | {r.path} | {r.faults_injected} | {fired} | "
                     f"{r.saves} | {r.sends} | {r.lost} | {r.duplicates} |")
    total = sum(r.faults_fired for r in REPORTS)
    ops = sum(r.saves + r.sends for r in REPORTS)
    w.write_line(f"Total: {total} faults fired over {ops} operations; lost = {sum(r.lost for r in REPORTS)}, "
                 f"duplicates = {sum(r.duplicates for r in REPORTS)}.")
