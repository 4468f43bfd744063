"""The installed package: its size on disk and its start-up, against running from source. Prints a table;
asserts nothing.

Measures, from dist/ (built by packaging/build-linux; built first if missing or with ``--build``):

1. the .deb's size, the portable .tar.gz's size, Installed-Size (from the .deb's control file) and the
   files' real size after ``dpkg -x``;
2. the time from process start to the first paint of the main window (``DISPATCH_FIRST_PAINT=1``: the app
   prints a timestamp at first paint and quits), offscreen, and on a real X server (Xvfb + xcb plugin)
   when Xvfb exists;
3. ``dispatch-mail --self-test``'s wall time.

Baseline (same run, interleaved runs, median): the same from source, ``python -m app``.

Run: ``python bench/bench_install.py [--runs 7] [--build]``

Results: printed, and written to ``bench/out/install.md`` (for the README's packaging figures).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
OUT = ROOT / "bench" / "out" / "install.md"
NAME = "dispatch-mail"
sys.path.insert(0, str(ROOT))

from bench.firstpaint import compile_app, first_paint  # noqa: E402


def ensure_build(force: bool) -> dict:
    info = DIST / "build-info.json"
    if force or not info.exists():
        env = dict(os.environ)
        env.setdefault("PYTHON", sys.executable)
        subprocess.run(["bash", str(ROOT / "packaging" / "build-linux")], check=True, env=env, cwd=ROOT)
    return json.loads(info.read_text())


def tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def wall(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {r.stdout}\n{r.stderr}")
    return time.perf_counter() - t0


def start_xvfb():
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        return None, None
    for n in range(90, 110):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen([xvfb, f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    return proc, f":{n}"
                time.sleep(0.05)
            proc.kill()
            return None, None
    return None, None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--build", action="store_true", help="rebuild dist/ first")
    args = ap.parse_args()

    info = ensure_build(args.build)
    deb, tgz = DIST / info["deb"], DIST / info["tarball"]
    inst = Path(tempfile.mkdtemp(prefix="dispatch-bench-install-"))
    subprocess.run(["dpkg", "-x", str(deb), str(inst)], check=True)
    installed_kib = int(subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True,
                                       text=True, check=True).stdout)
    # /usr/bin/dispatch-mail is an absolute link to /opt/dispatch-mail/dispatch-mail: follow it under inst
    binary = str(inst / os.readlink(inst / "usr" / "bin" / NAME).lstrip("/"))
    home = tempfile.mkdtemp(prefix="dispatch-bench-home-")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DISPATCH_", "QT_QPA"))}
    base.update(DISPATCH_HOME=home, DISPATCH_FIRST_PAINT="1", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    src_env = dict(base, PYTHONPATH=str(ROOT))
    inst_env = {k: v for k, v in base.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    inst_env["PYTHON_KEYRING_BACKEND"] = base["PYTHON_KEYRING_BACKEND"]

    rows = [
        (".deb (dpkg-deb -Zzstd)", f"{deb.stat().st_size / 1e6:.1f} MB", "target <= 80 MB"),
        ("portable .tar.gz", f"{tgz.stat().st_size / 1e6:.1f} MB", ""),
        ("Installed-Size (control)", f"{installed_kib / 1024:.1f} MiB", ""),
        ("installed files (dpkg -x)", f"{tree_bytes(inst) / 1e6:.1f} MB", ""),
    ]

    platforms = [("offscreen", {"QT_QPA_PLATFORM": "offscreen"}, None)]
    xvfb, display = start_xvfb()
    if display:
        platforms.append(("X11 (Xvfb, xcb)", {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}, xvfb))
    compile_app()  # from source as bootstrap.sh leaves it (the installed binary holds .pyc files)
    try:
        for label, extra, _ in platforms:
            e_src, e_inst = dict(src_env, **extra), dict(inst_env, **extra)
            first_paint([binary, "--sandbox"], e_inst)  # warm the page cache for both
            first_paint([sys.executable, "-m", "app", "--sandbox"], e_src)
            src, ins = [], []
            for _ in range(args.runs):
                src.append(first_paint([sys.executable, "-m", "app", "--sandbox"], e_src))
                ins.append(first_paint([binary, "--sandbox"], e_inst))
            s, i = statistics.median(src), statistics.median(ins)
            rows.append((f"first paint, {label}: from source (median of {args.runs})", f"{s * 1000:.0f} ms",
                         f"baseline; fastest run {min(src) * 1000:.0f} ms"))
            rows.append((f"first paint, {label}: installed binary (median of {args.runs})", f"{i * 1000:.0f} ms",
                         f"{i / s:.2f}x source; fastest run {min(ins) * 1000:.0f} ms ({min(ins) / min(src):.2f}x)"))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)

    st_env_src = {k: v for k, v in src_env.items() if k != "DISPATCH_FIRST_PAINT"}
    st_env_inst = {k: v for k, v in inst_env.items() if k != "DISPATCH_FIRST_PAINT"}
    st_src = statistics.median(wall([sys.executable, "-m", "app", "--self-test"], st_env_src) for _ in range(3))
    st_inst = statistics.median(wall([binary, "--self-test"], st_env_inst) for _ in range(3))
    rows.append(("--self-test wall time: from source (median of 3)", f"{st_src:.2f} s", "baseline"))
    rows.append(("--self-test wall time: installed binary (median of 3)", f"{st_inst:.2f} s", f"{st_inst / st_src:.2f}x source"))

    shutil.rmtree(inst, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)

    w = max(len(r[0]) for r in rows)
    lines = [f"{'measure':<{w}}  {'value':>10}  note", "-" * (w + 30)]
    lines += [f"{a:<{w}}  {b:>10}  {c}" for a, b, c in rows]
    print("\n".join(lines))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    md = [f"Dispatch {info['version']} Linux package ({info['arch']}, commit {info['commit'][:10]}), measured "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores:", "",
          "| measure | value | note |", "|---|---:|---|"]
    md += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    OUT.write_text("\n".join(md) + "\n")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
