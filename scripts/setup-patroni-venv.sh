#!/usr/bin/env bash
# Installs Patroni from PyPI into a virtualenv for the tests, next to (never instead of) Debian's patroni
# package, which stays the default: /opt/pgha/patroni-<version> made with Debian's /usr/bin/python3 (not a
# pyenv shim, not the system site-packages), every package pinned by resources/patroni/patroni-<version>.txt.
# Idempotent: a virtualenv whose stamp matches the requirements file and whose patroni answers the version is
# left alone (a second run takes about a second: patroni --version). Run as root; called by setup-debian.sh.
# It also downloads the wheels of the same pinned set into the wheelhouse /opt/pgha/wheels
# (PGHA_PATRONI_WHEELS), from which the lab's hosts install with pip offline (a design's
# cluster.patroni.pip_find_links: /opt/pgha/wheels; tests/e2e/test_e2e_upgrade installs 4.1.4, then 4.1.5).
#   setup-patroni-venv.sh [VERSION]      (default 4.1.5)
set -euo pipefail
VERSION="${1:-4.1.5}"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "setup-patroni-venv: bad version '$VERSION'" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQ="$HERE/resources/patroni/patroni-$VERSION.txt"
[[ -r "$REQ" ]] || { echo "setup-patroni-venv: no pinned requirements for Patroni $VERSION ($REQ)" >&2; exit 2; }
VENV="${PGHA_PATRONI_VENV_BASE:-/opt/pgha}/patroni-$VERSION"
PY=/usr/bin/python3
STAMP="$VENV/pgha-requirements.txt"

WHEELS="${PGHA_PATRONI_WHEELS:-/opt/pgha/wheels}"
WSTAMP="$WHEELS/pgha-requirements-$VERSION.txt"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

# The wheelhouse: every wheel of the pinned set, for pip install --no-index --find-links (the stamp last).
wheels() {
  cmp -s "$REQ" "$WSTAMP" && return 0
  mkdir -p "$WHEELS"
  # pip wheel: the published wheels as they are, a wheel built from the sdist where there is none (python-etcd).
  "$VENV/bin/pip" wheel -q --no-deps --use-pep517 -w "$WHEELS" -r "$REQ"
  install -m 0644 "$REQ" "$WSTAMP"
  echo "setup-patroni-venv: the wheels of Patroni $VERSION's pinned set are in $WHEELS"
}

if [[ -x "$VENV/bin/patroni" ]] && cmp -s "$REQ" "$STAMP" \
   && [[ "$("$VENV/bin/patroni" --version 2>/dev/null)" == "patroni $VERSION" ]]; then
  echo "setup-patroni-venv: Patroni $VERSION present in $VENV"
  wheels
  exit 0
fi

[[ -x "$PY" ]] || { echo "setup-patroni-venv: $PY missing (the python3 package)" >&2; exit 1; }
# A half-made or stale virtualenv is rebuilt from scratch, in place: its scripts name their interpreter by
# absolute path, so it cannot be built elsewhere and moved. The stamp is written last.
mkdir -p "$(dirname "$VENV")"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q --no-deps --require-virtualenv -r "$REQ"
"$VENV/bin/pip" check >/dev/null
got="$("$VENV/bin/patroni" --version)"
[[ "$got" == "patroni $VERSION" ]] || { echo "setup-patroni-venv: $VENV/bin/patroni says '$got'" >&2; exit 1; }
install -m 0644 "$REQ" "$STAMP"
echo "setup-patroni-venv: installed Patroni $VERSION into $VENV"
wheels
