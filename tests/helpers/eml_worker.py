"""A worker process that opens ``.eml`` files as the app does and measures what each cost (issue 65).

``python -m tests.helpers.eml_worker`` reads one JSON object on stdin, ``{"files": [path, ...],
"max_bytes": n}``, and writes one JSON line per file to stdout: ``{"start": i}`` before it opens it, then
``{"i": i, "outcome": "accepted" | "refused" | "broke", "error": "...", "cpu": s, "rss_mb": mb,
"mb": mb, "rss_mb": mb, "unchanged": bool}``. Each file is opened twice, as the app opens one: ``open_eml``
with ``read_file`` (Ctrl+O, a drop) and with ``read_file_as_is`` (Ctrl+Shift+U), each draft then checked by
``validate_draft`` for saving and for sending; the costlier of the two counts:

- ``cpu``: the process's CPU time (every thread: the parse runs in ``open_eml``'s worker thread), measured
  with nothing else watching;
- ``mb``: the most memory the open held at once above what the process held before it (``tracemalloc``'s
  peak, in a second run of the same open: tracemalloc slows what it watches). The file's own bytes count,
  as the open reads them.
- ``rss_mb``: how far the process's peak resident memory (``ru_maxrss``) has risen above its start (after the
  imports and one small file opened), for the record: it also holds what the C allocator keeps after a
  free (the parse runs in a thread of its own, whose allocator arena keeps more), and only ever rises.

``unchanged``: the file's bytes are the same afterwards. :func:`run` drives it from a test.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
import traceback
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


#: one event loop for every open, as the app has (a fresh ``asyncio.run`` a file would be counted too)
_LOOP = asyncio.new_event_loop()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _open(path: str, max_bytes: int, read, traced: bool = False) -> tuple[str, str, float]:
    """(outcome, error, CPU seconds or, ``traced``, the peak MB tracemalloc saw)."""
    from app.core.compose.eml_files import open_eml
    from app.domain.eml_read import EmlError
    from app.domain.validation import validate_draft

    if traced:
        tracemalloc.start()
    cpu = time.process_time()
    try:
        got = _LOOP.run_until_complete(open_eml(path, max_bytes, read=read))
        message = got[1] if isinstance(got, tuple) else got
        for for_send in (False, True):
            validate_draft(message.draft, for_send=for_send)
        outcome, error = "accepted", ""
    except EmlError as exc:
        outcome, error = "refused", str(exc)
    except BaseException as exc:  # noqa: BLE001 - what the fuzzing looks for: reported, not raised
        where = traceback.extract_tb(exc.__traceback__)[-1]
        outcome, error = "broke", f"{type(exc).__name__}: {str(exc)[:200]} (in {where.name}, {Path(where.filename).name})"
    finally:
        if traced:
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
    return outcome, error, peak if traced else time.process_time() - cpu


def main() -> int:
    from app.core.compose.eml_files import read_file, read_file_as_is

    job = json.loads(sys.stdin.read())
    files, max_bytes = job["files"], job["max_bytes"]
    warm = job.get("warm_up")
    if warm:  # the lazy imports of a first open (mimetypes, the header registry's classes) are not a file's cost
        _open(warm, max_bytes, read_file)
        _open(warm, max_bytes, read_file_as_is)
    start = _peak_mb()
    for i, path in enumerate(files):
        print(json.dumps({"start": i}), flush=True)
        before = hashlib.sha256(Path(path).read_bytes()).digest()
        results = [_open(path, max_bytes, read) for read in (read_file, read_file_as_is)]
        mb = max(_open(path, max_bytes, read, traced=True)[2] for read in (read_file, read_file_as_is))
        broke = [r for r in results if r[0] == "broke"]
        outcome, error, _cpu = broke[0] if broke else results[0]
        if not broke and results[0][0] != results[1][0]:
            outcome, error = "broke", f"opened and sent-as-is disagree: {results[0][0]} / {results[1][0]}"
        print(json.dumps({"i": i, "outcome": outcome, "error": error, "cpu": max(r[2] for r in results),
                          "mb": mb, "rss_mb": _peak_mb() - start,
                          "unchanged": hashlib.sha256(Path(path).read_bytes()).digest() == before}), flush=True)
    return 0


def run(files: list[Path], max_bytes: int, *, warm_up: Path | None = None, seconds: float = 60.0,
        batch: int = 250) -> list[dict]:
    """Every file of ``files`` opened in worker processes, a fresh one for each ``batch`` of files: a result per
    file, in order (see the module's docstring). A file still open after ``seconds`` of wall time is
    ``"outcome": "timeout"`` (its worker is killed; the next file gets a fresh one)."""
    out: list[dict] = []
    for start in range(0, len(files), batch):
        out += _run(files[start:start + batch], max_bytes, warm_up, seconds)
    return out


def _run(files: list[Path], max_bytes: int, warm_up: Path | None, seconds: float) -> list[dict]:
    out: list[dict] = []
    todo = [str(p) for p in files]
    while todo:
        proc = subprocess.Popen([sys.executable, "-m", "tests.helpers.eml_worker"], cwd=ROOT, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        proc.stdin.write(json.dumps({"files": todo, "max_bytes": max_bytes,
                                     "warm_up": str(warm_up) if warm_up else None}))
        proc.stdin.close()
        done = _collect(proc, len(todo), seconds)
        out += done
        todo = todo[len(done):]
        if todo and (not done or done[-1]["outcome"] != "timeout"):
            raise RuntimeError(f"the eml worker stopped after {len(done)} files (exit {proc.poll()})")
    return out


def _collect(proc: subprocess.Popen, n: int, seconds: float) -> list[dict]:
    """The results ``proc`` writes; on a file that takes over ``seconds``, a timeout result for it, and the
    worker killed."""
    import selectors

    done: list[dict] = []
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    current, since = None, time.monotonic()
    try:
        while len(done) < n:
            if not sel.select(timeout=max(0.0, since + seconds - time.monotonic())):
                proc.kill()
                done.append({"i": current, "outcome": "timeout", "error": f"over {seconds:.0f} s of wall time",
                             "cpu": seconds, "mb": 0.0, "rss_mb": 0.0, "unchanged": True})
                break
            line = proc.stdout.readline()
            if not line:
                break
            msg = json.loads(line)
            if "start" in msg:
                current, since = msg["start"], time.monotonic()
            else:
                done.append(msg)
    finally:
        sel.close()
        proc.stdout.close()
        proc.wait()
    return done


if __name__ == "__main__":
    sys.exit(main())
