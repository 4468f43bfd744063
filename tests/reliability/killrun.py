"""Runs kill_child.py (the real app typing into itself) and kills it with SIGKILL; audits afterwards."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from kill_child import CC, TO, attachment_bytes, body_text  # noqa: E402

GRACE = 2.0  # seconds: what was typed more than this long before the kill must survive


@dataclass
class Run:
    n: int
    log: Path
    killed_at: float = 0.0
    lines: list[list[str]] = field(default_factory=list)
    out: bytes = b""
    err: bytes = b""

    def parse(self) -> None:
        self.lines = [ln.rstrip("\n").split("\t") for ln in self.log.read_text(encoding="utf-8").splitlines() if ln]

    @property
    def recovered(self) -> tuple[str, int] | None:
        for ln in self.lines:
            if ln[0] == "RECOVERED":
                return ln[1], int(ln[2])
        return None

    def recovered_fields_problem(self) -> str:
        """What the restart reopened in Compose lacks (recipients, attachment bytes); "" if complete."""
        for ln in self.lines:
            if ln[0] == "RECOVERED" and ln[1].startswith("kill ") and len(ln) >= 7:
                want = (TO, CC, f"{ln[1]}.txt:True")
                if tuple(ln[4:7]) != want:
                    return f"run {self.n}: reopened {ln[1]!r} with to/cc/attachment {tuple(ln[4:7])}, want {want}"
        return ""

    @property
    def killed_mid_request(self) -> bool:
        """The last Save/Send before the kill had not finished (no SENT after it, < 1.2 s before)."""
        last = None
        for ln in self.lines:
            if ln[0] in ("SAVE", "SEND"):
                last = ln
            elif ln[0] == "SENT":
                last = None
        return last is not None and self.killed_at - float(last[3]) < 1.2

    def must_survive(self) -> dict[str, int]:
        """subject -> characters typed at least GRACE seconds before the kill."""
        need: dict[str, int] = {}
        for ln in self.lines:
            if ln[0] == "T" and float(ln[3]) <= self.killed_at - GRACE:
                need[ln[1]] = max(need.get(ln[1], 0), int(ln[2]))
        return need


def env_for(home: Path, log: Path, seed: int) -> dict:
    env = dict(os.environ)
    env.update(
        DISPATCH_HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        KILL_LOG=str(log),
        KILL_SEED=str(seed),
        KILL_TAG=f"r{seed}",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    return env


def run_once(
    home: Path, n: int, rnd: random.Random, *, min_s=0.3, max_s=4.0, start_timeout=60.0, mid_request=False
) -> Run:
    """Start, wait until it types, kill after min_s..max_s — or, with ``mid_request``, 0.05..0.9 s after
    its next Save/Send started (the sandbox answers those late, so the request is usually in flight)."""
    run = Run(n, home / f"kill-{n:02d}.log")
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "kill_child.py")],
        env=env_for(home, run.log, n),
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    t0 = time.monotonic()
    while time.monotonic() - t0 < start_timeout:  # wait until it types
        if run.log.exists() and "RECOVERED" in run.log.read_text(encoding="utf-8"):
            break
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    if mid_request:
        t1 = time.monotonic()
        while time.monotonic() - t1 < 10 and proc.poll() is None:
            text = run.log.read_text(encoding="utf-8")
            if "\nSAVE\t" in text or "\nSEND\t" in text:
                break
            time.sleep(0.02)
        time.sleep(rnd.uniform(0.05, 0.9))
    else:
        time.sleep(rnd.uniform(min_s, max_s))
    run.killed_at = time.time()
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    run.out, run.err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, run.err[-3000:])
    run.parse()
    return run


def sandbox_items(home: Path) -> dict[str, list[dict]]:
    from app.sandbox import Sandbox

    sb = Sandbox(data=str(home / "data" / "sandbox" / "sandbox.sqlite3"), port=0)
    out = {
        "drafts": sb.mailbox("alice@example.com").items("drafts"),
        "sent": sb.mailbox("alice@example.com").items("sentitems"),
        "inbox": sb.mailbox("bob@example.com").items("inbox"),
        "password": [next(a for a in sb.accounts if a["email"] == "alice@example.com")],
    }
    try:
        sb.store.close()
    except Exception:  # noqa: BLE001
        pass
    return out


def journal_bodies(home: Path) -> dict[str, list[str]]:
    """subject -> the bodies of the journal's copies."""
    return {subject: [c["body"] for c in copies] for subject, copies in journal_copies(home).items()}


def journal_copies(home: Path) -> dict[str, list[dict]]:
    """subject -> the journal's copies as {body, to, cc, attachments: [(name, bytes)]}."""
    from app.storage.journal import Journal

    j = Journal(home / "data" / "journal.sqlite3")
    out: dict[str, list[dict]] = {}
    for e in j.entries():
        d = e.draft
        out.setdefault(d.subject, []).append({
            "body": d.body, "to": [r.email for r in d.to], "cc": [r.email for r in d.cc],
            "attachments": [(a.name, a.content) for a in d.attachments]})
    j.close()
    return out


def _server_copy(item: dict) -> dict:
    return {"body": _text(item), "to": item.get("to") or [], "cc": item.get("cc") or [],
            "attachments": [(a["name"], a["content"]) for a in item.get("attachments") or []]}


def _complete(copy: dict, subject: str) -> bool:
    return (copy["to"] == [TO] and copy["cc"] == [CC]
            and copy["attachments"] == [(f"{subject}.txt", attachment_bytes(subject))])


def _text(item: dict) -> str:
    b = item.get("body")
    if isinstance(b, dict):
        b = b.get("text") or b.get("value") or b.get("content") or ""
    return str(b or "").replace("\r\n", "\n")


def audit_run(run: Run, home: Path) -> list[str]:
    """What the run typed GRACE s before the kill is in the journal or on the server."""
    problems = []
    need = run.must_survive()
    if not need:
        return problems
    items = sandbox_items(home)
    journal = journal_copies(home)
    for subject, n in need.items():
        want = body_text(subject, n)
        copies = journal.get(subject, []) + [
            _server_copy(it) for k in ("drafts", "sent") for it in items[k] if it.get("subject") == subject
        ]
        with_text = [c for c in copies if c["body"].startswith(want)]
        if not with_text:
            best = max((len(c["body"]) for c in copies), default=0)
            problems.append(f"run {run.n}: {subject!r} lost text: needed {n} chars, best copy has {best}")
        elif not any(_complete(c, subject) for c in with_text):
            c = with_text[0]
            problems.append(f"run {run.n}: {subject!r} kept its text but not its recipients/attachment: "
                            f"to={c['to']} cc={c['cc']} attachments={[a for a, _ in c['attachments']]}")
    return problems


def audit_duplicates(home: Path) -> list[str]:
    items = sandbox_items(home)
    problems = []
    for where in ("drafts", "sent", "inbox"):
        c = Counter(it.get("subject") for it in items[where])
        problems += [f"{s!r} {n}x in {where}" for s, n in c.items() if n > 1]
    both = {it.get("subject") for it in items["drafts"]} & {it.get("subject") for it in items["sent"]}
    problems += [f"{s!r} both in Drafts and in Sent Items" for s in both]
    return problems
