#!/usr/bin/env bash
# The deploy lab: four SSH "hosts" on loopback addresses, each an sshd in its own mount + PID namespace with
# per-host directories bind-mounted over the standard paths, so a deploy writes the real /etc/patroni,
# /var/lib/postgresql, ... of that host and nothing reaches the machine's own. Root only.
#
#   lab.sh up | down | status | env          bring the lab up / tear it down / show it / print its variables
#   lab.sh ssh HOST CMD...                   run CMD on HOST through SSH with the lab's client key
#   lab.sh exec HOST CMD...                  run CMD inside HOST's namespaces without SSH (baseline, faults)
#   lab.sh rekey HOST                        give HOST a new SSH host key (sshd re-reads it)
#
# PGHA_LAB_PREFIX (default 127.0.0) picks the addresses: PREFIX.11-.13 database nodes, PREFIX.20 HAProxy;
# PGHA_LAB_NODE4=1 adds node4 on PREFIX.14 (a spare database host for scale out/in), PGHA_LAB_NODE5=1 node5 on .15,
# PGHA_LAB_HAPROXY2=1 haproxy2 on PREFIX.21 (a second HAProxy host).
# PGHA_LAB_DIR (default /var/tmp/pgha-lab-PREFIX, mode 0700) holds the lab's state; sshd's StrictModes refuses
# keys under world-writable /tmp, and the lab's /tmp is bind-mounted per host anyway.
# Each host sees /opt through an overlay of its own (writes stay in the host). PGHA_LAB_PATRONI_VENV="HOST..."
# (at up) binds the machine's Patroni 4.1.5 virtualenv (/opt/pgha/patroni-4.1.5) read-only at /opt/patroni on
# those hosts: a pip deploy finds it installed there and installs it with pip on the others.
set -euo pipefail

# shellcheck disable=SC2034 # read by lab-common.sh
LAB_DEFAULT_DIR_STEM=pgha-lab
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lab-common.sh
. "$HERE/lab-common.sh"
PATRONI_VENV=/opt/pgha/patroni-4.1.5
init_pid() { # the namespace's PID 1 as seen from outside: the child of unshare
  local u; u="$(cat "$LAB/hosts/$1/unshare.pid" 2>/dev/null)" || return 1
  cat "/proc/$u/task/$u/children" 2>/dev/null | awk '{print $1}'
}
alive() { local p; p="$(cat "$LAB/hosts/$1/unshare.pid" 2>/dev/null)" && kill -0 "$p" 2>/dev/null; }

write_known_hosts() {
  local n
  : >"$LAB/known_hosts"
  for n in "${NAMES[@]}"; do
    echo "$(addr "$n") $(cut -d' ' -f1,2 "$LAB/hosts/$n/etc/ssh/ssh_host_ed25519_key.pub")" >>"$LAB/known_hosts"
  done
}

up_host() {
  local n="$1" a h; a="$(addr "$n")"; h="$LAB/hosts/$n"
  mkdir -p "$h"
  # /etc may change while we copy (another apt run): a vanished file is no reason to fail
  cp -a /etc "$h/etc" 2>/dev/null || true
  [[ -f "$h/etc/passwd" && -d "$h/etc/ssh" ]] || { echo "lab.sh: copying /etc failed" >&2; return 1; }
  rm -f "$h"/etc/ssh/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -C "pgha-lab-$n" -f "$h/etc/ssh/ssh_host_ed25519_key"
  cat >"$h/etc/ssh/sshd_pgha_lab.conf" <<CONF
ListenAddress $a:22
HostKey /etc/ssh/ssh_host_ed25519_key
PidFile /run/sshd.pid
AuthorizedKeysFile /root/.ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
MaxStartups 100
MaxSessions 100
Subsystem sftp /usr/lib/openssh/sftp-server
CONF
  install -d -m 0755 "$h/run" "$h/run/sshd" "$h/var-log" "$h/var-lib"
  install -d -m 2775 -o postgres -g postgres "$h/run/postgresql"
  install -d -m 0755 -o haproxy -g haproxy "$h/run/haproxy" 2>/dev/null || install -d -m 0755 "$h/run/haproxy"
  install -d -m 0755 -o postgres -g postgres "$h/var-lib-postgresql"
  install -d -m 0700 -o etcd -g etcd "$h/var-lib-etcd"
  install -d -m 0700 "$h/root" "$h/root/.ssh"
  install -m 0600 "$LAB/id_ed25519.pub" "$h/root/.ssh/authorized_keys"
  install -d -m 1777 "$h/tmp"
  install -d -m 0755 "$h/opt-ovl"
  rm -f "$h/patroni-venv"
  if [[ " ${PGHA_LAB_PATRONI_VENV:-} " == *" $n "* ]]; then
    [[ -x "$PATRONI_VENV/bin/patroni" ]] || { echo "lab.sh: no $PATRONI_VENV (scripts/setup-patroni-venv.sh)" >&2; return 1; }
    echo "$PATRONI_VENV" >"$h/patroni-venv"
  fi
  # --kill-child: when unshare dies (lab down) its child, the namespace's init, dies and takes every process
  # of the PID namespace with it.
  setsid unshare --mount --pid --fork --kill-child --mount-proc -- \
    /bin/bash "$HERE/lab-host-init.sh" "$h" >"$h/init.log" 2>&1 </dev/null 9>&- &
  echo $! >"$h/unshare.pid"
}

