#!/bin/bash
# Minimal loopback Patroni lab for the monitor's tests: 3 etcd + 3 Patroni/PostgreSQL + 1 HAProxy started
# directly (no SSH, no systemd) on PREFIX.11-13 and PREFIX.20. Used until/unless the deploy lab is available.
#
# usage: minilab.sh start|stop|status|kill-member NAME|stop-etcd NAME|start-etcd NAME|patronictl ARGS...
# env:   MONLAB_PREFIX (default 127.0.3), MONLAB_FIRST (default 11), MONLAB_DIR (default /var/tmp/pgha-monlab-$MONLAB_PREFIX)
#        MONLAB_PASSWORD (REST/stats/db password, default generated once per lab dir)
set -u
PREFIX=${MONLAB_PREFIX:-127.0.3}
DIR=${MONLAB_DIR:-/var/tmp/pgha-monlab-$PREFIX}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
NODES="m1 m2 m3"
FIRST=${MONLAB_FIRST:-11}   # host octets FIRST..FIRST+2, HAProxy FIRST+9: another FIRST gives a second, separate lab
[ -z "${MONLAB_DIR:-}" ] && [ "$FIRST" != 11 ] && DIR=$DIR-$FIRST
addr() { case $1 in m1|e1) echo "$PREFIX.$FIRST";; m2|e2) echo "$PREFIX.$((FIRST + 1))";; m3|e3) echo "$PREFIX.$((FIRST + 2))";; haproxy) echo "$PREFIX.$((FIRST + 9))";; esac; }

killpidfile() { # kill the process in a pid file (if it is still alive), wait for it to go
    local f=$1 sig=${2:-TERM} pid
    [ -f "$f" ] || return 0
    pid=$(head -1 "$f" 2>/dev/null)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -"$sig" "$pid" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$f"
}

start_etcd() {
    local e=$1 a; a=$(addr "$e")
    mkdir -p "$DIR/$e"; chown postgres: "$DIR/$e"; chmod 700 "$DIR/$e"
    cd / || return 1
    nohup setpriv --reuid=postgres --regid=postgres --init-groups /usr/bin/etcd --name "$e" \
        --data-dir "$DIR/$e/data" \
        --listen-client-urls "http://$a:2379" --advertise-client-urls "http://$a:2379" \
        --listen-peer-urls "http://$a:2380" --initial-advertise-peer-urls "http://$a:2380" \
        --initial-cluster "e1=http://$(addr e1):2380,e2=http://$(addr e2):2380,e3=http://$(addr e3):2380" \
        --initial-cluster-token monlab --initial-cluster-state new \
        --heartbeat-interval 100 --election-timeout 1000 >"$DIR/$e.log" 2>&1 </dev/null &
    echo $! >"$DIR/$e.pid"
}

write_patroni() {
    local m=$1 a; a=$(addr "$m")
    mkdir -p "$DIR/$m"; chown postgres: "$DIR/$m"; chmod 700 "$DIR/$m"
    cat >"$DIR/$m.yml" <<YML
scope: monlab
namespace: /pgha-monlab/
name: $m
restapi:
  listen: $a:8008
  connect_address: $a:8008
  authentication: {username: patroni, password: "$PW"}
etcd3:
  hosts: $(addr e1):2379,$(addr e2):2379,$(addr e3):2379
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 3
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters: {wal_level: replica, hot_standby: "on", wal_retrieve_retry_interval: 1s, max_wal_senders: 10}
  initdb: [{encoding: UTF8}, data-checksums]
postgresql:
  listen: $a:5432
  connect_address: $a:5432
  data_dir: $DIR/$m/data
  bin_dir: $PGBIN
  pgpass: $DIR/$m/pgpass
  authentication:
    superuser: {username: postgres, password: "$PW"}
    replication: {username: replicator, password: "$PW"}
    rewind: {username: rewind_user, password: "$PW"}
  parameters: {unix_socket_directories: "$DIR/$m"}
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 scram-sha-256
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all $PREFIX.0/24 scram-sha-256
    - host replication replicator $PREFIX.0/24 scram-sha-256
tags: {nofailover: false, noloadbalance: false, clonefrom: false, nosync: false}
YML
    chown postgres: "$DIR/$m.yml"; chmod 600 "$DIR/$m.yml"
}

start_patroni() {
    local m=$1
    cd / || return 1
    nohup setpriv --reuid=postgres --regid=postgres --init-groups env -i PATH=/usr/bin:/bin HOME="$DIR" \
        LANG=C.UTF-8 /usr/bin/patroni "$DIR/$m.yml" >"$DIR/$m.log" 2>&1 </dev/null &
    echo $! >"$DIR/$m.pid"
}

