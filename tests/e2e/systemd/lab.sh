#!/usr/bin/env bash
# The systemd lab: four hosts that boot real systemd (systemd-nspawn), each over its own overlay of the
# machine's root filesystem, all sharing the machine's network namespace; each host's sshd (and every service
# a deploy configures) binds the host's own loopback address. Root only. Same interface as tests/e2e/lab/lab.sh,
# plus reboot, crash and boot:
#
#   lab.sh up | down | status | env          bring the lab up / tear it down / show it / print its variables
#   lab.sh ssh HOST CMD...                   run CMD on HOST through SSH with the lab's client key
#   lab.sh exec HOST CMD...                  run CMD inside HOST's namespaces without SSH (nsenter)
#   lab.sh rekey HOST                        give HOST a new SSH host key (sshd reloaded)
#   lab.sh reboot HOST...                    clean: systemd powers the host off, then the same overlay boots
#   lab.sh crash [--stay-down] HOST...       power loss: SIGKILL of every process of the host at once, then
#                                            boot the same overlay (unless --stay-down)
#   lab.sh boot HOST...                      boot hosts that are off (after crash --stay-down)
#   lab.sh check-clean                       exit 0 when nothing of the lab is left (process, mount, cgroup)
#
# PGHA_LAB_PREFIX (default 127.0.0) picks the addresses: PREFIX.11-.13 node1-3, PREFIX.20 haproxy.
# PGHA_LAB_DIR (default /var/tmp/pgha-slab-PREFIX, mode 0700) holds the lab's state.
#
# How it holds together (see README.md): one "holder" process owns a private mount namespace in which each host's
# tmpfs (the upper layer, RAM) and overlay are mounted, so the machine's mount table never sees them and they
# vanish with the holder. Every process of the lab (holder, nspawn, each host's systemd and services) lives in a
# cgroup named pgha-slab-PREFIX below the caller's own cgroup in the name=systemd, unified, memory and pids
# hierarchies; tear-down kills what is in those cgroups and removes them. Nothing is written on the machine
# outside PGHA_LAB_DIR and those cgroups; the machine's root filesystem is only the (read-only) lower layer.
set -euo pipefail
# shellcheck disable=SC2154 # e is set inside the trap
trap 'e=$?; [[ $BASH_COMMAND == return* ]] || echo "lab.sh: line $LINENO: \"$BASH_COMMAND\" failed (exit $e)" >&2' ERR

