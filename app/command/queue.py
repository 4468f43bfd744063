"""``dispatch-mail send | sendmail | outbox``: not built yet."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    print(f"dispatch-mail {argv[0]}: not available yet", file=sys.stderr)
    return 69
