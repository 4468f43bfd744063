#!/usr/bin/env bash
# Runs every test (unit, sandbox integration over HTTP, GUI offscreen, reliability, packaging) in parallel
# workers (pytest-xdist; the tests mostly wait on servers, windows and child processes).
#   --quick   the unit and sandbox tiers only (between edits)
#   --soak    the full workload sizes of the tests marked soak (fault workloads, kill soak, keyboard monkey)
# Extra arguments go to pytest, e.g. scripts/run-tests.sh -m "not slow". DISPATCH_TEST_WORKERS sets the number
# of workers (default 3: on 2 cores the tests mostly wait, on servers, windows and child processes; the 15
# slowest tests are listed at the end). docs/testing.md says what each tier holds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" test
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# tests go to whichever worker is free; the package build happens once (a lock in tests/test_packaging.py)
ARGS=(-p no:cacheprovider -ra --durations=15 -n "${DISPATCH_TEST_WORKERS:-3}")
case "${1:-}" in
    --quick) shift; ARGS+=(-m "unit or sandbox") ;;
    --soak) shift; ARGS+=(--soak) ;;
esac
exec .venv/bin/python -m pytest "${ARGS[@]}" "$@"