# shellcheck disable=SC2034 # read by lab-common.sh
LAB_DEFAULT_DIR_STEM=pgha-slab
# shellcheck source-path=SCRIPTDIR source=../lab/lab-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lab/lab-common.sh"
case "$LAB" in /var/tmp/*|/tmp/*) ;; *) echo "lab.sh: PGHA_LAB_DIR must be under /var/tmp or /tmp" >&2; exit 2 ;; esac
CGNAME="pgha-slab-$PREFIX"
HIERARCHIES=(systemd unified memory pids)  # directory names under /sys/fs/cgroup
UPPER_SIZE="${PGHA_LAB_UPPER_SIZE:-1536m}"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# ---- cgroups -------------------------------------------------------------------------------------------------
# The caller's own cgroup in hierarchy H (its line in /proc/self/cgroup), e.g. /process_api/abc.
own_cgroup() {
  local h="$1" key
  case "$h" in systemd) key="name=systemd" ;; unified) key="" ;; *) key="$h" ;; esac
  awk -F: -v k="$key" '$2 == k { print $3; exit }' /proc/self/cgroup
}
# The lab's cgroup directory in hierarchy H (created below the caller's own on `up`; found again from the state
# file, or by search when the state is gone).
lab_cgroups() {
  if [[ -f "$LAB/cgroups" ]]; then cat "$LAB/cgroups"; return; fi
  local h
  for h in "${HIERARCHIES[@]}"; do
    [[ -d /sys/fs/cgroup/$h ]] || continue
    find "/sys/fs/cgroup/$h" -maxdepth 8 -type d -name "$CGNAME" 2>/dev/null || true
  done
}
make_cgroups() {
  local h base
  : >"$LAB/cgroups.new"
  for h in "${HIERARCHIES[@]}"; do
    [[ -d /sys/fs/cgroup/$h ]] || continue
    base="/sys/fs/cgroup/$h$(own_cgroup "$h")"
    base="${base%/}/$CGNAME"
    mkdir -p "$base"
    echo "$base" >>"$LAB/cgroups.new"
  done
  mv "$LAB/cgroups.new" "$LAB/cgroups"
}
# Moves the calling (sub)shell into the lab's cgroup SUB (holder, node1, ...) in every hierarchy.
enter_cgroup() {
  local sub="$1" base
  while read -r base; do
    mkdir -p "$base/$sub"
    echo "$BASHPID" >"$base/$sub/cgroup.procs"
  done <"$LAB/cgroups"
}
# Every pid in the lab's cgroups (or below SUB of them).
cgroup_pids() {
  local sub="${1:-}" base
  while read -r base; do
    [[ -d "$base/$sub" ]] || continue
    find "$base/$sub" -name cgroup.procs -exec cat {} + 2>/dev/null || true
  done < <(lab_cgroups) | sort -un
}
# SIGKILL everything in the cgroups (of SUB) until they are empty; 1 when something survives 20 s.
kill_cgroup() {
  local sub="${1:-}" pids
  for _ in $(seq 200); do
    pids="$(cgroup_pids "$sub")"
    [[ -z "$pids" ]] && return 0
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null || true
    sleep 0.1
  done
  echo "lab.sh: processes survive in cgroup $CGNAME/$sub: $(cgroup_pids "$sub" | tr '\n' ' ')" >&2
  return 1
}
# Removes the (empty) cgroups below SUB, deepest first; with no SUB the lab's cgroups themselves.
remove_cgroups() {
  local sub="${1:-}" keep="${2:-}" base
  while read -r base; do
    [[ -d "$base/$sub" ]] || continue
    if [[ -n "$keep" ]]; then
      find "$base/$sub" -mindepth 1 -depth -type d -exec rmdir {} \; 2>/dev/null || true
    else
      find "$base/$sub" -depth -type d -exec rmdir {} \; 2>/dev/null || true
    fi
  done < <(lab_cgroups)
}

# ---- processes of one host -------------------------------------------------------------------------------------
holder_pid() { local p; p="$(cat "$LAB/holder.pid" 2>/dev/null)" && kill -0 "$p" 2>/dev/null && echo "$p"; }
nspawn_pid() { local p; p="$(cat "$LAB/hosts/$1/nspawn.pid" 2>/dev/null)" && kill -0 "$p" 2>/dev/null && echo "$p"; }
init_pid() { # the host's PID 1 (its systemd) as seen from the machine: nspawn's child
  local p; p="$(nspawn_pid "$1")" || return 1
  awk '{print $1}' "/proc/$p/task/$p/children" 2>/dev/null | grep . || return 1
}
in_ns() { nsenter -t "$(holder_pid)" -m -- "$@"; }  # runs in the lab's private mount namespace

write_known_hosts() {
  local n
  : >"$LAB/known_hosts.new"
  for n in "${NAMES[@]}"; do
    echo "$(addr "$n") $(cut -d' ' -f1,2 "$LAB/hosts/$n/ssh_host_ed25519_key.pub")" >>"$LAB/known_hosts.new"
  done
  mv "$LAB/known_hosts.new" "$LAB/known_hosts"
}

# Prepares host N's overlay (inside the private mount namespace): runs as a script there.
PREPARE='set -eu
n="$1"; a="$2"; h="$3"; size="$4"; hosts="$5"
R="$h/root"
mkdir -p "$h/rw" "$R"
mount -t tmpfs -o "size=$size,mode=0755" tmpfs "$h/rw"
mkdir "$h/rw/upper" "$h/rw/work" "$h/rw/upper/root"
# A fresh, opaque /root (the machine'"'"'s own is not the host'"'"'s business): marked in the upper layer before the
# mount, so no file of the machine'"'"'s /root shows through.
/usr/bin/python3 -c "import os, sys; os.setxattr(sys.argv[1], \"trusted.overlay.opaque\", b\"y\")" "$h/rw/upper/root"
chmod 0700 "$h/rw/upper/root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$h/rw/upper,workdir=$h/rw/work" "$R"
echo "$n" >"$R/etc/hostname"
systemd-id128 new >"$R/etc/machine-id"
printf "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n%s" "$hosts" >"$R/etc/hosts"
# Only sshd starts by itself: every unit the machine enabled (etcd, haproxy, patroni, postgresql, timers,
# getty, timesyncd, ...) is disabled in the copy; the deploy enables what it needs.
find "$R/etc/systemd/system" -path "*.wants/*" ! -name ssh.service -exec rm -f {} +
find "$R/etc/systemd/system" -maxdepth 1 -type l ! -name sshd.service -exec rm -f {} +  # aliases (etcd2.service)
ln -sf /dev/null "$R/etc/systemd/system/systemd-timesyncd.service"
ln -sf /dev/null "$R/etc/systemd/system/getty@tty1.service"
# sshd on the host'"'"'s own address with its own key; root logs in with the lab'"'"'s key only.
rm -f "$R"/etc/ssh/ssh_host_*
cp "$h/ssh_host_ed25519_key" "$h/ssh_host_ed25519_key.pub" "$R/etc/ssh/"
chmod 600 "$R/etc/ssh/ssh_host_ed25519_key"
cat >"$R/etc/ssh/sshd_config.d/00-pgha-lab.conf" <<CONF
ListenAddress $a:22
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
PrintMotd no
MaxStartups 100
MaxSessions 100
CONF
# root'"'"'s dotfiles from /etc/skel (fast logins: no pyenv init).
mkdir -m 0700 "$R/root/.ssh"
cp -a /etc/skel/. "$R/root/"
cp "$h/../../id_ed25519.pub" "$R/root/.ssh/authorized_keys"
chmod 600 "$R/root/.ssh/authorized_keys"
'

prepare_host() {
  local n="$1" h="$LAB/hosts/$1" hostsfile="" m
  mkdir -p "$h"
  ssh-keygen -q -t ed25519 -N '' -C "pgha-slab-$n" -f "$h/ssh_host_ed25519_key"
  for m in "${NAMES[@]}"; do hostsfile+="$(addr "$m") $m"$'\n'; done
  in_ns /bin/sh -c "$PREPARE" sh "$n" "$(addr "$n")" "$h" "$UPPER_SIZE" "$hostsfile"
}

boot_host() {
  local n="$1" h="$LAB/hosts/$1"
  remove_cgroups "$n" keep   # what an earlier run of this host's systemd left (empty) below its cgroup
  in_ns rm -rf "/run/systemd/nspawn/propagate/$n" "/run/systemd/nspawn/unix-export/$n"
  (
    enter_cgroup "$n"
    exec setsid nsenter -t "$(holder_pid)" -m -- systemd-nspawn --boot -D "$h/root" -M "$n" --register=no \
      --keep-unit --console=passive --link-journal=no --resolv-conf=off --timezone=off --tmpfs=/tmp \
      --notify-ready=yes >>"$h/console.log" 2>&1 </dev/null 9>&-
  ) &
  echo $! >"$h/nspawn.pid"
  echo "$(now)" >"$h/booted"
}

# Waits until each host's sshd answers; 1 (with the console log) when one does not within SECS.
wait_ssh() {
  local secs="$1" n deadline; shift
  deadline=$((SECONDS + secs))
  for n in "$@"; do
    until port_open "$(addr "$n")" 22; do
      if ((SECONDS > deadline)) || ! nspawn_pid "$n" >/dev/null; then
        echo "lab.sh: $n did not come up (sshd on $(addr "$n"):22):" >&2
        tail -n 30 "$LAB/hosts/$n/console.log" >&2 || true
        return 1
      fi
      sleep 0.05
    done
  done
}

cmd_up() {
  [[ "$(id -u)" -eq 0 ]] || { echo "lab.sh: must run as root" >&2; exit 2; }
  command -v systemd-nspawn >/dev/null || { echo "lab.sh: systemd-nspawn missing (package systemd-container)" >&2; exit 2; }
  local t0 n p; t0="$(now)"
  cmd_down >/dev/null
  # Interrupted half-way (SIGINT, SIGTERM, a failure): nothing stays behind. (After a SIGKILL the next up or
  # down finds the leftovers by their cgroups.)
  trap 'trap - INT TERM EXIT; echo "lab.sh: up interrupted, tearing down" >&2; cmd_down >/dev/null; exit 1' INT TERM EXIT
  install -d -m 0700 "$LAB" "$LAB/hosts"
  make_cgroups
  ssh-keygen -q -t ed25519 -N '' -C pgha-slab-client -f "$LAB/id_ed25519"
  # The holder: owns the private mount namespace; /run/systemd there is a tmpfs of its own (nspawn writes
  # below /run/systemd/nspawn), so nothing lands in the machine's /run.
  (
    enter_cgroup holder
    exec setsid unshare --mount --propagation private -- /bin/sh -c \
      'mount -t tmpfs -o mode=0755 tmpfs /run/systemd && mkdir -p /run/systemd/nspawn && exec sleep infinity' \
      </dev/null >"$LAB/holder.log" 2>&1 9>&-
  ) &
  echo $! >"$LAB/holder.pid"
  for _ in $(seq 100); do in_ns test -d /run/systemd/nspawn 2>/dev/null && break; sleep 0.05; done
  in_ns test -d /run/systemd/nspawn || { echo "lab.sh: the holder did not start: $(cat "$LAB/holder.log")" >&2; cmd_down; exit 1; }
  local pids=()
  for n in "${NAMES[@]}"; do prepare_host "$n" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
  for n in "${NAMES[@]}"; do [[ -f "$LAB/hosts/$n/ssh_host_ed25519_key.pub" ]] || { cmd_down; exit 1; }; done
  write_known_hosts
  for n in "${NAMES[@]}"; do boot_host "$n"; done
  if ! wait_ssh 60 "${NAMES[@]}"; then cmd_down >/dev/null; exit 1; fi
  trap - INT TERM EXIT
  echo "lab up: ${NAMES[*]} on $PREFIX.{11,12,13,20} (systemd-nspawn), state in $LAB, $(elapsed "$t0") s"
}

# Everything of the lab goes, whatever state it is in (also the leftovers of a killed run): every process in
# its cgroups (holder, nspawn, the hosts' systemd and services), so the private mount namespace with every
# tmpfs and overlay vanishes; then the cgroups and the state directory.
cmd_down() {
  local t0 p rc=0; t0="$(now)"
  if ! [[ -d "$LAB" ]] && [[ -z "$(lab_cgroups)" ]]; then return 0; fi
  p="$(cat "$LAB/holder.pid" 2>/dev/null)" && kill -9 "$p" 2>/dev/null || true
  kill_cgroup || rc=1
  remove_cgroups
  for _ in $(seq 100); do mounts_left || break; sleep 0.05; done
  if mounts_left; then echo "lab.sh: mounts of $LAB are still held by: $(mounts_left)" >&2; rc=1; fi
  [[ $rc -eq 0 ]] && rm -rf "$LAB"
  echo "lab down: $PREFIX, $(elapsed "$t0") s"
  return $rc
}
# Pids whose mount table still shows something below the lab directory.
mounts_left() { grep -l -F " $LAB/" /proc/[0-9]*/mountinfo 2>/dev/null | cut -d/ -f3 | tr '\n' ' ' | grep .; }

