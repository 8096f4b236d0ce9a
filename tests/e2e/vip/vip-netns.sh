#!/bin/bash
# test_e2e_vip: the floating address on real daemons, in network namespaces this script makes (issue 10).
#
#   vip-netns.sh PGHA FIGURES_FILE     the test
#   vip-netns.sh --cleanup             end every pghavip-* process and namespace (CTest's fixture cleanup: runs even
#                                      when the test was killed on its timeout and its own trap never ran)
#
# Layout (documentation addresses 198.51.100.0/24 only; every name starts with pghavip):
#   pghavip-sw   a bridge; every other namespace hangs on it with a veth
#   pghavip-lb1  198.51.100.11  HAProxy + keepalived + sshd: the GENERATED haproxy.cfg / keepalived.conf / sysctl file
#   pghavip-lb2  198.51.100.12  the same
#   pghavip-db1  198.51.100.20  etcd + Patroni + PostgreSQL 15: the GENERATED etcd.conf.yaml and patroni config.yml
#   pghavip-db2  198.51.100.21  (data and socket directories moved under the test's directory, nothing else changed),
#   pghavip-db3  198.51.100.22  a three-member Patroni cluster; HAProxy's check asks Patroni's real /primary on 8008
#   pghavip-cl   198.51.100.50  the client: a writer through VIP:5000 that records every acknowledged row
# Then HAProxy on the VIP holder is killed: the VIP must move, writes through VIP:5000 must resume and reach the
# Patroni leader, no acknowledged row may be missing on it. FIGURE: seconds without writes while the address moves.
# Measured facts this relies on: /work/shared/reference/vip-netns-notes.md (ip_nonlocal_bind per namespace, the
# track script over TCP, cleanup order). Needs root; exits 77 (skipped) without it.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VIP=198.51.100.100
DBS=(db1 db2 db3)
declare -A DB_ADDR=([db1]=198.51.100.20 [db2]=198.51.100.21 [db3]=198.51.100.22)
PGBIN=/usr/lib/postgresql/15/bin
PATRONI=${PGHA_VIP_PATRONI:-/usr/bin/patroni}   # or /opt/pgha/patroni-4.1.5/bin/patroni
T0=$(date +%s.%N)

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
log() { printf '[vip %6s s] %s\n' "$(since "$T0")" "$*"; }

if [[ $(id -u) -ne 0 ]]; then echo "skipped: needs root (network namespaces)"; exit 77; fi

# One run at a time on this machine (every build tree uses the same names and addresses). No daemon inherits fd 8
# (`8>&-` on each): a killed run's leftovers would otherwise hold the lock its --cleanup waits for.
exec 8>/tmp/pgha-vip-netns.lock
flock -w 600 8 || { echo "another VIP test holds /tmp/pgha-vip-netns.lock" >&2; exit 1; }

