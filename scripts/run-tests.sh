#!/usr/bin/env bash
# Runs every test (unit, sandbox integration over HTTP, GUI offscreen, reliability, packaging).
# Extra arguments go to pytest, e.g. scripts/run-tests.sh -m "not slow"; --quick runs the unit and sandbox
# tiers in two workers (between edits).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" test
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
if [ "${1:-}" = "--quick" ]; then  # between edits: the unit and sandbox tiers, in two workers (docs/testing.md)
    shift
    exec .venv/bin/python -m pytest -p no:cacheprovider -ra -n 2 -m "unit or sandbox" "$@"
fi
exec .venv/bin/python -m pytest -p no:cacheprovider -ra "$@"