cmd_check_clean() {
  local bad=0 procs
  procs="$(pgrep -f "systemd-nspawn .*-D $LAB/" || true)"
  [[ -z "$procs" ]] || { echo "left: nspawn processes $procs"; bad=1; }
  if [[ -n "$(lab_cgroups)" ]]; then echo "left: cgroups $(lab_cgroups | tr '\n' ' ')"; bad=1; fi
  if mounts_left >/dev/null; then echo "left: mounts below $LAB in processes $(mounts_left)"; bad=1; fi
  if grep -q -F "$LAB" /proc/self/mountinfo; then echo "left: mounts below $LAB on the machine"; bad=1; fi
  [[ -e "$LAB" ]] && { echo "left: $LAB"; bad=1; }
  [[ $bad -eq 0 ]] && echo "clean: no process, mount or cgroup of lab $PREFIX"
  return $bad
}

cmd_status() {
  [[ -d "$LAB" ]] || { echo "lab $PREFIX: down"; return 3; }
  local rc=0 n a
  for n in "${NAMES[@]}"; do
    a="$(addr "$n")"
    if nspawn_pid "$n" >/dev/null && port_open "$a" 22; then echo "$n $a up"
    elif nspawn_pid "$n" >/dev/null; then echo "$n $a booting"; rc=1
    else echo "$n $a off"; rc=1; fi
  done
  return $rc
}

