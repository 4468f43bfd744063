"""Workload sizes: smaller in the default run, full in a soak run (``scripts/run-tests.sh --soak``, i.e.
``pytest --soak``: tests/conftest.py then sets ``DISPATCH_SOAK=1`` before any test module is imported, and
pytest-xdist's workers get the option too). The tests that change size are marked ``soak``; each asserts the
same things at both sizes (every injected fault fired, nothing lost or doubled)."""

from __future__ import annotations

import os

ENV = "DISPATCH_SOAK"


def soak() -> bool:
    """A soak run (full sizes)."""
    return os.environ.get(ENV) == "1"


def size(default, full):
    """``full`` in a soak run, ``default`` otherwise."""
    return full if soak() else default
