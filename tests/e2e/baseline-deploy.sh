#!/usr/bin/env bash
# Baseline for the deploy-speed figure: the same steps as `pgha deploy` on the lab, but run locally inside
# each lab host's namespaces (nsenter, no SSH), by a plain script. Prints "BASELINE_SECONDS=<s>" at the end:
# the time from the first step to writes routed through the primary port.
#   baseline-deploy.sh GENERATED_DIR SECRETS_FILE      (GENERATED_DIR from `pgha generate`; the lab is up)
set -euo pipefail
GEN="$1"; SECRETS="$2"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAB="$HERE/lab/lab.sh"
P="${PGHA_LAB_PREFIX:-127.0.0}"
on() { local h="$1"; shift; "$LAB" exec "$h" /bin/sh -c "$*"; }
secret() { sed -n "s/^$1: *//p" "$SECRETS" | tr -d "\"'"; }
start=$(date +%s.%N)

# check + packages (already installed) + files
for h in node1 node2 node3 haproxy; do
  (
    on "$h" '. /etc/os-release; [ "$ID" = debian ]; dpkg-query -W haproxy >/dev/null; df -Pk /var/lib >/dev/null'
    tar -C "$GEN/$h" -cf - . | "$LAB" exec "$h" tar -C / --no-same-owner -xf -
    on "$h" 'chown postgres: /etc/patroni/config.yml 2>/dev/null || true'
  ) &
done
wait
# etcd everywhere, then quorum
for h in node1 node2 node3; do
  on "$h" 'install -d -o etcd -g etcd -m 0700 /var/lib/etcd; mkdir -p /var/log/etcd; chown etcd: /var/log/etcd
    cd /; setsid nohup setpriv --reuid=etcd --regid=etcd --init-groups --reset-env /usr/bin/etcd --config-file /etc/etcd/etcd.conf.yaml >>/var/log/etcd/etcd.log 2>&1 </dev/null & echo $! >/run/etcd.pid'
done
until on node1 "ETCDCTL_API=3 etcdctl --endpoints=http://$P.11:2379,http://$P.12:2379,http://$P.13:2379 --command-timeout=3s endpoint health" >/dev/null 2>&1; do sleep 0.25; done
start_patroni() {
  on "$1" 'install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/15; install -d -o postgres -g postgres -m 2775 /run/postgresql
    mkdir -p /var/log/patroni; chown postgres: /var/log/patroni
    cd /; setsid nohup setpriv --reuid=postgres --regid=postgres --init-groups --reset-env /usr/bin/patroni /etc/patroni/config.yml >>/var/log/patroni/patroni.log 2>&1 </dev/null & echo $! >/run/patroni.pid'
}
cluster() { on node1 "python3 -c 'import urllib.request as u; print(u.urlopen(\"http://$P.11:8008/cluster\", timeout=3).read().decode())'" 2>/dev/null; }
start_patroni node1
until cluster | grep -Eq '"role": *"(leader|master)", *"state": *"running"|"state": *"running"[^}]*"role": *"(leader|master)"'; do sleep 0.25; done
start_patroni node2 & start_patroni node3 & wait
until [ "$(cluster | python3 -c 'import json,sys
m=json.load(sys.stdin)["members"]
print(sum(1 for x in m if x["state"] in ("running","streaming") and (x["role"] in ("leader","master") or isinstance(x.get("lag"), int))))' 2>/dev/null)" = 3 ]; do sleep 0.25; done
on haproxy 'haproxy -c -q -f /etc/haproxy/haproxy.cfg; mkdir -p /var/log/haproxy
  cd /; setsid nohup /usr/sbin/haproxy -db -f /etc/haproxy/haproxy.cfg >>/var/log/haproxy/haproxy.log 2>&1 </dev/null & echo $! >/run/haproxy.pid'
auth="$(secret haproxy_stats_user):$(secret haproxy_stats_password)"
until [ "$(curl -s -u "$auth" "http://$P.20:7000/;csv" | awk -F, '$1=="primary" && $2!="FRONTEND" && $2!="BACKEND" && $18 ~ /^UP/' | wc -l)" = 1 ]; do sleep 0.25; done
export PGPASSWORD="$(secret superuser_password)"
until [ "$(psql "host=$P.20 port=5000 user=postgres dbname=postgres connect_timeout=3" -XAtq -c 'create temp table b(x int); insert into b values (1); select count(*) from b where not pg_is_in_recovery()' 2>/dev/null)" = 1 ]; do sleep 0.25; done
[ "$(psql "host=$P.20 port=5001 user=postgres dbname=postgres connect_timeout=3" -XAtq -c 'select pg_is_in_recovery()')" = t ]
end=$(date +%s.%N)
echo "BASELINE_SECONDS=$(echo "$end - $start" | bc -l 2>/dev/null || python3 -c "print($end - $start)")"