start_haproxy() {
    local a; a=$(addr haproxy)
    {
        printf 'global\n  maxconn 100\n  stats timeout 30s\ndefaults\n  mode tcp\n  timeout connect 4s\n'
        printf '  timeout client 30m\n  timeout server 30m\n  timeout check 2s\n'
        printf 'listen stats\n  mode http\n  bind %s:7000\n  stats enable\n  stats uri /\n  stats auth haproxy:%s\n' "$a" "$PW"
        for pool in primary:5000 replicas:5001; do
            printf 'listen %s\n  bind %s:%s\n' "${pool%%:*}" "$a" "${pool##*:}"
            [ "${pool%%:*}" = primary ] && printf '  option httpchk OPTIONS /primary\n' || printf '  option httpchk OPTIONS /replica\n'
            printf '  http-check expect status 200\n  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions\n'
            for m in $NODES; do printf '  server %s %s:5432 maxconn 100 check port 8008\n' "$m" "$(addr "$m")"; done
        done
    } >"$DIR/haproxy.cfg"
    cd / || return 1
    nohup /usr/sbin/haproxy -db -f "$DIR/haproxy.cfg" >"$DIR/haproxy.log" 2>&1 </dev/null &
    echo $! >"$DIR/haproxy.pid"
}

stop_all() {
    killpidfile "$DIR/haproxy.pid"
    for m in $NODES; do killpidfile "$DIR/$m.pid" KILL; done
    for m in $NODES; do killpidfile "$DIR/$m/data/postmaster.pid" KILL; done
    for e in e1 e2 e3; do killpidfile "$DIR/$e.pid" KILL; done
    # PostgreSQL's children leave shortly after their postmaster; anything else still running from this lab's
    # directory (only this lab's processes have it on their command line) goes too.
    local left
    for _ in $(seq 1 50); do
        left=$(pgrep -f -- "$DIR/" || true)
        [ -z "$left" ] && break
        kill -KILL $left 2>/dev/null; sleep 0.1
    done
}

remove_dir() {
    for _ in $(seq 1 50); do rm -rf "$DIR" 2>/dev/null && return 0; sleep 0.1; done
    rm -rf "$DIR"
}

wait_for() { # seconds command...
    local t=$1; shift
    local end=$((SECONDS + t))
    while [ $SECONDS -lt $end ]; do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    return 1
}

fail() { # message: print it with the logs' last lines, for the test's failure message
    echo "$1" >&2
    for f in "$DIR"/*.log; do echo "--- $f" >&2; tail -n 15 "$f" >&2; done
    exit 1
}

cmd=${1:-}
[ -n "$cmd" ] && shift
case "$cmd" in
start)
    [ -d "$DIR" ] && stop_all
    remove_dir; mkdir -p "$DIR"; chmod 755 "$DIR"
    PW=${MONLAB_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
    echo "$PW" >"$DIR/password"; chmod 600 "$DIR/password"
    for e in e1 e2 e3; do start_etcd $e; done
    wait_for 30 curl -sf "http://$(addr e1):2379/health" || fail "etcd did not come up"
    for m in $NODES; do write_patroni $m; done
    start_patroni m1
    wait_for 60 curl -sf "http://$(addr m1):8008/primary" || fail "m1 did not become leader"
    start_patroni m2; start_patroni m3
    start_haproxy
    wait_for 150 sh -c "[ \$(curl -s http://$(addr m1):8008/cluster | grep -o '\"state\": *\"\\(running\\|streaming\\)\"' | wc -l) -eq 3 ] && curl -sf http://$(addr m2):8008/replica && curl -sf http://$(addr m3):8008/replica" \
        || fail "replicas did not start"
    echo "lab up in $DIR"
    ;;
stop) stop_all; remove_dir ;;
kill-member) # kill -9 a member's Patroni and PostgreSQL (a crash)
    killpidfile "$DIR/$1.pid" KILL
    pid=$(head -1 "$DIR/$1/data/postmaster.pid" 2>/dev/null); [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
    true ;;
start-member) start_patroni "$1" ;;
stop-etcd) killpidfile "$DIR/$1.pid" KILL ;;
start-etcd) start_etcd "$1" ;;  # an existing data dir makes etcd ignore the initial-cluster flags
password) cat "$DIR/password" ;;
patronictl) patronictl -c "$DIR/m1.yml" "$@" ;;
*) echo "usage: $0 start|stop|kill-member M|start-member M|stop-etcd E|start-etcd E|password|patronictl ARGS" >&2; exit 2 ;;
esac
