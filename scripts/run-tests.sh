#!/usr/bin/env bash
# Runs every test (unit, sandbox integration over HTTP, GUI offscreen, reliability, packaging).
# Extra arguments go to pytest, e.g. scripts/run-tests.sh -m "not slow" for a quick local run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" test
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m pytest -p no:cacheprovider -ra "$@"
