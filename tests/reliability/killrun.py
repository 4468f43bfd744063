"""The kill soak's machinery: a sandbox server in its OWN process (it outlives every kill), the real app
(kill_child.py) started against it and SIGKILLed at a chosen moment, and the audits afterwards.

The parent steers each run through the sandbox's admin endpoint: it makes the server commit a send and
then hold the reply (``hold_after_commit``), commit a save and hold it, or refuse a send as busy for
minutes — and kills the app once the sandbox reports that fault as fired, i.e. after the server did
the work and before the app learned it. The app's own log (``DISPATCH_HOME/logs/dispatch.log``) says
which recovery branch each restart took: ``recovery: send <id> was <state>, resumes <state>`` and each
transition ``send <id>: <from> --<event>--> <to>`` (ids only: no message content is ever logged).

Backends: "ews" (the app started with ``--ews-url``) or "graph" (the app started from its settings file,
a Microsoft 365 account on the sandbox's Graph, signed in through MSAL against the sandbox's authority by
the child before the app starts: kill_child.py). The same sandbox process serves both; the faults are
injected on the operations of the backend at hand (:func:`op_name`). A Graph send answers 202 and the
sandbox delivers it later, so the audits first wait until its outbox is empty (:func:`wait_delivered`).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from kill_child import CC, TO, attachment_bytes, body_text  # noqa: E402

GRACE = 2.0  # seconds: what was typed more than this long before the kill must survive
#: EWS operation -> the Graph operation doing the same (fault injection names), as tests/mail/conftest.py
GRAPH_OPS = {"CreateItem": "CreateMessage", "UpdateItem": "UpdateMessage", "SendItem": "SendMessage"}
RECOVERY_RE = re.compile(r"recovery: (send|save) (\w+) was (\w+), resumes (\w+)")
MOVE_RE = re.compile(r"send (\w+): (\w+) --(\w+)--> (\w+)")


class SandboxProcess:
    """``python -m app.sandbox`` on a free loopback port with its data in ``data``."""

    def __init__(self, data: Path):
        self.data = data
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.sandbox", "--port", "0", "--data", str(data)],
            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(self.proc.stderr.read().decode(errors="replace")[-3000:])
        info = json.loads(line)
        self.ews_url, self.admin_url = info["ews_url"], info["admin_url"]
        self.token = info["admin_token"]  # the admin endpoint refuses requests without it
        self.alice = next(a for a in info["accounts"] if a["email"] == "alice@example.com")
        # its Microsoft Graph and sign-in authority (python -m app.sandbox serves them unless --no-graph)
        self.graph_url = info.get("graph_url", "")
        self.authority_url, self.authority_cert = info.get("authority_url", ""), info.get("authority_cert", "")

    def admin(self, payload: dict | None = None) -> dict:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(self.admin_url, data, headers, method="POST" if data else "GET")
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read() or b"{}")

    def inject(self, operation: str, kind: str, **params) -> None:
        self.admin({"operation": operation, "kind": kind, "count": 1, **params})

    def clear(self) -> None:
        self.admin({"clear": True})

    def release(self) -> None:
        """End every reply held by hold_after_commit now (over Graph a held request keeps one of the
        mailbox's 4 concurrent-request places: held ones from earlier kills would throttle the next run)."""
        self.admin({"release": True})

    def fired(self) -> list[tuple[str, str]]:
        return [(f["operation"], f["kind"]) for f in self.admin().get("fired", [])]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


@dataclass
class Run:
    n: int
    plan: str  # "type", "save_commit", "send_commit", "send_queued"
    log: Path
    killed_at: float = 0.0
    lines: list[list[str]] = field(default_factory=list)
    app_log: str = ""  # what the app logged during this run
    out: bytes = b""
    err: bytes = b""
    go: Path | None = None  # created by the parent once the server is set up for the planned action

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

    def must_survive(self) -> dict[str, int]:
        """subject -> characters typed at least GRACE seconds before the kill."""
        need: dict[str, int] = {}
        for ln in self.lines:
            if ln[0] == "T" and float(ln[3]) <= self.killed_at - GRACE:
                need[ln[1]] = max(need.get(ln[1], 0), int(ln[2]))
        return need

    def recoveries(self) -> list[tuple[str, str, str, str]]:
        """(send|save, id, was, resumes) for every entry this run restored."""
        return RECOVERY_RE.findall(self.app_log)

    def moves(self, lid: str) -> list[tuple[str, str, str]]:
        """(from, event, to) of submission ``lid`` during this run."""
        return [(a, e, b) for i, a, e, b in MOVE_RE.findall(self.app_log) if i == lid]

    def in_flight(self) -> list[str]:
        """Submissions whose send request had left when the app was killed (submitting, never answered)."""
        last: dict[str, str] = {}
        for i, _a, _e, b in MOVE_RE.findall(self.app_log):
            last[i] = b
        return [i for i, state in last.items() if state == "submitting"]


def _app_log(home: Path) -> Path:
    return home / "logs" / "dispatch.log"


def _log_size(home: Path) -> int:
    p = _app_log(home)
    return p.stat().st_size if p.exists() else 0


def op_name(backend: str, ews_op: str) -> str:
    """The operation to inject a fault on, for the backend at hand."""
    return ews_op if backend == "ews" else GRAPH_OPS[ews_op]


def start_app(home: Path, sb: SandboxProcess, n: int, plan: str,
              backend: str = "ews") -> tuple[Run, subprocess.Popen, int]:
    run = Run(n, plan, home / f"kill-{n:02d}.log")
    run.go = home / f"go-{n:02d}"
    env = dict(os.environ)
    env.update(DISPATCH_HOME=str(home), QT_QPA_PLATFORM="offscreen", KILL_LOG=str(run.log), KILL_SEED=str(n),
               KILL_TAG=f"r{n}", KILL_PLAN={"save_commit": "save", "send_commit": "send",
                                            "send_queued": "send"}.get(plan, "type"),
               KILL_URL=sb.ews_url, KILL_USER=sb.alice.get("username") or sb.alice["email"],
               KILL_PW=sb.alice["password"], KILL_GO=str(run.go),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", KILL_BACKEND=backend,
               KILL_GRAPH_URL=sb.graph_url or "", KILL_AUTHORITY=sb.authority_url or "",
               KILL_AUTHORITY_CERT=sb.authority_cert or "")
    offset = _log_size(home)
    proc = subprocess.Popen([sys.executable, str(HERE / "kill_child.py")], env=env, cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return run, proc, offset


def wait_for(pred, timeout: float, proc=None, step: float = 0.05) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(step)
    return False


def read_app_log(home: Path, offset: int) -> str:
    p = _app_log(home)
    if not p.exists():
        return ""
    with p.open("rb") as f:
        f.seek(offset)
        return f.read().decode("utf-8", errors="replace")


def kill(run: Run, proc: subprocess.Popen, home: Path, offset: int) -> Run:
    run.killed_at = time.time()
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    run.out, run.err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, run.err[-3000:])
    run.parse()
    run.app_log = read_app_log(home, offset)
    return run


# ---------------------------------------------------------------- audits
def sandbox_items(data: Path) -> dict[str, list[dict]]:
    """The server's mailboxes, read from its SQLite file (WAL: readable while the server runs)."""
    from app.sandbox import Sandbox

    sb = Sandbox(data=str(data / "sandbox.sqlite3") if data.is_dir() else str(data), port=0)
    out = {
        "drafts": sb.mailbox("alice@example.com").items("drafts"),
        "sent": sb.mailbox("alice@example.com").items("sentitems"),
        "inbox": sb.mailbox("bob@example.com").items("inbox"),
        "outbox": sb.mailbox("alice@example.com").items("outbox"),  # Graph: accepted, not delivered yet
    }
    try:
        sb.store.close()
    except Exception:  # noqa: BLE001
        pass
    return out


def wait_delivered(data: Path, timeout: float = 30.0) -> bool:
    """Until the sandbox process delivered every send it accepted (alice's Outbox folder is empty: Graph
    answers 202 and delivers after --graph-send-delay; EWS delivers before it answers), polling its
    SQLite file; False after ``timeout`` seconds."""
    return wait_for(lambda: not sandbox_items(data)["outbox"], timeout, step=0.1)


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


def journal_bodies(home: Path) -> dict[str, list[str]]:
    """subject -> the bodies of the journal's copies."""
    return {subject: [c["body"] for c in copies] for subject, copies in journal_copies(home).items()}


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


def audit_run(run: Run, home: Path, data: Path) -> list[str]:
    """What the run typed GRACE s before the kill is in the journal or on the server."""
    problems = []
    need = run.must_survive()
    if not need:
        return problems
    items = sandbox_items(data)
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


def audit_mailboxes(data: Path, runs: list[Run]) -> list[str]:
    """Nothing twice anywhere; nothing in Sent Items that the user did not send."""
    items = sandbox_items(data)
    problems = []
    for where in ("drafts", "sent", "inbox"):
        c = Counter(it.get("subject") for it in items[where])
        problems += [f"{s!r} {n}x in {where}" for s, n in c.items() if n > 1]
    both = {it.get("subject") for it in items["drafts"]} & {it.get("subject") for it in items["sent"]}
    problems += [f"{s!r} both in Drafts and in Sent Items" for s in both]
    asked = {ln[1] for r in runs for ln in r.lines if ln[0] == "SEND"}
    for it in items["sent"]:
        if it.get("subject") not in asked:
            problems.append(f"{it.get('subject')!r} was sent but the user never pressed Send for it")
    return problems
