"""``dispatch-mail sign-in``: not built yet."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    print("dispatch-mail sign-in: not available yet", file=sys.stderr)
    return 69
