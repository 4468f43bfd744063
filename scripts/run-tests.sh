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
# tests go one at a time to whichever worker is free (--maxschedchunk 1), longest tiers first (tests/conftest.py
# orders them: the package build first, the slow and process tiers, then gui, sandbox and unit), so the run
# does not end waiting on one worker's long test; the package build happens once (a lock in tests/test_packaging.py)
ARGS=(-p no:cacheprovider -ra --durations=15 -n "${DISPATCH_TEST_WORKERS:-3}" --maxschedchunk 1)
case "${1:-}" in
    --quick) shift; ARGS+=(-m "unit or sandbox") ;;
    --soak) shift; ARGS+=(--soak) ;;
esac
# pytest rewrites the asserts of every test module it imports, in every worker: about 11 s of CPU each. Two
# processes rewrite them once, half each, into pytest's cache (__pycache__, ignored by git; written even
# where PYTHONDONTWRITEBYTECODE is set), and the workers read it. A module it could not collect is left to
# the run to report.
warm() { PYTHONDONTWRITEBYTECODE= .venv/bin/python -m pytest -p no:cacheprovider -q --collect-only "$@" >/dev/null 2>&1 || true; }
warm tests/ui tests/reliability tests/graph tests/authority &
warm tests --ignore=tests/ui --ignore=tests/reliability --ignore=tests/graph --ignore=tests/authority
wait
exec .venv/bin/python -m pytest "${ARGS[@]}" "$@"
