#!/usr/bin/env bash
# Installs everything PG HA Designer needs to build, run and test on Debian 12 (bookworm).
# Run as root (or with sudo). Idempotent: apt-get skips what is already there.
# Equivalents for other platforms: docs/building.md.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(
  # toolchain
  cmake ninja-build g++ clang libclang-rt-14-dev pkg-config ccache
  # libraries
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libssh-dev libyaml-cpp-dev libarchive-dev qtkeychain-qt6-dev
  # tests
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth x11-utils imagemagick fonts-dejavu-core
  # the real consumers of what we generate, and the lab cluster
  patroni etcd-server etcd-client haproxy postgresql postgresql-contrib shellcheck systemd openssh-server openssh-client
  python3 python3-psycopg2 iproute2 procps util-linux curl
  # TLS material checks, firewall rules (nft -c), the systemd lab, Patroni from pip in a virtualenv
  openssl libssl-dev nftables systemd-container python3-venv python3-idna hyperfine
  # production components (issue 10): backups, pooling, floating address
  pgbackrest pgbouncer keepalived
  # packaging checks
  desktop-file-utils appstream dpkg-dev file rpm
  # Qt's own German strings for standard dialogs (qtbase_de.qm), loaded by the app next to ours
  qt6-translations-l10n
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # policy-rc.d keeps package scripts from starting etcd/haproxy/postgresql/ssh services on this machine, for
  # this install only: ours is removed again on every way out (a pre-existing one is left as it was), so that
  # packages installed later on this machine start their services as usual.
  POLICY_RC_D="${PGHA_POLICY_RC_D:-/usr/sbin/policy-rc.d}"  # the variable is for tests/scripts only
  if [ ! -e "$POLICY_RC_D" ] && [ ! -L "$POLICY_RC_D" ]; then
    trap '$SUDO rm -f "$POLICY_RC_D"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    printf '#!/bin/sh\n# pgha setup-debian: no service starts during its apt-get install; removed afterwards\nexit 101\n' \
      | $SUDO tee "$POLICY_RC_D" >/dev/null
    $SUDO chmod 755 "$POLICY_RC_D"
  fi
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "setup-debian: all ${#PKGS[@]} packages present"

# Patroni 4.1.5 from PyPI in a virtualenv under /opt (Debian's Patroni 3.0.2 stays the default): the consumer
# tests judge the generated patroni.yml with both, and the lab deploys a pip design with it.
$SUDO bash "$(dirname "${BASH_SOURCE[0]}")/setup-patroni-venv.sh" 4.1.5
# 4.1.4 as well, for the rolling upgrade test (tests/e2e/test_e2e_upgrade: 4.1.4 -> 4.1.5 from the wheelhouse).
$SUDO bash "$(dirname "${BASH_SOURCE[0]}")/setup-patroni-venv.sh" 4.1.4
