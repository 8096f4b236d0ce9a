#!/usr/bin/env bash
# Installs Patroni from PyPI into a virtualenv for the tests, next to (never instead of) Debian's patroni
# package, which stays the default: /opt/pgha/patroni-<version> made with Debian's /usr/bin/python3 (not a
# pyenv shim, not the system site-packages), every package pinned by resources/patroni/patroni-<version>.txt.
# Idempotent: a virtualenv whose stamp matches the requirements file and whose patroni answers the version is
# left alone (a second run takes about a second: patroni --version). Run as root; called by setup-debian.sh.
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

if [[ -x "$VENV/bin/patroni" ]] && cmp -s "$REQ" "$STAMP" \
   && [[ "$("$VENV/bin/patroni" --version 2>/dev/null)" == "patroni $VERSION" ]]; then
  echo "setup-patroni-venv: Patroni $VERSION present in $VENV"
  exit 0
fi

[[ -x "$PY" ]] || { echo "setup-patroni-venv: $PY missing (the python3 package)" >&2; exit 1; }
# A half-made or stale virtualenv is rebuilt from scratch, in place: its scripts name their interpreter by
# absolute path, so it cannot be built elsewhere and moved. The stamp is written last.
mkdir -p "$(dirname "$VENV")"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$VENV/bin/pip" install -q --no-deps --require-virtualenv -r "$REQ"
"$VENV/bin/pip" check >/dev/null
got="$("$VENV/bin/patroni" --version)"
[[ "$got" == "patroni $VERSION" ]] || { echo "setup-patroni-venv: $VENV/bin/patroni says '$got'" >&2; exit 1; }
install -m 0644 "$REQ" "$STAMP"
echo "setup-patroni-venv: installed Patroni $VERSION into $VENV"
