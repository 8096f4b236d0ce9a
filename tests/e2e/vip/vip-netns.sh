#!/bin/bash
# test_e2e_vip: the floating address on real daemons, in network namespaces this script makes (issue 10).
#
#   vip-netns.sh PGHA FIGURES_FILE
#
# Layout (documentation addresses 198.51.100.0/24 only; every name starts with pghavip):
#   pghavip-sw   a bridge; every other namespace hangs on it with a veth
#   pghavip-lb1  198.51.100.11  HAProxy + keepalived, the GENERATED haproxy.cfg / keepalived.conf / sysctl file
#   pghavip-lb2  198.51.100.12  the same
#   pghavip-db   198.51.100.20  a real PostgreSQL 15, and on :8008 a stand-in for Patroni's REST API that answers
#                               200 to HAProxy's /primary check (one server, always the primary: no Patroni here)
#   pghavip-cl   198.51.100.50  the client: a writer through VIP:5000 that records every acknowledged row
# Then HAProxy on the VIP holder is killed: the VIP must move, writes through VIP:5000 must resume, no
# acknowledged row may be missing. FIGURE: seconds without writes while the address moves.
# Measured facts this relies on: /work/shared/reference/vip-netns-notes.md (ip_nonlocal_bind per namespace, the
# track script over TCP, cleanup order). Needs root; exits 77 (skipped) without it.
set -euo pipefail

PGHA=${1:?pgha binary}
FIGURES=${2:?figures file}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VIP=198.51.100.100
NS_ALL=(pghavip-lb1 pghavip-lb2 pghavip-db pghavip-cl pghavip-sw)
PGBIN=/usr/lib/postgresql/15/bin
T0=$(date +%s.%N)

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
log() { printf '[vip %6s s] %s\n' "$(since "$T0")" "$*"; }
fail() { log "FAIL: $*"; exit 1; }

if [[ $(id -u) -ne 0 ]]; then echo "skipped: needs root (network namespaces)"; exit 77; fi
for b in ip keepalived haproxy psql python3 setpriv ssh-keygen /usr/sbin/sshd "$PGBIN/initdb"; do
    command -v "$b" >/dev/null || { echo "skipped: $b missing"; exit 77; }
done

# Processes first (TERM, up to 3 s, KILL), then the namespaces: a namespace deleted with a process inside lives on
# unnamed with its veth. Also run before setup, for the leftovers of a crashed run.
cleanup() {
    local ns pids i
    for ns in "${NS_ALL[@]}"; do
        ip netns list | grep -qw "$ns" || continue
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [[ -n "$pids" ]] && kill -TERM $pids 2>/dev/null || true
    done
    for i in $(seq 30); do
        pids=""
        for ns in "${NS_ALL[@]}"; do
            ip netns list | grep -qw "$ns" && pids+=" $(ip netns pids "$ns" 2>/dev/null || true)"
        done
        [[ -z "${pids// /}" ]] && break
        sleep 0.1
    done
    for ns in "${NS_ALL[@]}"; do
        ip netns list | grep -qw "$ns" || continue
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [[ -n "$pids" ]] && kill -KILL $pids 2>/dev/null || true
    done
    sleep 0.2
    for ns in "${NS_ALL[@]}"; do
        ip netns list | grep -qw "$ns" && ip netns del "$ns" 2>/dev/null || true
    done
    ip link del pghavip-r 2>/dev/null || true
    [[ -n "${WORK:-}" && -d "$WORK" ]] && rm -rf "$WORK"
    return 0
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cleanup
WORK=$(mktemp -d /tmp/pghavip.XXXXXX)
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
attach pghavip-db db 198.51.100.20
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
done

# --- PostgreSQL and the /primary stand-in in pghavip-db -----------------------------------------------------
install -d -o postgres -g postgres -m 0700 "$WORK/pg"
setpriv --reuid=postgres --regid=postgres --init-groups "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
echo "host all all 198.51.100.0/24 trust" >>"$WORK/pg/pg_hba.conf"
ip netns exec pghavip-db setpriv --reuid=postgres --regid=postgres --init-groups \
    "$PGBIN/postgres" -D "$WORK/pg" -c listen_addresses=198.51.100.20 -c port=5432 -c unix_socket_directories="$WORK/pg" \
    -c max_connections=100 >"$WORK/pg.log" 2>&1 &
cat >"$WORK/primary.py" <<'PY'
import http.server
class H(http.server.BaseHTTPRequestHandler):
    def answer(self):
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    do_OPTIONS = do_GET = do_HEAD = answer
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("198.51.100.20", 8008), H).serve_forever()
PY
ip netns exec pghavip-db python3 "$WORK/primary.py" &

psql_cl() {  # HOST PORT SQL
    ip netns exec pghavip-cl psql -X -q -At -v ON_ERROR_STOP=1 \
        "host=$1 port=$2 user=postgres dbname=postgres connect_timeout=2" -c "$3"
}
for i in $(seq 300); do psql_cl 198.51.100.20 5432 "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
psql_cl 198.51.100.20 5432 "create table vip_rows (i int primary key, at timestamptz default now())" >/dev/null \
    || fail "PostgreSQL did not come up: $(tail -5 "$WORK/pg.log")"
log "PostgreSQL up"

# --- HAProxy and keepalived in both load-balancer namespaces --------------------------------------------------
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
    ip netns exec "pghavip-lb$n" /usr/sbin/sshd -D -e -f "$WORK/ssh/sshd-lb$n.conf" >>"$WORK/sshd-lb$n.log" 2>&1 &
