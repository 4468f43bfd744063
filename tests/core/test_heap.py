"""app.heap: glibc keeps big freed blocks for the next big text (issue 16; the effect is measured by
bench/bench_typing_stall.py, not asserted here)."""

from __future__ import annotations

import platform
import sys

import pytest

from app.heap import keep_freed_memory


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="mallopt is glibc's")
def test_glibc_takes_the_thresholds():
    assert keep_freed_memory() is True


def test_elsewhere_it_does_nothing(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert keep_freed_memory() is False
