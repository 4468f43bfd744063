#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots/) from the GUI tests: they run against the sandbox,
# offscreen, and on success the pictures they saved are copied there. A plain test run never writes them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DISPATCH_REFRESH_SHOTS=1 exec bash "$ROOT/scripts/run-tests.sh" tests/ui "$@"