# Clean shutdown of hosts (systemd's poweroff: SIGRTMIN+4 to the host's PID 1), then boot the same overlays.
cmd_reboot() {
  local n t0 p secs
  for n in "$@"; do need_host "$n"; done
  t0="$(now)"
  for n in "$@"; do
    p="$(init_pid "$n")" || { echo "lab.sh: $n is off" >&2; exit 1; }
    kill -s RTMIN+4 "$p"
  done
  for n in "$@"; do
    for _ in $(seq 1200); do nspawn_pid "$n" >/dev/null || break; sleep 0.05; done
    if nspawn_pid "$n" >/dev/null; then echo "lab.sh: $n did not power off within 60 s" >&2; exit 1; fi
    if [[ -n "$(cgroup_pids "$n")" ]]; then echo "lab.sh: $n powered off but left processes: $(cgroup_pids "$n" | tr '\n' ' ')" >&2; exit 1; fi
  done
  secs="$(elapsed "$t0")"
  for n in "$@"; do boot_host "$n"; done
  wait_ssh 90 "$@" || exit 1
  echo "rebooted $*: powered off after $secs s, sshd up $(elapsed "$t0") s after the shutdown began"
}

# Power loss: every process of the hosts killed at the same moment (SIGKILL to each host's PID 1 ends its whole
# PID namespace; nspawn gets SIGKILL too), then the same overlays boot again unless --stay-down.
cmd_crash() {
  local stay=0 n p
  if [[ "${1:-}" == --stay-down ]]; then stay=1; shift; fi
  [[ $# -gt 0 ]] || { echo "lab.sh: crash which host?" >&2; exit 2; }
  for n in "$@"; do need_host "$n"; done
  local pids=()
  for n in "$@"; do
    p="$(init_pid "$n")" && pids+=("$p")
    p="$(nspawn_pid "$n")" && pids+=("$p")
  done
  local at; at="$(date +%s%3N)"
  [[ ${#pids[@]} -gt 0 ]] && kill -9 "${pids[@]}" 2>/dev/null || true
  for n in "$@"; do kill_cgroup "$n" || exit 1; rm -f "$LAB/hosts/$n/nspawn.pid"; done
  echo "power lost: $* at $at (ms since the epoch)"
  [[ $stay -eq 1 ]] && return 0
  cmd_boot "$@"
}

cmd_boot() {
  local n t0; t0="$(now)"
  for n in "$@"; do need_host "$n"; done
  for n in "$@"; do
    if nspawn_pid "$n" >/dev/null; then echo "lab.sh: $n is running" >&2; exit 1; fi
    boot_host "$n"
  done
  wait_ssh 90 "$@" || exit 1
  echo "booted $*: sshd up after $(elapsed "$t0") s"
}

case "${1:-}" in up|down|rekey|reboot|crash|boot) lab_lock ;; esac
case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  check-clean) cmd_check_clean ;;
  env) lab_env ;;
  ssh) shift; lab_ssh "$@" ;;
  exec)
    need_host "${2:-}"; n="$2"; shift 2
    p="$(init_pid "$n")" || { echo "lab.sh: $n is off" >&2; exit 1; }
    exec nsenter -t "$p" -m -u -i -p -C -r -w -- /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      HOME=/root LANG=C.UTF-8 "$@" ;;
  rekey)
    need_host "${2:-}"; n="$2"; h="$LAB/hosts/$n"
    rm -f "$h"/ssh_host_ed25519_key*
    ssh-keygen -q -t ed25519 -N '' -C "pgha-slab-$n-rekeyed" -f "$h/ssh_host_ed25519_key"
    in_ns cp "$h/ssh_host_ed25519_key" "$h/ssh_host_ed25519_key.pub" "$h/root/etc/ssh/"
    p="$(init_pid "$n")" || { echo "lab.sh: $n is off" >&2; exit 1; }
    write_known_hosts
    want="$(cut -d' ' -f2 "$h/ssh_host_ed25519_key.pub")"
    deadline=$((SECONDS + 60))
    tries=0
    while (( SECONDS < deadline )); do
      # sshd re-reads its keys on reload; a reload refused (unit busy) is simply sent again.
      if (( tries % 20 == 0 )); then
        nsenter -t "$p" -m -u -i -p -C -- systemctl reload-or-restart ssh || echo "lab.sh: reload of ssh on $n failed, retrying" >&2
      fi
      tries=$((tries + 1))
      got="$(ssh-keyscan -T 3 -t ed25519 "$(addr "$n")" 2>/dev/null | awk '{print $3}')" || got=""  # refused while sshd restarts
      [[ "$got" == "$want" ]] && { echo "rekeyed $n"; exit 0; }
      sleep 0.1
    done
    echo "lab.sh: $n still serves its old key after 60 s" >&2; exit 1 ;;
  reboot) shift; cmd_reboot "$@" ;;
  crash) shift; cmd_crash "$@" ;;
  boot) shift; cmd_boot "$@" ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
