"""app.heap: glibc keeps big freed blocks for the next big text (issue 16; the effect is measured by
bench/bench_typing_stall.py, not asserted here)."""

from __future__ import annotations

import platform
import sys

import pytest

from app.heap import keep_freed_memory

glibc_only = pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                                reason="mallopt is glibc's")


@glibc_only
def test_glibc_takes_the_thresholds():
    assert keep_freed_memory() is True


def test_elsewhere_it_does_nothing(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert keep_freed_memory() is False


_MAPPED = r"""
import ctypes
from app import heap

class Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                 "fsmblks", "uordblks", "fordblks", "keepcost")]

info = ctypes.CDLL(None).mallinfo2
info.restype = Mallinfo2
heap.keep_freed_memory()

def mappings_for(n):
    before = info().hblks
    block = bytearray(n)
    made = info().hblks - before
    del block
    return made

print("NORMAL", mappings_for(8 << 20))
heap.mapping_big(True)
print("LOADING", mappings_for(16 << 20))
heap.mapping_big(False)
print("AFTER", mappings_for(16 << 20))
"""


@glibc_only
def test_while_a_big_body_loads_big_blocks_get_mappings_of_their_own(tmp_path):
    """glibc's own count of mapped blocks (``mallinfo2``), in a process of its own (a fresh heap, so a
    block is not served from memory freed before): a 16 MiB block is mapped while a body loads (its growth
    is then moved by the kernel, not copied) and comes from the heap again after, as before."""
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", _MAPPED], capture_output=True, text=True, cwd=root, timeout=60,
                         env=dict(os.environ, PYTHONPATH=str(root)))
    got = dict(line.split() for line in out.stdout.splitlines() if line[:1].isupper())
    assert got == {"NORMAL": "0", "LOADING": "1", "AFTER": "0"}, out.stdout + out.stderr


@glibc_only
def test_glibc_is_looked_up_once(monkeypatch):
    """Each big body's load turns the thresholds on and off: ``ctypes.CDLL`` is not called again each
    time (it builds a class per call, ~1 ms of the opening turn's UI thread)."""
    import ctypes

    from app import heap

    heap.mapping_big(True)  # looked up here at the latest
    heap.mapping_big(False)
    calls = []
    real = ctypes.CDLL

    def counted(*a, **kw):
        calls.append(a)
        return real(*a, **kw)

    monkeypatch.setattr(ctypes, "CDLL", counted)
    for _ in range(3):
        assert heap.mapping_big(True) is True
        assert heap.mapping_big(False) is True
    assert calls == []
