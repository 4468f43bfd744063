"""Rewrite the README's Benchmarks tables from the benches' saved output (issue 16).

``bench/bench_startup_stall.py`` and ``bench/bench_typing_stall.py`` save what they measured (quiet and
with CPU hogs beside them) to ``bench/out/*.json``; this script turns that into the tables between
``<!-- bench:startup -->`` / ``<!-- bench:typing -->`` and ``<!-- /bench -->`` in README.md, and ``bench/bench_list_10k.py``'s
(``list_10k.json``) between ``<!-- bench:list10k -->`` and ``<!-- /bench -->``. Nothing between the markers
is written by hand. ``bench/bench_requests_graph.py`` (requests per flow, Graph next
to EWS, issue 14) saves ``bench/out/requests.json``: its table goes between ``<!-- bench:requests -->`` and
``<!-- /bench -->`` when README.md has those markers (skipped, with a note, when it has not), with a line
from ``bench/startup_imports.py`` (``bench/out/startup_imports.json``: httpx / msal before the first paint?).

Run: ``python bench/update_readme.py [--run]`` (``--run``: run the benches first, with their defaults).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
README = ROOT / "README.md"


def _load(m: dict) -> str:
    return f"load {m['load'][0]:.1f}"


def _ms(v: float) -> str:
    return f"{v:.1f} ms"


def startup_section(d: dict) -> str:
    modes = list(d["modes"])
    ms = [d["modes"][m] for m in modes]
    runs = ms[0]["startup"]["runs"]
    head = " | ".join(f"{m} ({_load(x['machine'])})" for m, x in zip(modes, ms))
    rows = [
        ("first paint, vs a bare PySide6 `QMainWindow` (median)",
         [f"{x['startup']['paint_ratio']:.2f}× ({x['startup']['app_paint_ms']:.0f} / {x['startup']['bare_paint_ms']:.0f} ms)"
          for x in ms], "≤ 1.1×"),
        ("  CPU time the process had used at its first paint, vs the bare window's (median)",
         [f"{x['startup']['cpu_ratio']:.2f}× ({x['startup']['app_cpu_ms']:.0f} / {x['startup']['bare_cpu_ms']:.0f} ms)"
          for x in ms], "—"),
    ] + ([
        ("  its frame painted next (sidebar, menu titles, status bar; the first paint is the empty window in the "
         "theme's colour), vs the bare window's first paint (median)",
         [f"{x['startup']['frame_ratio']:.2f}× ({x['startup']['frame_paint_ms']:.0f} ms)" for x in ms], "—"),
    ] if all("frame_paint_ms" in x["startup"] for x in ms) else []) + [
        ("all views, menus and actions built, after start (median), vs the bare window's first paint",
         [f"{x['startup']['ready_ms']:.0f} ms = {x['startup']['ready_ratio']:.2f}×" for x in ms], "≤ 1.5×"),
        ("the same window idle for 3 s (baseline: the machine's floor): longest event-loop stall (p99)",
         [f"{_ms(x['idle']['worst_ms'])} ({x['idle']['p99_ms']:.1f})" if "idle" in x else "—" for x in ms], "—"),
        (f"listing {ms[0]['list']['rows']:,} drafts: longest event-loop stall (p99)",
         [f"{_ms(x['list']['worst_ms'])} ({x['list']['p99_ms']:.1f})" for x in ms], "≤ 16 ms"),
        ("  our CPU in that gap / most of ours in any gap / most of the UI thread's in any gap",
         [f"{x['list']['cpu_worst_gap_ms']:.1f} / {x['list']['cpu_max_gap_ms']:.1f} / "
          f"{x['list'].get('ui_cpu_max_gap_ms', float('nan')):.1f} ms" for x in ms], "≤ 8 ms"),
        ("  all pages / first page after Ctrl+2",
         [f"{x['list']['total_s']:.1f} s / {x['list']['first_page_ms']:.0f} ms" for x in ms], "—"),
        ("sending 50 drafts (one `SendItem`): longest event-loop stall (p99)",
         [f"{_ms(x['send']['worst_ms'])} ({x['send']['p99_ms']:.1f})" for x in ms], "≤ 16 ms"),
        ("  our CPU in that gap / most of ours in any gap / most of the UI thread's in any gap",
         [f"{x['send']['cpu_worst_gap_ms']:.1f} / {x['send']['cpu_max_gap_ms']:.1f} / "
          f"{x['send'].get('ui_cpu_max_gap_ms', float('nan')):.1f} ms" for x in ms], "≤ 8 ms"),
    ]
    lines = [
        f"**Start-up and UI stalls** (`bench/bench_startup_stall.py --runs {runs}`, {d['machine']['date']}, "
        f"{d['machine']['cpus']} CPUs; \"hog\": {ms[-1]['hogs']} busy-looping processes at the same priority "
        "beside the measurement; load average as the measurement ended):",
        "",
        f"| measure | {head} | goal |",
        "|---|" + "---:|" * len(ms) + "---|",
    ]
    lines += [f"| {name} | {' | '.join(vals)} | {goal} |" for name, vals, goal in rows]
    gc = {g["measure"]: g["ms"] for g in d.get("gc", [])}
    if gc:
        before = next((v for k, v in gc.items() if "not frozen" in k), None)
        after = next((v for k, v in gc.items() if "settle_gc" in k), None)
        if before is not None and after is not None:
            lines += ["", f"A full GC pause after start-up is {after:.1f} ms with `gc.freeze` once exchangelib is "
                          f"loaded ({before:.0f} ms without)."]
    return "\n".join(lines)


def _rate(note: str) -> str:
    """The keys/s a row reached (or what an opening took), and for a rich-text row its longest body take."""
    rate = note.split(";")[0].replace(" keys/s", "")
    m = re.search(r"the body taken in ([0-9.]+ ms)", note)
    return f"{rate} ({m.group(1)})" if m else rate


def typing_section(d: dict) -> str:
    modes = list(d["modes"])
    ms = [d["modes"][m] for m in modes]
    a = d["args"]
    head = " | ".join(f"{m} ({_load(x['machine'])}): longest / p99 / our CPU" for m, x in zip(modes, ms))
    lines = [
        f"**Typing and the send queue** (`bench/bench_typing_stall.py`, {d['machine']['date']}, "
        f"{d['machine']['cpus']} CPUs; {a['rate']} keystrokes a second (100 words a second) for {a['seconds']:g} s "
        "per row, baseline a bare `QPlainTextEdit` in the same run; the \"opening\" rows open the big body "
        "instead, baseline a bare `QTextEdit`'s `setPlainText` (a plain draft) or `setHtml` (a rich one, as "
        "Dispatch saved it, or Outlook's HTML: a reply thread, `bench/bodies.py`); the two rows after each rich "
        "opening type into that body, baseline autosave taking its whole "
        "`toHtml()` as Compose did before the eighth round (before the fifteenth, for a body holding a table); "
        "\"hog\" as above):",
        "",
        f"| measure | {head} | keys/s reached (opening: what it took; rich text: the longest take of the body) |",
        "|---|" + "---:|" * len(ms) + "---|",
    ]
    for i, row in enumerate(ms[0]["rows"]):
        vals = [f"{x['rows'][i]['worst_ms']:.1f} / {x['rows'][i]['p99_ms']:.1f} / {x['rows'][i]['cpu_max_gap_ms']:.1f} ms"
                for x in ms]
        rates = " / ".join(_rate(x["rows"][i]["note"]) for x in ms)
        lines.append(f"| {row['measure']} | {' | '.join(vals)} | {rates} |")
    threads = d.get("journal_threads", {})
    ui = threads.get("MainThread", 0)
    lines += ["", "\"our CPU\": the most CPU time this process used within one gap between heartbeat ticks. "
              f"{sum(threads.values())} journal writes, {ui} of them on the UI thread."]
    return "\n".join(lines)


def list10k_section(d: dict) -> str:
    from bench.bench_list_10k import table

    modes = list(d["modes"])
    ms = [d["modes"][m] for m in modes]
    tables = [table(x["app"], x["baseline"]) for x in ms]
    head = " | ".join(f"{m} ({_load(x['machine'])}): Dispatch | bare table" for m, x in zip(modes, ms))
    lines = [
        f"**Listing {ms[0]['app']['rows']:,} drafts** (`bench/bench_list_10k.py`, {d['machine']['date']}, "
        f"{d['machine']['cpus']} CPUs; the real window over HTTP against the sandbox in its own process, Ctrl+2 "
        "and then End page by page until the last row; baseline: a bare `QTableView` over a `QStandardItemModel` "
        "filled with the same rows in one go, its own process; \"hog\" as above; each mode a fresh process):",
        "",
        f"| measure | goal | {head} |",
        "|---|---:|" + "---:|---:|" * len(ms),
    ]
    for i, row in enumerate(tables[0]):
        cells = " | ".join(f"{t[i][2]} | {t[i][3]}" for t in tables)
        lines.append(f"| {row[0]} | {row[1]} | {cells} |")
    return "\n".join(lines)


def requests_section(d: dict, imports: dict | None = None) -> str:
    r = d["results"]

    def cell(b: str, key: str) -> str:
        x = r[b][key]
        return f"{x['n']} ({x['ms']:.0f} ms)"

    def met(target: str, n: int) -> str:
        return "—" if target == "—" else ("yes" if n <= sum(int(t) for t in target.split("+")) else "**no**")

    g, h = r["graph"], r["httpx"]
    lines = [
        f"**Requests per flow, Microsoft Graph next to EWS** (`bench/bench_requests_graph.py`, {d['date']}; "
        "in-process sandbox serving both on one mailbox; Graph counted on the wire, a `$batch` is one request; "
        "plain exchangelib / plain httpx doing the same by hand beside Dispatch; wall time in brackets):",
        "",
        "| flow | EWS: Dispatch | plain exchangelib | Graph: Dispatch | plain httpx | Graph target | met |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, label, target in d["rows"]:
        lines.append(f"| {label} | {cell('ews', key)} | {cell('exchangelib', key)} | {cell('graph', key)} | "
                     f"{cell('httpx', key)} | {target.replace('+', ' + ')} | {met(target, g[key]['n'])} |")
    agree = all(g[k]["n"] == g[k]["server"] and h[k]["n"] == h[k]["server"] for k, _, _ in d["rows"])
    lines += ["", f"The 10 MB attachment goes up in {g['save_large']['puts']} upload-session PUTs of 4 MiB "
              f"(target: 1 request + 1 per piece). Graph's counts (an httpx hook on the sending client) "
              f"{'match' if agree else 'do NOT match'} the sandbox's own count (its log less the requests inside "
              "each `$batch`)."]
    if not r["exchangelib"]["save_again"]["extra"].get("recipients_on_server", True):
        lines[-1] += " Plain exchangelib's second `save()` left the new recipients out (To/Cc/Bcc are not updated)."
    if imports:
        start = imports["starts"].get("Graph account", {})
        mods = [m for m in ("httpx", "msal", "app.mail.graph.service") if m in start]
        when = ", ".join(f"`{m}` {start[m]['ms_after_paint']:.0f} ms after it" for m in mods)
        if mods and all(start[m]["thread"] != "MainThread" for m in mods):
            when += ", in the backend's worker thread"
        lines += ["", "Start-up with a Graph account (`bench/startup_imports.py`): httpx, msal and the Graph backend "
                  "before the first paint: " + (", ".join(imports["graph_before_paint"]) or "none")
                  + (f" ({when})" if when else "") + "."]
    return "\n".join(lines)


def has_markers(text: str, name: str) -> bool:
    return f"<!-- bench:{name} -->\n" in text


def replace(text: str, name: str, body: str) -> str:
    pat = re.compile(rf"(<!-- bench:{name} -->\n).*?(\n<!-- /bench -->)", re.S)
    if not pat.search(text):
        raise SystemExit(f"README.md has no <!-- bench:{name} --> ... <!-- /bench --> markers")
    return pat.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", action="store_true", help="run the benches first")
    args = ap.parse_args()
    if args.run:
        for b in ("bench_startup_stall.py", "bench_typing_stall.py", "bench_list_10k.py", "bench_requests_graph.py",
                  "startup_imports.py"):
            subprocess.run([sys.executable, str(ROOT / "bench" / b)], check=True, cwd=ROOT)
    text = README.read_text()
    for name, out, section in (("startup", "startup_stall.json", startup_section),
                               ("typing", "typing_stall.json", typing_section),
                               ("list10k", "list_10k.json", list10k_section)):
        if (OUT / out).exists():
            text = replace(text, name, section(json.loads((OUT / out).read_text())))
        else:  # that bench was not run here: its table stays as it is
            print(f"no bench/out/{out}: the {name} table is kept")
    requests = OUT / "requests.json"
    if requests.exists() and has_markers(text, "requests"):
        imports = OUT / "startup_imports.json"
        found = json.loads(imports.read_text()) if imports.exists() else None
        text = replace(text, "requests", requests_section(json.loads(requests.read_text()), found))
    elif requests.exists():
        print("README.md has no <!-- bench:requests --> ... <!-- /bench --> markers: no requests table written")
    README.write_text(text)
    print(f"rewrote the Benchmarks tables in {README}")


if __name__ == "__main__":
    main()