cmd_up() {
  [[ "$(id -u)" -eq 0 ]] || { echo "lab.sh: must run as root" >&2; exit 2; }
  if [[ -d "$LAB" ]]; then cmd_down; fi
  install -d -m 0700 "$LAB" "$LAB/hosts"
  ssh-keygen -q -t ed25519 -N '' -C pgha-lab-client -f "$LAB/id_ed25519"
  for n in "${NAMES[@]}"; do up_host "$n"; done
  write_known_hosts
  local deadline=$((SECONDS + 30))
  for n in "${NAMES[@]}"; do
    until port_open "$(addr "$n")" 22; do
      if ((SECONDS > deadline)) || ! alive "$n"; then
        echo "lab.sh: sshd of $n did not come up:" >&2; cat "$LAB/hosts/$n/init.log" >&2; cmd_down; exit 1
      fi
      sleep 0.05
    done
  done
  echo "lab up: ${NAMES[*]} on $PREFIX (.11-.13, .20${SUFFIX[node4]:+, .14}${SUFFIX[node5]:+, .15}${SUFFIX[haproxy2]:+, .21}), state in $LAB"
}

cmd_down() {
  [[ -d "$LAB" ]] || return 0
  for n in "${NAMES[@]}"; do
    local p; p="$(cat "$LAB/hosts/$n/unshare.pid" 2>/dev/null)" || continue
    kill -9 "$p" 2>/dev/null || true
  done
  # Wait until every process of the namespaces is gone (postgres files stay busy until then).
  for n in "${NAMES[@]}"; do
    local p; p="$(cat "$LAB/hosts/$n/unshare.pid" 2>/dev/null)" || continue
    for _ in $(seq 200); do kill -0 "$p" 2>/dev/null || break; sleep 0.05; done
  done
  for _ in $(seq 100); do
    port_open "$(addr node1)" 5432 || port_open "$(addr node1)" 2379 || break; sleep 0.05
  done
  rm -rf "$LAB"
  echo "lab down: $PREFIX"
}

cmd_status() {
  [[ -d "$LAB" ]] || { echo "lab $PREFIX: down"; return 3; }
  local rc=0
  for n in "${NAMES[@]}"; do
    local a; a="$(addr "$n")"
    if alive "$n" && port_open "$a" 22; then echo "$n $a up"; else echo "$n $a DOWN"; rc=1; fi
  done
  return $rc
}

case "${1:-}" in up|down|rekey) lab_lock ;; esac
case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) lab_env ;;
  ssh) shift; lab_ssh "$@" ;;
  exec)
    need_host "${2:-}"; n="$2"; shift 2
    p="$(init_pid "$n")" || { echo "lab.sh: $n is down" >&2; exit 1; }
    exec nsenter -t "$p" -m -p --wd=/ -- "$@" ;;
  rekey)
    need_host "${2:-}"; n="$2"; h="$LAB/hosts/$n"
    rm -f "$h"/etc/ssh/ssh_host_ed25519_key*
    ssh-keygen -q -t ed25519 -N '' -C "pgha-lab-$n-rekeyed" -f "$h/etc/ssh/ssh_host_ed25519_key"
    kill -HUP "$(init_pid "$n")"   # the init passes SIGHUP to sshd, which re-executes and re-reads its keys
    write_known_hosts              # the lab's own known_hosts follows; a deploy's known-hosts file must not
    # sshd re-executes asynchronously: wait until it really serves the new key (a busy machine is slow).
    want="$(cut -d' ' -f2 "$h/etc/ssh/ssh_host_ed25519_key.pub")"
    # On a loaded machine a SIGHUP can land while sshd is still starting up: send it again now and then.
    deadline=$((SECONDS + 90))
    tries=0
    while (( SECONDS < deadline )); do
      got="$(ssh-keyscan -T 3 -t ed25519 "$(addr "$n")" 2>/dev/null | awk '{print $3}')" || got=""  # refused while sshd restarts
      [[ "$got" == "$want" ]] && { echo "rekeyed $n"; exit 0; }
      tries=$((tries + 1))
      if (( tries % 20 == 0 )); then kill -HUP "$(init_pid "$n")" 2>/dev/null || true; fi
      sleep 0.1
    done
    echo "lab.sh: $n still serves its old key after 90 s (last answer: '${got:-none}')" >&2; exit 1 ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