done
# The design as `pgha status` reads it: the HAProxy hosts reached with the test's key.
sed "s|roles: \[haproxy\]}|roles: [haproxy], ssh: {user: root, port: 22, identity_file: \"$WORK/ssh/id\"}}|" \
    "$HERE/vip.pgha.yaml" >"$WORK/status.pgha.yaml"
# Who holds the VIP according to `pgha status FILE --format json` (the dashboard's answer, over SSH).
status_holders() {
    "$PGHA" status "$WORK/status.pgha.yaml" --secrets "$WORK/secrets.yaml" --known-hosts "$WORK/ssh/known_hosts" \
        --format json --timeout 1000 2>>"$WORK/status.err" \
        | python3 -c 'import json, sys; v = json.load(sys.stdin).get("vip", {}); print(" ".join(v.get("holders", [])) + "|" + "; ".join(v.get("unreachable", [])))' || true
}

declare -A HAPROXY_PID
start_haproxy() {  # lb1|lb2
    ip netns exec "pghavip-$1" haproxy -db -f "$WORK/gen/$1/etc/haproxy/haproxy.cfg" >>"$WORK/haproxy-$1.log" 2>&1 &
    HAPROXY_PID[$1]=$!
}
for lb in lb1 lb2; do
    ip netns exec "pghavip-$lb" sysctl -q -p "$WORK/gen/$lb/etc/sysctl.d/90-pgha-vip.conf"
    start_haproxy $lb
done
for lb in lb1 lb2; do
    mkdir -p "$WORK/ka-$lb"
    ip netns exec "pghavip-$lb" keepalived -n -l -D -f "$WORK/gen/$lb/etc/keepalived/keepalived.conf" \
        -p "$WORK/ka-$lb/k.pid" -r "$WORK/ka-$lb/vrrp.pid" -c "$WORK/ka-$lb/check.pid" >>"$WORK/keepalived-$lb.log" 2>&1 &
done

holder() {  # prints lb1, lb2, "lb1 lb2" (split) or nothing
    local out="" lb
    for lb in lb1 lb2; do
        ip -n "pghavip-$lb" -o addr show to "$VIP" | grep -q . && out+="$lb "
    done
    echo "${out% }"
}
holder_is() { [[ "$(holder)" == "$1" ]]; }
wait_for() {  # SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2 i
    shift 2
    for i in $(seq $((limit * 10))); do "$@" && return 0; sleep 0.1; done
    fail "$what (waited $limit s)"
}
wait_for 45 "the VIP on lb1 (priority 150)" holder_is lb1
query_ok() { psql_cl "$VIP" 5000 "select 1" >/dev/null 2>&1; }
wait_for 30 "a query through VIP:5000" query_ok
log "VIP on $(holder), HAProxy answers through it"
STATUS=$(status_holders)
[[ "$STATUS" == "lb1|" ]] || fail "pgha status says the VIP is held by '$STATUS', ip says lb1 ($(tail -3 "$WORK/status.err"))"
log "pgha status: the VIP is on lb1"

# --- the writer ----------------------------------------------------------------------------------------------
# One row per connection: each insert is acknowledged (psql exit 0) or not; only acknowledged rows are recorded.
ACKS="$WORK/acks"
: >"$ACKS"
(
    i=0
    while [[ ! -e "$WORK/stop" ]]; do
        i=$((i + 1))
        if psql_cl "$VIP" 5000 "insert into vip_rows (i) values ($i)" >/dev/null 2>&1; then
            echo "$i $(date +%s.%N)" >>"$ACKS"
        else
            sleep 0.05
        fi
    done
) &
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
STATUS=$(status_holders)
[[ "$STATUS" == "lb2|" ]] || fail "after the move pgha status says '$STATUS', ip says lb2"
log "pgha status: the VIP is on lb2"
TOTAL=$(acked)
# The gap: the longest time between two acknowledgements, the later one after the kill (an acknowledgement is
# recorded when psql has returned, so the last one stamped just after the kill may still be from before it).
GAP=$(awk -v k="$KILL_AT" 'NR > 1 && $2 > k && $2 - prev > gap { gap = $2 - prev } { prev = $2 } END { printf "%.2f", gap }' "$ACKS")
psql_cl 198.51.100.20 5432 "select i from vip_rows order by i" >"$WORK/rows"
MISSING=$(awk 'NR == FNR { have[$1] = 1; next } !($1 in have) { n++ } END { print n + 0 }' "$WORK/rows" "$ACKS")
log "acknowledged $TOTAL rows, $(wc -l <"$WORK/rows") in the table, $MISSING acknowledged rows missing"
MOVE=$(awk -v a="$KILL_AT" -v b="$MOVED_AT" 'BEGIN { printf "%.2f", b - a }')
LINE=$(printf 'FIGURE vip: %s s without writes through VIP:5000 when HAProxy on the holder is killed (VIP moved lb1 -> lb2 within %.1f s of the kill as polled; %d acknowledged rows, %d lost; keepalived %s, advert_int 1, track script interval 1 fall 2)' \
    "$GAP" "$MOVE" "$TOTAL" "$MISSING" "$(keepalived --version 2>&1 | head -1 | awk '{print $2}')")
echo "$LINE"
echo "$LINE" >"$FIGURES"
[[ "$MISSING" -eq 0 ]] || fail "$MISSING acknowledged rows are missing"
[[ "$TOTAL" -ge $((BEFORE + 20)) ]] || fail "writes did not resume"
log "PASS"
