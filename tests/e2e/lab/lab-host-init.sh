#!/bin/bash
# Runs as PID 1 of one lab host's PID namespace, inside its private mount namespace (see lab.sh).
# $1 = the host's state directory. Mounts the host's own view of the standard paths, then hands over to a
# tiny init that runs sshd and reaps every orphan (daemons started with setsid nohup end up here).
set -euo pipefail
h="$1"
mount --make-rprivate /
mount --bind "$h/etc" /etc
mount --bind "$h/run" /run
mount --bind "$h/var-log" /var/log
mount --bind "$h/var-lib-postgresql" /var/lib/postgresql
mount --bind "$h/var-lib-etcd" /var/lib/etcd
mount --bind "$h/root" /root
mount --bind "$h/tmp" /tmp
# /opt: the machine's, seen through an overlay whose writes stay with the host (a tmpfs), so that a pip design's
# virtualenv /opt/patroni is the host's own. With the flag file patroni-venv (lab.sh up, PGHA_LAB_PATRONI_VENV),
# the machine's pinned Patroni virtualenv (scripts/setup-patroni-venv.sh) is bound there read-only instead.
mount -t tmpfs -o mode=0755 tmpfs "$h/opt-ovl"
mkdir -p "$h/opt-ovl/upper" "$h/opt-ovl/work"
mount -t overlay overlay -o "lowerdir=/opt,upperdir=$h/opt-ovl/upper,workdir=$h/opt-ovl/work" /opt
if [[ -s "$h/patroni-venv" ]]; then
  mkdir -p /opt/patroni
  mount --bind -o ro "$(cat "$h/patroni-venv")" /opt/patroni
fi
exec /usr/bin/python3 -c '
import os, signal, sys, time
argv = sys.argv[1:]
child = 0
def start():
    global child
    child = os.spawnv(os.P_NOWAIT, argv[0], argv)
def hup(signum, frame):
    if child:
        os.kill(child, signal.SIGHUP)
signal.signal(signal.SIGHUP, hup)
start()
while True:
    try:
        pid, status = os.wait()
    except ChildProcessError:
        time.sleep(0.2)
        continue
    if pid == child:  # keep sshd alive: a host without sshd is unreachable
        time.sleep(0.2)
        start()
' /usr/sbin/sshd -D -e -f /etc/ssh/sshd_pgha_lab.conf
