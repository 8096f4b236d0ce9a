# shellcheck shell=bash
# Sourced by both labs (lab/lab.sh without an init, systemd/lab.sh with systemd): the hosts and their
# addresses, SSH with the lab's key, the per-prefix lock and the verbs that are the same in both.
# Expects LAB_DEFAULT_DIR_STEM ("pgha-lab" or "pgha-slab"); sets PREFIX, LAB, NAMES, SUFFIX, SSH_OPTS.

PREFIX="${PGHA_LAB_PREFIX:-127.0.0}"
if ! [[ "$PREFIX" =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
  echo "lab.sh: PGHA_LAB_PREFIX must be 127.X.Y (loopback only), got '$PREFIX'" >&2; exit 2
fi
LAB="${PGHA_LAB_DIR:-/var/tmp/$LAB_DEFAULT_DIR_STEM-$PREFIX}"
NAMES=(node1 node2 node3 haproxy)
declare -A SUFFIX=([node1]=11 [node2]=12 [node3]=13 [haproxy]=20)
# PGHA_LAB_NODE4=1 (at up): a fifth host, node4 on PREFIX.14, for scale out/in; a lab that has it keeps it in
# every verb (down, status) whatever the environment says.
if [[ -n "${PGHA_LAB_NODE4:-}" || -d "$LAB/hosts/node4" ]]; then
  NAMES+=(node4); SUFFIX[node4]=14
fi
# PGHA_LAB_NODE5=1 (at up): node5 on PREFIX.15 (etcd grown 3 -> 5 with node4), kept the same way.
if [[ -n "${PGHA_LAB_NODE5:-}" || -d "$LAB/hosts/node5" ]]; then
  NAMES+=(node5); SUFFIX[node5]=15
fi
# PGHA_LAB_HAPROXY2=1 (at up): a second HAProxy host, haproxy2 on PREFIX.21, added and removed by pgha apply.
if [[ -n "${PGHA_LAB_HAPROXY2:-}" || -d "$LAB/hosts/haproxy2" ]]; then
  NAMES+=(haproxy2); SUFFIX[haproxy2]=21
fi
SSH_OPTS=(-n -o BatchMode=yes -o ConnectTimeout=10 -o LogLevel=ERROR)

addr() { echo "$PREFIX.${SUFFIX[$1]}"; }
need_host() { [[ -n "${SUFFIX[${1:-}]:-}" ]] || { echo "lab.sh: unknown host '${1:-}' (${NAMES[*]})" >&2; exit 2; }; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Several test runs (other build trees) may use the same prefix at once: one user of a lab at a time.
# LabFixture holds this lock for its whole life and tells us so with PGHA_LAB_LOCKED=1.
lab_lock() {
  [[ -n "${PGHA_LAB_LOCKED:-}" ]] && return 0
  exec 9>"/var/tmp/pgha-lab-$PREFIX.lock"
  flock -w 900 9 || { echo "lab.sh: lab $PREFIX is busy" >&2; exit 1; }
}

lab_env() {
  local n
  echo "PGHA_LAB_PREFIX=$PREFIX"; echo "PGHA_LAB_DIR=$LAB"; echo "PGHA_LAB_KEY=$LAB/id_ed25519"
  echo "PGHA_LAB_KNOWN_HOSTS=$LAB/known_hosts"
  for n in "${NAMES[@]}"; do echo "PGHA_LAB_ADDR_${n^^}=$(addr "$n")"; done
}

# lab_ssh HOST CMD...: through SSH with the lab's client key, the host key checked against the lab's list.
lab_ssh() {
  need_host "${1:-}"; local n="$1"; shift
  exec ssh "${SSH_OPTS[@]}" -i "$LAB/id_ed25519" -o UserKnownHostsFile="$LAB/known_hosts" \
    -o StrictHostKeyChecking=yes "root@$(addr "$n")" "$@"
}
