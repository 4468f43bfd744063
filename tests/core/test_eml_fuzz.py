"""Hostile .eml files, fuzzed (issue 65): the contract of docs/security.md held for every input.

Each input is opened as the app opens a file (``open_eml`` with ``read_file`` for Ctrl+O and a drop, with
``read_file_as_is`` for Ctrl+Shift+U, then ``validate_draft``) in a worker process (tests/helpers/eml_worker.py,
a fresh one per batch), and must be accepted or refused with an ``EmlError``, within 2 s of CPU and 100 MB
above what the worker held before it, the file unchanged. The inputs, all from fixed seeds:

- ``seed``: hand-written attacks of every class the fuzzing campaign found (tests/helpers/eml_attacks.py:
  charsets that are no mail charsets in a body, in an encoded word and in an RFC 2231 file name; dates and
  numbers that overflow; 30,000 keywords; lines ended by a lone CR; deep nesting; broken encodings) and the
  files of tests/resources/eml/ and its hostile/ folder;
- ``hypothesis``: structured MIME drawn by Hypothesis (``derandomize``: the same inputs every run): trees of
  multiparts and attached messages, hostile charsets, dates, encodings and file names, sizes;
- ``mutated``: the seeds with seeded random changes (bytes flipped, inserted, cut; pieces repeated; line
  ends changed; hostile headers inserted);
- ``sized``: the costliest kinds of file at the size limit (and over it).

The default run has a few hundred inputs; ``--soak`` thousands, and every sized kind. Each run writes its
counts to bench/out/eml_fuzz.json and prints them; a soak run's file, copied to bench/results/fuzz/
(``python scripts/gen_docs.py --collect``), is the table in docs/security.md.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from app.domain.eml_read import MAX_FILE_BYTES
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from tests.helpers import eml_attacks, eml_worker, soak

pytestmark = [pytest.mark.process, pytest.mark.soak]

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "resources" / "eml"
OUT = ROOT / "bench" / "out" / "eml_fuzz.json"
SEED = 65
CPU_SECONDS, MEMORY_MB = 2.0, 100.0
WALL_GUARD_SECONDS = 60.0  # eml_worker's default: a file over it is killed (a hang), then tried once more
#: what the app asks for (twice the default send limit); the reader holds it to MAX_FILE_BYTES
MAX_BYTES = 2 * DEFAULT_MAX_SEND_BYTES
HYPOTHESIS = soak.size(150, 2500)
MUTANTS = soak.size(150, 3000)
SIZED = eml_attacks.SIZED if soak.soak() else ("base64-attachment", "mixed-text", "rfc822-mixed", "deep-lines",
                                                  "deeper-lines")
CLASSES = ("seed", "hypothesis", "mutated", "sized")


# ---- structured MIME, drawn by Hypothesis ----

CHARSETS = [b"utf-8", b"us-ascii", b"iso-8859-1", b"windows-1252", b"shift_jis", b"iso-2022-jp", b"gb18030",
            b"utf-16", b"utf-7", b"koi8-r"] + eml_attacks.HOSTILE_CHARSETS
ENCODINGS = [b"7bit", b"8bit", b"binary", b"base64", b"quoted-printable", b"x-uuencode", b"BASE64 ", b"gzip", b""]
TYPES = [b"text/plain", b"text/html", b"application/octet-stream", b"image/png", b"text/calendar",
         b"application/ms-tnef", b"message/delivery-status", b"text"]
NAMES = [b"Subject", b"From", b"To", b"Cc", b"Bcc", b"Reply-To", b"Sender", b"Date", b"Keywords", b"Message-ID",
         b"In-Reply-To", b"References", b"Importance", b"X-Priority", b"Sensitivity", b"Thread-Index",
         b"Thread-Topic", b"X-Custom", b"X-Other", b"Disposition-Notification-To", b"Content-Language"]


@st.composite
def encoded_word(draw) -> bytes:
    charset = draw(st.sampled_from(CHARSETS)).strip(b'"')
    cte = draw(st.sampled_from([b"q", b"b", b"Q", b"B", b"x"]))
    payload = draw(st.binary(max_size=40))
    if cte in (b"b", b"B"):
        import base64

        text = base64.b64encode(payload)
    else:
        text = b"".join(b"=%02X" % c for c in payload)
    return b"=?" + charset + b"?" + cte + b"?" + text + b"?="


@st.composite
def header_value(draw) -> bytes:
    pieces = draw(st.lists(st.one_of(
        encoded_word(), st.sampled_from(eml_attacks.HOSTILE_DATES),
        st.integers(-10**30, 10**30).map(lambda n: str(n).encode()),
        st.binary(max_size=30).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
        st.sampled_from([b"a@example.com", b"<b@example.com>", b'"x, y" <c@example.com>', b"(((", b"\\", b",,,",
                         b"Mon, 30 Nov 2026 10:00:00 +0100", b"high", b"1", b"category, other"])), max_size=6))
    return b" ".join(pieces)


@st.composite
def leaf(draw) -> bytes:
    ctype = draw(st.sampled_from(TYPES))
    params = b""
    if draw(st.booleans()):
        params += b"; charset=" + draw(st.sampled_from(CHARSETS))
    if draw(st.booleans()):
        charset = draw(st.sampled_from(CHARSETS)).strip(b'"')
        params += draw(st.sampled_from([b"; name*=" + charset + b"''%FF%FE%41", b'; name="=?' + charset + b'?q?=FF?="',
                                        b"; name*0*=" + charset + b"''%41; name*1*=%FF", b'; name="a.txt"']))
    cte = draw(st.sampled_from(ENCODINGS))
    body = draw(st.binary(max_size=300))
    if draw(st.integers(0, 9)) == 0:  # now and then a larger part
        body = body * draw(st.integers(1, 3000))
    disposition = draw(st.sampled_from([b"", b"Content-Disposition: attachment\r\n", b"Content-Disposition: inline\r\n",
                                        b"Content-Disposition: attachment; filename*=idna''%FF\r\n"]))
    return (b"Content-Type: " + ctype + params + b"\r\nContent-Transfer-Encoding: " + cte + b"\r\n" + disposition
            + b"\r\n" + body)


def tree(children):
    @st.composite
    def container(draw) -> bytes:
        kind = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"rfc822", b"digest"]))
        parts = draw(st.lists(children, min_size=0, max_size=4))
        if kind == b"rfc822":
            inner = parts[0] if parts else b"Content-Type: text/plain\r\n\r\nx"
            return b"Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n" + inner
        boundary = draw(st.sampled_from([b"b", b"=_x", b"b" * 70, b"", b"--", b"a b"]))
        return (b'Content-Type: multipart/' + kind + b'; boundary="' + boundary + b'"\r\n\r\n' + b"".join(
            b"--" + boundary + b"\r\n" + p + b"\r\n" for p in parts) + draw(st.sampled_from([
                b"--" + boundary + b"--\r\n", b"", b"--" + boundary + b"\r\n"])))
    return container()


@st.composite
def message(draw) -> bytes:
    headers = draw(st.lists(st.tuples(st.sampled_from(NAMES), header_value()), max_size=12))
    head = b"".join(n + b": " + v + b"\r\n" for n, v in headers)
    body = draw(st.recursive(leaf(), tree, max_leaves=12))
    newline = draw(st.sampled_from([b"\r\n", b"\r\n", b"\n", b"\r"]))
    return (b"MIME-Version: 1.0\r\n" + head + body).replace(b"\r\n", newline)


def hypothesis_inputs(n: int) -> list[bytes]:
    """``n`` messages drawn by Hypothesis, the same every run (``derandomize``), not shrunk (nothing fails here:
    the worker judges them)."""
    out: list[bytes] = []

    @settings(derandomize=True, database=None, max_examples=n, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(message())
    def collect(raw: bytes) -> None:
        out.append(raw)

    collect()
    return list(dict.fromkeys(out))


# ---- the run ----

def inputs(tmp: Path) -> list[tuple[str, str, Path]]:
    """(class, name, file) for every input of this run."""
    rng = random.Random(SEED)
    found: list[tuple[str, str, bytes]] = []
    seeds = dict(eml_attacks.seeds())
    seeds.update({f"sample-{p.stem}": p.read_bytes() for p in sorted(SAMPLES.glob("*.eml"))})
    seeds.update({f"hostile-{p.stem}": p.read_bytes() for p in sorted((SAMPLES / "hostile").glob("*.eml"))})
    found += [("seed", name, raw) for name, raw in seeds.items()]
    found += [("hypothesis", f"h{i}", raw) for i, raw in enumerate(hypothesis_inputs(HYPOTHESIS))]
    bases = sorted(seeds.items())
    for i in range(MUTANTS):
        name, raw = rng.choice(bases)
        found.append(("mutated", f"{name}~{i}", eml_attacks.mutate(raw, rng)))
    for kind in SIZED:
        found.append(("sized", kind, eml_attacks.at_size(kind, MAX_FILE_BYTES - 4096, rng)))
    over = eml_attacks.at_size("base64-attachment", MAX_FILE_BYTES, rng)
    found.append(("sized", "over-the-limit", over + b"A" * (MAX_FILE_BYTES + 1 - len(over))))
    out = []
    for n, (cls, name, raw) in enumerate(found):
        path = tmp / f"{n:05d}.eml"
        path.write_bytes(raw)
        out.append((cls, name, path))
    return out


def _broken(r: dict) -> list[str]:
    why = []
    if r["outcome"] not in ("accepted", "refused"):
        why.append(f"{r['outcome']}: {r['error']}")
    if r["cpu"] > CPU_SECONDS:
        why.append(f"{r['cpu']:.2f} s of CPU")
    if r["mb"] > MEMORY_MB:
        why.append(f"{r['mb']:.0f} MB")
    if not r["unchanged"]:
        why.append("the file changed")
    return why


def tally(runs: list[tuple[str, str, dict]]) -> dict:
    classes = {}
    for cls in CLASSES + ("total",):
        rs = [r for c, _n, r in runs if cls in (c, "total")]
        classes[cls] = {
            "inputs": len(rs),
            "accepted": sum(r["outcome"] == "accepted" for r in rs),
            "refused": sum(r["outcome"] == "refused" for r in rs),
            "broke": sum(bool(_broken(r)) for r in rs),
            "over_cpu": sum(r["cpu"] > CPU_SECONDS for r in rs),
            "over_memory": sum(r["mb"] > MEMORY_MB for r in rs),
            "max_cpu_s": round(max((r["cpu"] for r in rs), default=0.0), 2),
            "max_mb": round(max((r["mb"] for r in rs), default=0.0), 1),
        }
    return classes


@pytest.mark.timeout(soak.size(600, 3600))  # a soak run opens ~5,500 files four times each
def test_every_hostile_file_is_accepted_or_refused_within_the_budget(tmp_path, capsys):
    files = inputs(tmp_path)
    results = eml_worker.run([p for _c, _n, p in files], MAX_BYTES, warm_up=SAMPLES / "thunderbird.eml")
    runs = [(cls, name, r) for (cls, name, _p), r in zip(files, results)]
    for k, (cls, name, r) in enumerate(runs):  # CPU time on a busy machine: measured again, the least counts
        if r["outcome"] == "timeout":  # the wall-time guard fired (a hang, or a machine busy elsewhere): once
            # more, alone, with four times the time; CPU time, not wall time, is the budget
            r = eml_worker.run([files[k][2]], MAX_BYTES, warm_up=SAMPLES / "thunderbird.eml",
                               seconds=4 * WALL_GUARD_SECONDS)[0]
            runs[k] = (cls, name, r)
        if r["cpu"] > CPU_SECONDS and r["outcome"] != "timeout":
            again = [eml_worker.run([files[k][2]], MAX_BYTES, warm_up=SAMPLES / "thunderbird.eml")[0] for _ in range(2)]
            r["cpu"] = min([r["cpu"]] + [a["cpu"] for a in again])
    counts = tally(runs)
    report = {"date": _dt.date.today().isoformat(), "seed": SEED, "soak": soak.soak(), "python": platform.python_version(),
              "cpus": os.cpu_count(), "budget": {"cpu_s": CPU_SECONDS, "mb": MEMORY_MB, "file_bytes": MAX_FILE_BYTES},
              "classes": counts,
              "costliest": sorted(({"class": c, "name": n, "cpu_s": round(r["cpu"], 2), "mb": round(r["mb"], 1)}
                                   for c, n, r in runs), key=lambda x: -x["mb"])[:5]}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    with capsys.disabled():  # the counts are printed whether or not pytest captures the output
        print(f"\n.eml fuzz ({OUT.relative_to(ROOT)}): " + "; ".join(
            f"{c}: {v['inputs']} inputs, {v['accepted']} accepted, {v['refused']} refused, {v['broke']} broke, "
            f"at most {v['max_cpu_s']:.2f} s and {v['max_mb']:.1f} MB" for c, v in counts.items()))
    broken = [f"{cls} {name}: {', '.join(_broken(r))}" for cls, name, r in runs if _broken(r)]
    assert broken == [], "\n".join(broken)
    assert all(counts[c]["inputs"] for c in CLASSES)
    assert counts["total"]["accepted"] and counts["total"]["refused"]  # both ways exercised, not one
