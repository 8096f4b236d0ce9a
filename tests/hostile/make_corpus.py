#!/usr/bin/env python3
"""Writes tests/hostile/corpus/*.pgha.yaml and corpus/MANIFEST (issue 8).

Each case is the reference design with one hostile change, and what pgha must say about it:
  rule:<id>          the validator reports an error of that rule (validate exits 1)
  load:<text>        the loader refuses the file with a message containing <text> (validate exits 2)
  ok                 no error (validate exits 0)
Run it again after editing the cases; the test (test_hostile_corpus) reads the files, not this script.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
MARK = "/tmp/pgha-hostile-pwned"  # the test checks that nothing ever creates it
TOUCH = "$(touch %s)" % MARK

BASE = {
    "name": '"cluster_1"', "namespace": '"percona_lab"', "data_dir": None, "token": None,
    "superuser": '"postgres"', "replication": '"replicator"', "rewind": '"rewind_user"',
    "params": [("max_connections", '"200"'), ("wal_keep_size", '"160MB"')],
    "hba": [], "ssh_user": '"root"', "identity": None, "host1": '"node1"', "addr1": '"10.104.0.1"',
    "os1": '"rhel8"', "cidr": '"10.104.0.0/24"', "distribution": '"percona"', "port": "5432",
    "pooler": None,
    "vip": None, "lb2": True,
}


def q(s):
    """A YAML double-quoted scalar for any string (JSON's escapes are YAML's)."""
    return json.dumps(s, ensure_ascii=True)


def render(v):
    lines = ["format: 1", "cluster:", "  name: %s" % v["name"], "  namespace: %s" % v["namespace"],
             "  postgres:", "    version: 16", "    distribution: %s" % v["distribution"], "    port: %s" % v["port"]]
    if v["data_dir"] is not None:
        lines.append("    data_dir: %s" % v["data_dir"])
    lines.append("    parameters:")
    for k, val in v["params"]:
        lines.append("      %s: %s" % (k, val))
    lines.append("  patroni: {ttl: 30, loop_wait: 10, retry_timeout: 10}")
    lines.append("  etcd: {client_port: 2379, peer_port: 2380%s}" % (", token: %s" % v["token"] if v["token"] else ""))
    lines.append("  haproxy: {primary_port: 5000, replica_port: 5001, stats_port: 7000, maxconn: 600, "
                 "server_maxconn: 90, check_interval_ms: 1000, fall: 3, rise: 2}")
    lines.append("  users: {superuser: %s, replication: %s, rewind: %s}" % (v["superuser"], v["replication"], v["rewind"]))
    if v["pooler"] is not None:
        lines.append("  pooler: {enabled: true, %s}" % v["pooler"])
    if v["vip"] is not None:
        lines.append("  vip: %s" % v["vip"])
    if v["hba"]:
        lines.append("  pg_hba:")
        for r in v["hba"]:
            lines.append("    - {type: %s, database: %s, user: %s, address: %s, method: %s}" % r)
    lines += ["subnets:", "  - {name: db, cidr: %s}" % v["cidr"], "  - {name: clients, cidr: 10.20.0.0/16, clients: true}",
              "hosts:"]
    hosts = [(v["host1"], v["addr1"], v["os1"], "[postgres, etcd]"), ('"node2"', '"10.104.0.2"', '"rhel8"', "[postgres, etcd]"),
             ('"node3"', '"10.104.0.3"', '"rhel8"', "[postgres, etcd]"), ('"lb1"', '"10.104.0.6"', '"rhel8"', "[haproxy]")]
    if v["vip"] is not None and v["lb2"]:
        hosts.append(('"lb2"', '"10.104.0.7"', '"rhel8"', "[haproxy]"))
    for name, addr, os_, roles in hosts:
        ssh = "{user: %s, port: 22%s}" % (v["ssh_user"], (", identity_file: %s" % v["identity"]) if v["identity"] else "")
        lines += ["  - name: %s" % name, "    address: %s" % addr, "    subnet: db", "    os: %s" % os_,
                  "    roles: %s" % roles, "    ssh: %s" % ssh]
    return "\n".join(lines) + "\n"


CASES = []


def case(case_name, expect, **changes):
    v = dict(BASE)
    v.update(changes)
    CASES.append((case_name, expect, render(v).encode()))


def raw(name, expect, text):
    CASES.append((name, expect, text if isinstance(text, bytes) else text.encode()))


base_text = render(BASE)

# --- the data directory (items 1, 2) ---
case("data-dir-command-substitution", "rule:data-dir-invalid", data_dir=q("/var/lib/pg" + TOUCH))
case("data-dir-backticks", "rule:data-dir-invalid", data_dir=q("/var/lib/pg`touch %s`" % MARK))
case("data-dir-newline-command", "rule:data-dir-invalid", data_dir=q("/var/lib/pgsql\ntouch " + MARK))
case("data-dir-semicolon", "rule:data-dir-invalid", data_dir=q("/var/lib/pgsql;touch " + MARK))
case("data-dir-dotdot", "rule:data-dir-invalid", data_dir=q("/var/lib/pgsql/../../../etc/x"))
case("data-dir-space", "rule:data-dir-invalid", data_dir=q("/srv/pg data"))
case("data-dir-trailing-slash", "rule:data-dir-invalid", data_dir=q("/srv/pgdata/"))
case("data-dir-double-slash", "rule:data-dir-invalid", data_dir=q("/srv//pgdata"))
case("data-dir-dash-component", "rule:data-dir-invalid", data_dir=q("/srv/-rf"))
case("data-dir-very-long", "rule:data-dir-invalid", data_dir=q("/" + "a/" * 700 + "b"))
case("data-dir-quote", "rule:data-dir-invalid", data_dir=q("/srv/pg'data"))
case("data-dir-glob", "rule:data-dir-invalid", data_dir=q("/srv/*"))
case("data-dir-root", "rule:data-dir-unsafe", data_dir=q("/"))
case("data-dir-home", "rule:data-dir-unsafe", data_dir=q("/home"))
case("data-dir-etc-subdir", "rule:data-dir-unsafe", data_dir=q("/etc/pgdata"))
case("data-dir-var-lib", "rule:data-dir-unsafe", data_dir=q("/var/lib"))
case("data-dir-tmp", "rule:data-dir-unsafe", data_dir=q("/tmp/pgdata"))
case("data-dir-relative", "rule:data-dir-unsafe", data_dir=q("pgdata"))
case("data-dir-top-level-ok", "ok", data_dir=q("/pgdata"))
case("data-dir-under-home-ok", "ok", data_dir=q("/home/pgdata"))

# --- role and database names (item 3) ---
case("superuser-hba-injection", "rule:invalid-role-name", superuser=q("all 0.0.0.0/0 trust #"))
case("superuser-conninfo-injection", "rule:invalid-role-name", superuser=q("postgres host=127.0.9.99 port=6543"))
case("superuser-newline-yaml", "rule:invalid-role-name", superuser=q("postgres\n  password: x"))
case("superuser-command", "rule:invalid-role-name", superuser=q("p" + TOUCH))
case("replication-quote", "rule:invalid-role-name", replication=q("rep'l\"ica"))
case("rewind-uppercase", "rule:invalid-role-name", rewind=q("Rewind"))
case("rewind-64-chars", "rule:invalid-role-name", rewind=q("r" * 64))
case("superuser-empty", "load:cannot be empty", superuser='""')
case("hba-user-injection", "rule:hba-invalid",
     hba=[("host", "app", q("all 0.0.0.0/0 trust #"), "10.20.0.0/16", "scram-sha-256")])
case("hba-database-injection", "rule:hba-invalid",
     hba=[("host", q("all\nhost all all 0.0.0.0/0 trust"), "app", "10.20.0.0/16", "scram-sha-256")])
case("hba-user-file-include", "rule:hba-invalid", hba=[("host", "app", q("@/etc/passwd"), "10.20.0.0/16", "scram-sha-256")])
case("hba-type-injection", "rule:hba-invalid",
     hba=[(q("host all all 0.0.0.0/0 trust\nhost"), "app", "app", "10.20.0.0/16", "scram-sha-256")])
case("hba-address-with-method", "rule:hba-invalid", hba=[("host", "app", "app", q("10.20.0.0/16 trust"), "scram-sha-256")])
case("hba-trust-everywhere", "rule:hba-too-open", hba=[("host", "all", "all", "0.0.0.0/0", "trust")])
case("hba-groups-and-lists-ok", "ok", hba=[("hostssl", "app,reports", "+readers,app_user", "10.20.0.0/16", "scram-sha-256")])

# --- the etcd token (item 5) ---
case("token-env-injection", "rule:invalid-etcd-token", token=q("t\"\nETCD_DEBUG=\"true"))
case("token-command", "rule:invalid-etcd-token", token=q("t" + TOUCH))
case("token-space", "rule:invalid-etcd-token", token=q("a b"))
case("token-dollar-var", "rule:invalid-etcd-token", token=q("$HOME"))
case("token-200-chars", "rule:invalid-etcd-token", token=q("t" * 200))

# --- the SSH user (item 11) ---
case("ssh-user-proxycommand", "rule:ssh-port-invalid", ssh_user=q("-oProxyCommand=touch " + MARK))
case("ssh-user-semicolon", "rule:ssh-port-invalid", ssh_user=q("root;touch " + MARK))
case("ssh-user-command", "rule:ssh-port-invalid", ssh_user=q(TOUCH))
case("ssh-user-newline", "rule:ssh-port-invalid", ssh_user=q("root\nx"))
case("ssh-user-uppercase", "rule:ssh-port-invalid", ssh_user=q("Root"))
case("ssh-user-40-chars", "rule:ssh-port-invalid", ssh_user=q("u" * 40))
case("ssh-identity-newline", "rule:ssh-port-invalid", identity=q("/root/.ssh/id\nx"))

# --- PostgreSQL parameters (item 11) ---
case("param-named-password", "rule:pg-param-invalid", params=[("password", q("secret"))])
case("param-empty-name", "rule:pg-param-invalid", params=[('""', q("x"))])
case("param-name-newline", "rule:pg-param-invalid", params=[(q("work_mem\nfsync"), q("off"))])
case("param-name-equals", "rule:pg-param-invalid", params=[(q("work_mem = 1MB #"), q("4MB"))])
case("param-name-two-dots", "rule:pg-param-invalid", params=[(q("a.b.c"), q("1"))])
case("param-value-newline", "rule:pg-param-invalid", params=[("work_mem", q("4MB\nfsync = off"))])
case("param-value-quotes-ok", "ok", params=[("application_name", q("it's \"quoted\" # not a comment"))])

# --- names that build paths or reach files (item 9) ---
case("cluster-name-dotdot", "rule:invalid-cluster-name", name=q("../x"))
case("cluster-name-absolute", "rule:invalid-cluster-name", name=q("/etc"))
case("cluster-name-dot", "rule:invalid-cluster-name", name=q("."))
case("cluster-name-newline", "rule:invalid-cluster-name", name=q("c\nevil: 1"))
case("cluster-name-command", "rule:invalid-cluster-name", name=q("c" + TOUCH))
case("cluster-name-100-chars", "rule:invalid-cluster-name", name=q("c" * 100))
case("namespace-newline", "rule:invalid-cluster-name", namespace=q("ns\n- x"))
case("host-name-semicolon", "rule:invalid-host-name", host1=q("node1;touch " + MARK))
case("host-name-path", "rule:invalid-host-name", host1=q("../../etc"))
case("host-name-newline", "rule:invalid-host-name", host1=q("node1\n10.0.0.9 evil"))
case("host-address-command", "rule:invalid-address", addr1=q("10.104.0.1;touch " + MARK))
case("host-address-newline", "rule:invalid-address", addr1=q("10.104.0.1\n10.0.0.9 evil"))
case("subnet-cidr-injection", "rule:invalid-subnet", cidr=q("10.104.0.0/24 trust"))
case("os-injection", "rule:unknown-os", os1=q("rhel8; touch " + MARK))

# --- the loader (item 10) ---
raw("duplicate-key", "load:given twice", base_text.replace("  namespace: \"percona_lab\"\n",
                                                            "  namespace: \"percona_lab\"\n  name: \"other\"\n"))
raw("duplicate-top-level-key", "load:given twice", base_text + "format: 1\n")
raw("second-document", "load:second YAML document", base_text + "---\n" + base_text)
raw("alias", "load:aliases", base_text.replace("subnets:\n", "x: &a [1, 2]\ny: *a\nsubnets:\n"))
raw("alias-bomb", "load:aliases", "format: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [" + ",".join(["*a"] * 10) +
    "]\nc: &c [" + ",".join(["*b"] * 10) + "]\nd: [" + ",".join(["*c"] * 20000) + "]\n")
raw("deep-nesting", "load:nested deeper", "format: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n")
raw("list-as-key", "load:must be text", "format: 1\n? [a, b]\n: c\n")
raw("password-in-project", "load:never stored", base_text.replace("  users: {", "  users: {superuser_password: qaz123, "))
raw("not-a-mapping", "load:YAML mapping", "- format\n- 1\n")
raw("tab-indentation", "load:YAML syntax error", "format: 1\ncluster:\n\tname: x\n")
raw("unterminated-quote", "load:YAML syntax error", "format: 1\ncluster: {name: \"x}\n")
raw("port-out-of-range", "load:expected a whole number", base_text.replace("    port: 5432", "    port: 99999999999999999999"))
raw("format-not-integer", "load:whole number", base_text.replace("format: 1", "format: 1e3"))
raw("distribution-injection", "load:not one of", base_text.replace("distribution: \"percona\"",
                                                                    "distribution: \"percona; touch %s\"" % MARK))
raw("nul-byte", "rule:invalid-cluster-name", base_text.encode().replace(b"cluster_1", b"clus\x00ter"))
raw("crlf-line-ends-ok", "ok", base_text.replace("\n", "\r\n"))
raw("utf8-bom-ok", "ok", b"\xef\xbb\xbf" + base_text.encode())
# --- PgBouncer (issue 10): values that reach pgbouncer.ini, userlist.txt, pg_hba and the deploy's SQL ---
case("pooler-auth-user-ini-injection", "rule:invalid-role-name", pooler="auth_user: %s" % q("a\nauth_type = trust"))
case("pooler-auth-user-sql-injection", "rule:invalid-role-name", pooler="auth_user: %s" % q("x'; DROP ROLE postgres; --"))
case("pooler-auth-user-hba-list", "rule:invalid-role-name", pooler="auth_user: %s" % q("all,postgres"))
case("pooler-auth-user-is-superuser", "rule:pooler-placement", pooler="auth_user: postgres")
case("pooler-pool-mode-injection", "load:not one of", pooler="pool_mode: %s" % q("session\nauth_type = any"))
case("pooler-placement-unknown", "load:not one of", pooler="placement: %s" % q("everywhere; touch " + MARK))
case("pooler-port-out-of-range", "load:out of range", pooler="port: 70000")
case("pooler-pool-size-zero", "load:out of range", pooler="default_pool_size: 0")
case("pooler-password-in-project", "load:never stored", pooler="auth_password: qaz123")
case("pooler-port-conflict", "rule:port-conflict", pooler="port: 8008")
case("pooler-ok", "ok", pooler="placement: database, pool_mode: session, auth_user: pgbouncer_auth")
# --- the floating address (issue 10): values that reach keepalived.conf ---
def vip(address, rid="51", iface='""'):
    return "{address: %s, virtual_router_id: %s, interface: %s}" % (address, rid, iface)
case("vip-address-injection", "rule:vip-invalid", vip=vip(q("10.104.0.100/24\n    }\n    notify_master \"/bin/touch %s\"" % MARK)))
case("vip-address-command", "rule:vip-invalid", vip=vip(q("10.104.0.100" + TOUCH)))
case("vip-address-ipv6", "rule:vip-invalid", vip=vip(q("fd00::100")))
case("vip-interface-injection", "rule:vip-invalid", vip=vip('"10.104.0.100"', iface=q("eth0 # x\n}\nvrrp_script y {")))
case("vip-interface-substitution", "rule:vip-invalid", vip=vip('"10.104.0.100"', iface=q("$HOME")))
case("vip-router-id-zero", "rule:vip-router-id", vip=vip('"10.104.0.100"', rid="0"))
case("vip-router-id-256", "rule:vip-router-id", vip=vip('"10.104.0.100"', rid="256"))
case("vip-is-a-host-address", "rule:vip-collision", vip=vip('"10.104.0.6"'))
case("vip-broadcast", "rule:vip-collision", vip=vip('"10.104.0.255"'))
case("vip-outside-subnet", "rule:vip-outside-subnet", vip=vip('"10.20.0.5"'))
case("vip-one-haproxy", "rule:vip-too-few-haproxy", vip=vip('"10.104.0.100"'), lb2=False)
case("vip-router-id-text", "load:whole number", vip=vip('"10.104.0.100"', rid="fifty"))
case("vip-ok", "ok", vip=vip('"10.104.0.100"'))


# --- backups (issue 10): the values that reach pgbackrest.conf, shell commands and systemd timers ---
def with_backup(block):
    return base_text.replace("subnets:\n", "  backup: " + block + "\nsubnets:\n", 1).replace(
        "roles: [haproxy]", "roles: [haproxy, backup]")


raw("backup-path-command", "rule:backup-invalid", with_backup("{path: %s}" % q("/var/lib/pgbr" + TOUCH)))
raw("backup-path-newline", "rule:backup-invalid", with_backup("{path: %s}" % q("/var/lib/pgbackrest\nrepo1-path=/")))
raw("backup-schedule-newline", "rule:backup-invalid",
    with_backup("{full: %s}" % q("Sun *-*-* 01:00\nExecStart=/bin/touch " + MARK)))
raw("backup-schedule-command", "rule:backup-invalid", with_backup("{diff: %s}" % q(TOUCH)))
raw("backup-repository-injection", "rule:backup-repository", with_backup("{repository: %s}" % q("lb1\n[x]")))
raw("backup-transport-injection", "load:not one of tls, ssh", with_backup("{transport: %s}" % q("tls; touch " + MARK)))
raw("backup-on-haproxy-host-ok", "ok", with_backup("{retention_full: 3, archive_timeout: 120}"))

def main():
    if os.path.isdir(OUT):
        for f in os.listdir(OUT):
            os.remove(os.path.join(OUT, f))
    os.makedirs(OUT, exist_ok=True)
    manifest = ["# file<TAB>expectation (see make_corpus.py). /dev/zero: the size cap for devices."]
    for i, (name, expect, data) in enumerate(CASES, 1):
        fname = "%03d-%s.pgha.yaml" % (i, name)
        with open(os.path.join(OUT, fname), "wb") as f:
            f.write(data)
        manifest.append("%s\t%s" % (fname, expect))
    manifest.append("/dev/zero\tload:MiB")
    with open(os.path.join(OUT, "MANIFEST"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print("%d cases" % (len(CASES) + 1))


if __name__ == "__main__":
    sys.exit(main())
