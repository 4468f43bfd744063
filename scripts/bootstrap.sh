#!/usr/bin/env bash
# Sets up everything Dispatch needs on a fresh Debian/Ubuntu machine: the system libraries Qt links
# against (apt-get, only what is missing), a virtualenv in .venv, and the Python packages.
# Sourced by scripts/run-app.sh and scripts/run-tests.sh; safe to run again (it skips what is done).
#   usage: bootstrap.sh [app|test]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-app}"
cd "$ROOT"

# --- system packages ---------------------------------------------------------------------------
# Qt 6 (xcb platform + offscreen rendering): GL/EGL, xkbcommon, fontconfig, dbus and the xcb libs.
APT_PKGS=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
          libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-dejavu-core)
# spell check (pyenchant loads libenchant-2 at run time; Hunspell's US English dictionary)
APT_PKGS+=(libenchant-2-2 hunspell-en-us)
if [ "$MODE" = "test" ]; then
  # the spell-check tests switch between two languages
  APT_PKGS+=(hunspell-en-gb)
  # packaging test: dpkg-deb with zstd; GUI runs under a virtual X server where a display is needed
  APT_PKGS+=(dpkg-dev zstd xvfb binutils)
  # the first window on a small screen with a real window manager's frame (tests/ui/test_first_fit.py): openbox,
  # and xprop (x11-utils) to see it is up
  APT_PKGS+=(openbox x11-utils)
  # the man page and the shell completions: groff and man-db render the page, zsh parses its completion
  APT_PKGS+=(groff-base man-db zsh)
  # real mail programs sending through dispatch-mail sendmail (tests/reliability/test_real_clients.py);
  # git send-email needs Mail::Address (libmailtools-perl), which --no-install-recommends leaves out
  APT_PKGS+=(git git-email libmailtools-perl neomutt mailutils)
  # a real Secret Service for the keyring tests across processes (dbus-run-session, gnome-keyring-daemon)
  APT_PKGS+=(dbus gnome-keyring)
  # the screen-reader proofs (tests/accessibility/): the AT-SPI bus (at-spi-bus-launcher, at-spi2-registryd) and
  # a reader of it as Orca reads the app (pyatspi, for Debian's /usr/bin/python3: tests/helpers/atspi_reader.py)
  APT_PKGS+=(at-spi2-core python3-pyatspi)
  # the French and German runs (tests/i18n/): the app started with LANG=fr_FR.UTF-8 / de_DE.UTF-8
  APT_PKGS+=(locales)
  # Kerberos for real (tests/helpers/kdc.py): an MIT KDC in a temporary realm, kinit, and the headers the Python
  # gssapi and krb5 packages build against (the "kerberos" extra, below)
  APT_PKGS+=(krb5-kdc krb5-admin-server krb5-user libkrb5-dev)
  # the desktop's mail handler as programs reach it (tests/ui/test_desktop_mail.py): xdg-mime and xdg-email
  APT_PKGS+=(xdg-utils)
fi
if [ "$MODE" = "app" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  APT_PKGS+=(xvfb)
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "bootstrap: please install these system packages: ${missing[*]}" >&2
  fi
fi

# the locales the language tests start the app in (Qt reads the language from LANG itself, but a locale
# the C library lacks leaves the app's encoding at ASCII and Qt warns at start)
if [ "$MODE" = "test" ] && command -v localedef >/dev/null 2>&1; then
  for loc in fr_FR de_DE; do
    if ! locale -a 2>/dev/null | grep -qi "^$loc.utf-\?8$"; then
      if [ "$(id -u)" -eq 0 ]; then
        localedef -i "$loc" -f UTF-8 "$loc.UTF-8" >&2 || echo "bootstrap: could not make the $loc.UTF-8 locale" >&2
      elif command -v sudo >/dev/null 2>&1; then
        sudo localedef -i "$loc" -f UTF-8 "$loc.UTF-8" >&2 || echo "bootstrap: could not make the $loc.UTF-8 locale" >&2
      fi
    fi
  done
fi

# --- virtualenv + Python packages -------------------------------------------------------------
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv" >&2
  "$PY" -m venv .venv
fi
# app: only what the app needs (no test or packaging tools); test: the test and packaging extras too.
case "$MODE" in
  app)  SPEC="." ;;
  test) SPEC=".[test,package]" ;;
  *)    echo "bootstrap: unknown mode '$MODE' (use app or test)" >&2; exit 2 ;;
esac
STAMP=".venv/.dispatch-installed-$MODE"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  echo "bootstrap: installing Python packages ($SPEC)" >&2
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e "$SPEC" >&2
  touch "$STAMP"
fi
# the "kerberos" extra on its own: it builds against MIT Kerberos's headers, and where they cannot be had (no
# apt-get) everything else still installs; the Kerberos tests then skip, saying why (tests/helpers/kdc.py)
KSTAMP=".venv/.dispatch-installed-kerberos"
if [ "$MODE" = "test" ] && { [ ! -f "$KSTAMP" ] || [ pyproject.toml -nt "$KSTAMP" ]; }; then
  if .venv/bin/python -m pip install -q -e ".[kerberos]" >&2; then
    touch "$KSTAMP"
  else
    echo "bootstrap: could not install the kerberos extra (gssapi needs libkrb5-dev); the Kerberos tests will skip" >&2
  fi
fi

# --- the catalogues -----------------------------------------------------------------------------
# translations/*.ts -> app/ui/translations/*.qm (pyside6-lrelease; built, never committed): the window's words
# in French and German, and English's plural forms. Rebuilt when a .ts is newer than what was built.
if [ ! -d app/ui/translations ] || [ -n "$(find translations -name '*.ts' -newer app/ui/translations 2>/dev/null | head -1)" ]; then
  .venv/bin/python scripts/translations.py build && touch app/ui/translations \
    || echo "bootstrap: could not build the catalogues; the window will be in English" >&2
fi

# --- bytecode ----------------------------------------------------------------------------------
# The app's own modules compiled once (pip compiles the dependencies, not an editable install): without
# it every start compiles ~60 modules from source when Python may not write .pyc files (for example
# PYTHONDONTWRITEBYTECODE=1), 60-130 ms of start-up. compileall skips what is up to date.
.venv/bin/python -m compileall -q -j 0 app >/dev/null || echo "bootstrap: could not compile app/ to bytecode" >&2
