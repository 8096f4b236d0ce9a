#!/bin/bash
# Measures what the failover estimate's "host power loss" terms model (docs/validation-rules.md, failover-estimate):
# three etcd members on PREFIX.1-3 (loopback), a key on a lease with ttl 10 granted 4 s before kill -9 of one member
# (MODE leader: etcd's leader; follower: another member); prints when the key is gone, seconds after the kill.
# A follower's loss leaves the lease running (about 6 s); the leader's loss makes the new leader renew every lease to
# a full ttl plus one election timeout (about election + 1 + 10 s). Usage: measure-etcd-lease-loss.sh leader|follower [PREFIX]
set -u
mode=${1:?leader or follower}
prefix=${2:-127.0.30}
case $mode in leader|follower) ;; *) echo "MODE must be leader or follower" >&2; exit 2;; esac
[[ $prefix =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || { echo "PREFIX must be 127.x.y" >&2; exit 2; }
base=$(mktemp -d /tmp/pgha-etcd-lease.XXXXXX)
declare -A pid
cleanup() { for n in "${!pid[@]}"; do kill "${pid[$n]}" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$base"; }
trap cleanup EXIT
ic="m1=http://$prefix.1:2380,m2=http://$prefix.2:2380,m3=http://$prefix.3:2380"
for i in 1 2 3; do
  etcd --name m$i --data-dir "$base/m$i" --listen-client-urls "http://$prefix.$i:2379" \
    --advertise-client-urls "http://$prefix.$i:2379" --listen-peer-urls "http://$prefix.$i:2380" \
    --initial-advertise-peer-urls "http://$prefix.$i:2380" --initial-cluster "$ic" --initial-cluster-token lease$$ \
    >"$base/m$i.log" 2>&1 &
  pid[$i]=$!
done
export ETCDCTL_API=3
all=http://$prefix.1:2379,http://$prefix.2:2379,http://$prefix.3:2379
for _ in $(seq 100); do etcdctl --endpoints="$all" endpoint health >/dev/null 2>&1 && break; sleep 0.2; done
leader=""
for i in 1 2 3; do
  [ "$(etcdctl --endpoints="http://$prefix.$i:2379" endpoint status | cut -d, -f5 | tr -d ' ')" = true ] && leader=$i
done
[ -n "$leader" ] || { echo "no etcd leader" >&2; exit 1; }
victim=$leader
[ "$mode" = follower ] && victim=$(( leader % 3 + 1 ))
live=""
for i in 1 2 3; do [ $i != "$victim" ] && live=$live,http://$prefix.$i:2379; done
live=${live#,}
lease=$(etcdctl --endpoints="$live" lease grant 10 | awk '{print $2}')
etcdctl --endpoints="$live" put k v --lease="$lease" >/dev/null || exit 1
sleep 4
t0=$(date +%s.%N)
kill -9 "${pid[$victim]}"
while :; do
  out=$(etcdctl --endpoints="$live" --command-timeout=1s get k -w json 2>/dev/null) && ! grep -q '"count":1' <<<"$out" && break
  sleep 0.1
done
gone=$(echo "$(date +%s.%N) - $t0" | bc)
printf 'FIGURE: etcd 3-member, lease ttl 10 granted 4 s before kill -9 of %s (m%s): the key is gone %.1f s after the kill\n' \
  "$([ "$mode" = leader ] && echo "etcd's leader" || echo "a follower")" "$victim" "$gone"
