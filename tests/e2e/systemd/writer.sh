#!/usr/bin/env bash
# A writer through HAProxy's primary port for the reboot and crash tests: inserts 1, 2, 3, ... into TABLE, one
# transaction (one connection) each, and appends "ID MILLISECONDS" to ACKFILE only after the commit was
# acknowledged. Stops when STOPFILE exists. The password comes in PGPASSWORD.
#   writer.sh HOST PORT TABLE ACKFILE STOPFILE [FIRST_ID]
set -u
host="$1" port="$2" table="$3" ack="$4" stop="$5" i="${6:-1}"
[[ "$table" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "writer.sh: bad table name" >&2; exit 2; }
while [[ ! -e "$stop" ]]; do
  # timeout: a commit that hangs on a dead primary is not acknowledged; the next id tries again.
  if out="$(timeout 10 psql "host=$host port=$port user=postgres dbname=postgres connect_timeout=2" -XAtq \
        -c "insert into $table values ($i) returning id" 2>/dev/null)" && [[ "$out" == "$i" ]]; then
    echo "$i $(date +%s%3N)" >>"$ack"
  fi
  i=$((i + 1))
  sleep 0.05
done