# --- cleanup -------------------------------------------------------------------------------------------------
# Processes first, then the namespaces: a namespace deleted with a process inside lives on unnamed with its veth.
# Order: everything but etcd and PostgreSQL gets TERM (Patroni then stops its PostgreSQL while etcd still answers),
# up to 10 s; then etcd TERM and any PostgreSQL left SIGINT (fast shutdown), up to 2 s (the etcd leader whose peers
# are gone spends ~7 s trying to hand over its leadership: its data is thrown away, so KILL it); then KILL what is left.
# Also run before setup, for the leftovers of a crashed or timed-out run.
ns_list() { ip netns list 2>/dev/null | awk '$1 ~ /^pghavip-/ { print $1 }'; }
ns_pids() {  # [COMM...]: the pids in every pghavip namespace, only those whose command is one of COMM if given
    local ns p c
    for ns in $(ns_list); do
        for p in $(ip netns pids "$ns" 2>/dev/null); do
            if [[ $# -gt 0 ]]; then
                c=$(cat "/proc/$p/comm" 2>/dev/null) || continue
                [[ " $* " == *" $c "* ]] || continue
            fi
            echo "$p"
        done
    done
}
ns_pids_except() {  # COMM...: the pids whose command is none of COMM
    local p c
    for p in $(ns_pids); do
        c=$(cat "/proc/$p/comm" 2>/dev/null) || continue
        [[ " $* " == *" $c "* ]] || echo "$p"
    done
}
wait_gone() {  # TENTHS COMMAND...: until COMMAND prints nothing
    local i
    for i in $(seq "$1"); do [[ -z "$("${@:2}")" ]] && return 0; sleep 0.1; done
    return 1
}
cleanup() {
    local pids ns
    pids=$(ns_pids_except etcd postgres)
    [[ -n "$pids" ]] && kill -TERM $pids 2>/dev/null
    wait_gone 100 ns_pids patroni
    pids=$(ns_pids etcd)
    [[ -n "$pids" ]] && kill -TERM $pids 2>/dev/null
    pids=$(ns_pids postgres)
    [[ -n "$pids" ]] && kill -INT $pids 2>/dev/null
    wait_gone 20 ns_pids
    pids=$(ns_pids)
    [[ -n "$pids" ]] && kill -KILL $pids 2>/dev/null
    wait_gone 30 ns_pids
    for ns in $(ns_list); do ip netns del "$ns" 2>/dev/null; done
    ip link del pghavip-r 2>/dev/null
    # Working directories of this run and of crashed ones (we hold the lock: nobody else uses them).
    rm -rf /dev/shm/pghavip.* /tmp/pghavip.* 2>/dev/null
    return 0
}
if [[ "${1:-}" == --cleanup ]]; then
    set +e
    cleanup
    exit $?
fi

PGHA=${1:?pgha binary}
FIGURES=${2:?figures file}
for b in ip keepalived haproxy psql curl python3 setpriv ssh-keygen /usr/sbin/sshd etcd "$PATRONI" "$PGBIN/initdb"; do
    command -v "$b" >/dev/null || { echo "skipped: $b missing"; exit 77; }
done

fail() {
    log "FAIL: $*"
    exit 1
}
on_exit() {
    local rc=$?
    if [[ $rc -ne 0 && -n "${WORK:-}" ]]; then  # what the daemons said, before their directory goes
        local f
        for f in "$WORK"/*.log; do
            [[ -s "$f" ]] || continue
            echo "--- tail of $(basename "$f")"
            tail -n 15 "$f"
        done
    fi
    set +e
    cleanup
    exit $rc
}
trap on_exit EXIT
trap 'exit 1' INT TERM
set +e
cleanup
set -e
# In memory (~0.4 GB while it runs) when /dev/shm has 1 GB free: three PostgreSQL data directories and three etcd
# WALs (64 MB preallocated each) on a disk shared with builds took 11 s just to delete. Otherwise (a container's
# 64 MB /dev/shm) on disk.
BASE=/tmp
[[ $(df --output=avail -k /dev/shm 2>/dev/null | tail -1) -ge 1048576 ]] 2>/dev/null && BASE=/dev/shm
WORK=$(mktemp -d "$BASE/pghavip.XXXXXX")
chmod 0755 "$WORK"

# --- the network ---------------------------------------------------------------------------------------------
ip netns add pghavip-sw
ip -n pghavip-sw link add br0 type bridge
ip -n pghavip-sw link set br0 up
ip -n pghavip-sw link set lo up
attach() {  # NAMESPACE SHORT ADDRESS
    ip netns add "$1"
    ip link add eth0 netns "$1" type veth peer name "p-$2" netns pghavip-sw
    ip -n pghavip-sw link set "p-$2" master br0 up
    ip -n "$1" addr add "$3/24" dev eth0
    ip -n "$1" link set lo up
    ip -n "$1" link set eth0 up
}
attach pghavip-lb1 lb1 198.51.100.11
attach pghavip-lb2 lb2 198.51.100.12
for db in "${DBS[@]}"; do attach "pghavip-$db" "$db" "${DB_ADDR[$db]}"; done
attach pghavip-cl cl 198.51.100.50
# `pgha status` runs here, in the root namespace: a veth into the bridge (it goes with pghavip-sw).
ip link add pghavip-r type veth peer name p-root netns pghavip-sw
ip -n pghavip-sw link set p-root master br0 up
ip addr add 198.51.100.1/24 dev pghavip-r
ip link set pghavip-r up
log "namespaces up"

# --- the generated files -------------------------------------------------------------------------------------
"$PGHA" secrets -o "$WORK/secrets.yaml" >/dev/null
echo "vip_password: 'Vip4Test'" >>"$WORK/secrets.yaml"   # VRRP authentication on (auth_type PASS)
"$PGHA" generate "$HERE/vip.pgha.yaml" -o "$WORK/gen" --secrets "$WORK/secrets.yaml" >/dev/null
for lb in lb1 lb2; do
    for f in etc/haproxy/haproxy.cfg etc/keepalived/keepalived.conf etc/sysctl.d/90-pgha-vip.conf; do
        [[ -s "$WORK/gen/$lb/$f" ]] || fail "generated $lb/$f missing"
    done
    grep -q "auth_pass Vip4Test" "$WORK/gen/$lb/etc/keepalived/keepalived.conf" || fail "no VRRP password in $lb's keepalived.conf"
    grep -q "bind $VIP:5000" "$WORK/gen/$lb/etc/haproxy/haproxy.cfg" || fail "$lb's HAProxy does not bind the VIP"
    grep -q "option httpchk OPTIONS /primary" "$WORK/gen/$lb/etc/haproxy/haproxy.cfg" || fail "$lb's HAProxy does not ask /primary"
done
for db in "${DBS[@]}"; do
    for f in etc/etcd/etcd.conf.yaml etc/patroni/config.yml; do
        [[ -s "$WORK/gen/$db/$f" ]] || fail "generated $db/$f missing"
    done
done
# The client's password file (the superuser: the design's subnet is an admin subnet; never on a command line).
SUPERPW=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["superuser_password"])' "$WORK/secrets.yaml")
[[ -n "$SUPERPW" ]] || fail "no superuser_password in the generated secrets"
( umask 077; echo "*:*:*:postgres:$SUPERPW" >"$WORK/client.pgpass" )
export PGPASSFILE="$WORK/client.pgpass"

# --- etcd, Patroni and PostgreSQL in pghavip-db1..3 -----------------------------------------------------------
# The generated files as they are, except where things live on disk: the namespaces share one filesystem, so each
# member's etcd data, PostgreSQL data, .pgpass and socket directory move under $WORK/<member>.
cat >"$WORK/relocate.py" <<'PY'
import sys, yaml
src, dst, home = sys.argv[1:4]
c = yaml.safe_load(open(src))
pg = c["postgresql"]
pg["data_dir"] = home + "/data"
pg["pgpass"] = home + "/pgpass"
pg.setdefault("parameters", {})["unix_socket_directories"] = home
with open(dst, "w") as f:
    yaml.safe_dump(c, f, default_flow_style=False)
PY
for db in "${DBS[@]}"; do
    install -d -o postgres -g postgres -m 0700 "$WORK/$db"
    install -d -m 0700 "$WORK/etcd-$db"
    sed "s|^data-dir: .*|data-dir: $WORK/etcd-$db|" "$WORK/gen/$db/etc/etcd/etcd.conf.yaml" >"$WORK/etcd-$db.yaml"
    grep -q "^listen-client-urls: 'http://${DB_ADDR[$db]}:2379," "$WORK/etcd-$db.yaml" || fail "$db's etcd does not listen on its address"
    ( umask 077; python3 "$WORK/relocate.py" "$WORK/gen/$db/etc/patroni/config.yml" "$WORK/$db/patroni.yml" "$WORK/$db" )
    chown postgres:postgres "$WORK/$db/patroni.yml"
    grep -Eq "^  listen: '?${DB_ADDR[$db]}:8008" "$WORK/$db/patroni.yml" || fail "$db's Patroni REST API does not listen on its address"
    ip netns exec "pghavip-$db" etcd --config-file "$WORK/etcd-$db.yaml" >"$WORK/etcd-$db.log" 2>&1 8>&- &
done
for db in "${DBS[@]}"; do
    ip netns exec "pghavip-$db" setpriv --reuid=postgres --regid=postgres --init-groups \
        "$PATRONI" "$WORK/$db/patroni.yml" >"$WORK/patroni-$db.log" 2>&1 8>&- &
done

rest() {  # MEMBER PATH: the HTTP status of Patroni's REST API, asked from the client namespace
    ip netns exec pghavip-cl curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://${DB_ADDR[$1]}:8008$2" || true
}
leader() {  # the member whose Patroni answers 200 to /primary (HAProxy's check), nothing when none or several
    local db found=()
    for db in "${DBS[@]}"; do [[ "$(rest "$db" /primary)" == 200 ]] && found+=("$db"); done
    [[ ${#found[@]} -eq 1 ]] && echo "${found[0]}"
    return 0
}
psql_cl() {  # HOST PORT SQL (as the superuser, password from $PGPASSFILE)
    ip netns exec pghavip-cl psql -X -q -At -v ON_ERROR_STOP=1 \
        "host=$1 port=$2 user=postgres dbname=postgres connect_timeout=2" -c "$3"
}
wait_for() {  # SECONDS DESCRIPTION COMMAND...: by the clock (a probe may itself take a while on a loaded machine)
    local limit=$1 what=$2 end
    shift 2
    end=$((SECONDS + limit))
    while :; do
        "$@" && return 0
        ((SECONDS < end)) || break
        sleep 0.1
    done
    fail "$what (waited $limit s)"
}
has_leader() { [[ -n "$(leader)" ]]; }
all_running() {  # every member's PostgreSQL runs (Patroni's /health), the replicas cloned from the leader
    local db
    for db in "${DBS[@]}"; do [[ "$(rest "$db" /health)" == 200 ]] || return 1; done
}
wait_for 90 "a Patroni leader (etcd and Patroni up, the leader bootstrapped)" has_leader
LEADER=$(leader)
log "Patroni leader: $LEADER ($("$PATRONI" --version 2>&1), etcd $(etcd --version | awk 'NR == 1 { print $3 }'))"
wait_for 60 "all three members running" all_running
log "all three Patroni members running"
psql_cl "${DB_ADDR[$LEADER]}" 5432 "create table vip_rows (i int primary key, at timestamptz default now())" >/dev/null \
    || fail "cannot create the table on the leader $LEADER"

# --- sshd in both load-balancer namespaces, for `pgha status` to ask who holds the VIP ------------------------
mkdir -p "$WORK/ssh" /run/sshd
ssh-keygen -q -t ed25519 -N '' -C pghavip-client -f "$WORK/ssh/id"
cp "$WORK/ssh/id.pub" "$WORK/ssh/authorized_keys"
: >"$WORK/ssh/known_hosts"
for n in 1 2; do
    ssh-keygen -q -t ed25519 -N '' -C "pghavip-lb$n" -f "$WORK/ssh/host-lb$n"
    cat >"$WORK/ssh/sshd-lb$n.conf" <<CONF
ListenAddress 198.51.100.1$n:22
HostKey $WORK/ssh/host-lb$n
PidFile $WORK/ssh/sshd-lb$n.pid
AuthorizedKeysFile $WORK/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
CONF
    echo "198.51.100.1$n $(cut -d' ' -f1,2 "$WORK/ssh/host-lb$n.pub")" >>"$WORK/ssh/known_hosts"
    ip netns exec "pghavip-lb$n" /usr/sbin/sshd -D -e -f "$WORK/ssh/sshd-lb$n.conf" >>"$WORK/sshd-lb$n.log" 2>&1 8>&- &
done
# The design as `pgha status` reads it: the HAProxy hosts reached with the test's key.
sed "s|roles: \[haproxy\]}|roles: [haproxy], ssh: {user: root, port: 22, identity_file: \"$WORK/ssh/id\"}}|" \
    "$HERE/vip.pgha.yaml" >"$WORK/status.pgha.yaml"
# What `pgha status FILE --format json` (the dashboard's answer: Patroni's REST API, etcd, HAProxy's stats, the VIP
# over SSH) says: "HOLDERS|UNREACHABLE|LEADER|VERDICT (REASONS)".
status_line() {
    "$PGHA" status "$WORK/status.pgha.yaml" --secrets "$WORK/secrets.yaml" --known-hosts "$WORK/ssh/known_hosts" \
        --format json --timeout 1000 2>>"$WORK/status.err" | python3 -c '
import json, sys
d = json.load(sys.stdin)
v = d.get("vip", {})
print(" ".join(v.get("holders", [])) + "|" + "; ".join(v.get("unreachable", [])) + "|" + str(d.get("leader", ""))
      + "|" + str(d.get("verdict", "")) + " (" + "; ".join(str(r) for r in d.get("reasons", [])) + ")")' || true
}

# --- HAProxy and keepalived in both load-balancer namespaces --------------------------------------------------
declare -A HAPROXY_PID
start_haproxy() {  # lb1|lb2
    ip netns exec "pghavip-$1" haproxy -db -f "$WORK/gen/$1/etc/haproxy/haproxy.cfg" >>"$WORK/haproxy-$1.log" 2>&1 8>&- &
    HAPROXY_PID[$1]=$!
}
for lb in lb1 lb2; do
    ip netns exec "pghavip-$lb" sysctl -q -p "$WORK/gen/$lb/etc/sysctl.d/90-pgha-vip.conf"
    start_haproxy $lb
done
start_keepalived() {  # lb1|lb2
    mkdir -p "$WORK/ka-$1"
    ip netns exec "pghavip-$1" keepalived -n -l -D -f "$WORK/gen/$1/etc/keepalived/keepalived.conf" \
        -p "$WORK/ka-$1/k.pid" -r "$WORK/ka-$1/vrrp.pid" -c "$WORK/ka-$1/check.pid" >>"$WORK/keepalived-$1.log" 2>&1 8>&- &
}
holder() {  # prints lb1, lb2, "lb1 lb2" (split) or nothing
    local out="" lb
    for lb in lb1 lb2; do
        ip -n "pghavip-$lb" -o addr show to "$VIP" | grep -q . && out+="$lb "
    done
    echo "${out% }"
}
holder_is() { [[ "$(holder)" == "$1" ]]; }
# keepalived after HAProxy listens (the track script's port), lb1 first: with nopreempt whoever takes the address
# first keeps it, and on a loaded machine lb2's check passed first while lb1's failed once (HAProxy not listening
# yet), so lb2 took it. The deploy, too, starts keepalived after HAProxy is ready, host by host.
stats_listens() { ip netns exec "pghavip-$1" timeout 1 bash -c "</dev/tcp/198.51.100.1${1#lb}/7000" 2>/dev/null; }
wait_for 30 "HAProxy listening on lb1" stats_listens lb1
wait_for 30 "HAProxy listening on lb2" stats_listens lb2
start_keepalived lb1
wait_for 45 "the VIP on lb1 (priority 150)" holder_is lb1
start_keepalived lb2
lb2_backup() { grep -q "Entering BACKUP STATE" "$WORK/keepalived-lb2.log"; }
wait_for 30 "lb2's keepalived ready to take over (BACKUP state)" lb2_backup
# Through the VIP, HAProxy routes to the server whose Patroni answers /primary: the leader's address answers.
via_vip_is_leader() { [[ "$(psql_cl "$VIP" 5000 "select host(inet_server_addr())" 2>/dev/null)" == "${DB_ADDR[$LEADER]}" ]]; }
wait_for 30 "a query through VIP:5000 reaching the leader $LEADER" via_vip_is_leader
log "VIP on $(holder), VIP:5000 reaches the Patroni leader $LEADER (${DB_ADDR[$LEADER]})"
# A replica may still be catching up when the members first run: healthy within 20 s.
STATUS=""
status_healthy_on_lb1() { STATUS=$(status_line); [[ "$STATUS" == "lb1||$LEADER|healthy ()" ]]; }
END=$((SECONDS + 20))
until status_healthy_on_lb1; do
    ((SECONDS < END)) || fail "pgha status says '$STATUS', expected the VIP on lb1, leader $LEADER, healthy ($(tail -3 "$WORK/status.err"))"
    sleep 0.5
done
log "pgha status: the VIP on lb1, Patroni leader $LEADER, healthy"

# --- the writer ----------------------------------------------------------------------------------------------
# One row per connection: each insert is acknowledged (psql exit 0) or not; only acknowledged rows are recorded.
# It runs in the root namespace (its psql in pghavip-cl) and stops by itself when this script is gone.
ACKS="$WORK/acks"
: >"$ACKS"
(
    i=0
    while [[ ! -e "$WORK/stop" && -d "$WORK" ]] && kill -0 $$ 2>/dev/null; do
        i=$((i + 1))
        if psql_cl "$VIP" 5000 "insert into vip_rows (i) values ($i)" >/dev/null 2>&1; then
            echo "$i $(date +%s.%N)" >>"$ACKS"
        else
            sleep 0.05
        fi
    done
) 8>&- &
WRITER=$!
acked() { wc -l <"$ACKS"; }
acked_at_least() { [[ $(acked) -ge $1 ]]; }
wait_for 30 "20 acknowledged rows before the kill" acked_at_least 20

# --- kill HAProxy on the holder ------------------------------------------------------------------------------
OLD=$(holder)
[[ "$OLD" == lb1 ]] || fail "expected lb1 to hold the VIP, holder: '$OLD'"
BEFORE=$(acked)
KILL_AT=$(date +%s.%N)
kill -KILL "${HAPROXY_PID[lb1]}"
log "HAProxy on lb1 killed with $BEFORE rows acknowledged"
wait_for 30 "the VIP moved to lb2" holder_is lb2
MOVED_AT=$(date +%s.%N)
wait_for 45 "20 rows acknowledged through the VIP after the move" acked_at_least $((BEFORE + 20))
touch "$WORK/stop"
wait "$WRITER" || true

# --- judge ---------------------------------------------------------------------------------------------------
[[ "$(holder)" == lb2 ]] || fail "after the move the VIP is on '$(holder)' (split brain or lost)"
via_vip_is_leader || fail "after the move VIP:5000 does not reach the leader $LEADER"
[[ "$(leader)" == "$LEADER" ]] || fail "the Patroni leader changed during the test: '$(leader)' (was $LEADER)"
STATUS=$(status_line)
# Degraded, and why: the killed HAProxy.
[[ "$STATUS" == "lb2||$LEADER|degraded ("*"HAProxy lb1 does not answer"* ]] \
    || fail "after the move pgha status says '$STATUS', expected the VIP on lb2, leader $LEADER, degraded by HAProxy lb1"
log "pgha status after the move: $STATUS"
TOTAL=$(acked)
# The gap: the longest time between two acknowledgements, the later one after the kill (an acknowledgement is
# recorded when psql has returned, so the last one stamped just after the kill may still be from before it).
GAP=$(awk -v k="$KILL_AT" 'NR > 1 && $2 > k && $2 - prev > gap { gap = $2 - prev } { prev = $2 } END { printf "%.2f", gap }' "$ACKS")
# Read back on the leader itself, past HAProxy.
psql_cl "${DB_ADDR[$LEADER]}" 5432 "select i from vip_rows order by i" >"$WORK/rows" || fail "cannot read the rows on $LEADER"
MISSING=$(awk 'NR == FNR { have[$1] = 1; next } !($1 in have) { n++ } END { print n + 0 }' "$WORK/rows" "$ACKS")
log "acknowledged $TOTAL rows, $(wc -l <"$WORK/rows") in the table on the leader $LEADER, $MISSING acknowledged rows missing"
MOVE=$(awk -v a="$KILL_AT" -v b="$MOVED_AT" 'BEGIN { printf "%.2f", b - a }')
LINE=$(printf 'FIGURE vip: %s s without writes through VIP:5000 when HAProxy on the holder is killed (VIP moved lb1 -> lb2 within %.1f s of the kill as polled; %d acknowledged rows, %d lost, on the leader of a three-member Patroni cluster (%s, etcd %s) reached through HAProxy'"'"'s /primary check; keepalived %s, advert_int 1, track script interval 1 fall 2; test %s s)' \
    "$GAP" "$MOVE" "$TOTAL" "$MISSING" "$("$PATRONI" --version 2>&1)" "$(etcd --version | awk 'NR == 1 { print $3 }')" \
    "$(keepalived --version 2>&1 | head -1 | awk '{print $2}')" "$(since "$T0")")
echo "$LINE"
echo "$LINE" >"$FIGURES"
[[ "$MISSING" -eq 0 ]] || fail "$MISSING acknowledged rows are missing"
[[ "$TOTAL" -ge $((BEFORE + 20)) ]] || fail "writes did not resume"
log "PASS"
