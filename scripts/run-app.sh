#!/usr/bin/env bash
# Runs Dispatch from source. With no account configured it offers the built-in sandbox mailbox;
# pass --sandbox to go straight to it, or any other dispatch-mail option (see --help).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" app
cd "$ROOT"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run-app: no display found; running under a virtual X server (xvfb-run)." >&2
  echo "run-app: the window is invisible on that virtual display; press Ctrl+C here to stop the app." >&2
  exec xvfb-run -a .venv/bin/python -m app "$@"
fi
exec .venv/bin/python -m app "$@"
