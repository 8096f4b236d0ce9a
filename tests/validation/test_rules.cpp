#include "core/model/Secrets.h"
#include "core/pki/Pki.h"
#include "core/project/ProjectFile.h"
#include "core/validation/QuickFix.h"
#include "core/validation/RuleTable.h"
#include "core/lint/FileRules.h"
#include "core/validation/EtcdTransition.h"
#include "core/validation/Validator.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <thread>
#include <vector>

using namespace pgha;

Q_DECLARE_METATYPE(pgha::Topology)
Q_DECLARE_METATYPE(pgha::Secrets)

namespace {

// One named case: a mutation of the reference design and what one rule must (or must not) say about it.
struct Case
{
    QString name;
    QString rule;
    bool fires = true;
    QString subject;        // when firing: the subject it must name; when not firing: empty = no finding of the rule
    int severity = -1;      // Severity when firing, -1 = do not check
    Topology topology;
    bool withSecrets = false;
    Secrets secrets;
};

Topology reference()
{
    return ProjectFile::referenceTopology();
}

Topology fromTemplate(const char *id)
{
    auto r = ProjectFile::loadTemplate(QString::fromLatin1(id));
    return r.ok() ? r->topology : Topology{};
}

Secrets strongSecrets()
{
    Secrets s;
    s.superuserPassword = QStringLiteral("Vq7nR2xK9pLm4sT8wZ3bY6cF1hJ5dG0a");
    s.replicationPassword = QStringLiteral("Xk2Pm9Qr4Tn7Ws1Zb8Cv5Yh3Lj6Fd0Ga");
    s.rewindPassword = QStringLiteral("Hn4Jt8Rk2Wm6Qp9Zs3Xv7Bc1Yf5Ld0Ge");
    s.restApiPassword = QStringLiteral("Pb6Nk3Tr9Wq2Zm7Xs4Hv8Jc1Yd5Lf0Gt");
    s.haproxyStatsPassword = QStringLiteral("Mf3Qk8Ts2Wr6Zn9Xp4Hb7Jv1Yc5Ld0Gu");
    return s;
}

Topology mutate(Topology t, const std::function<void(Topology &)> &f)
{
    f(t);
    return t;
}

Host *host(Topology &t, const char *name)
{
    for (Host &h : t.hosts) {
        if (h.name == QLatin1String(name))
            return &h;
    }
    return nullptr;
}

Host newHost(const QString &name, const QString &address, Roles roles, const QString &subnet = QStringLiteral("db"))
{
    Host h;
    h.name = name;
    h.address = address;
    h.subnet = subnet;
    h.os = QStringLiteral("rhel8");
    h.roles = roles;
    return h;
}

void addPostgresHosts(Topology &t, int count)
{
    for (int i = 0; i < count; ++i)
        t.hosts.append(newHost(QStringLiteral("extra%1").arg(i + 1), QStringLiteral("10.104.0.%1").arg(50 + i),
                               Role::Postgres));
}

HbaRule hba(const char *type, const char *database, const char *user, const char *address, const char *method)
{
    HbaRule r;
    r.type = QString::fromLatin1(type);
    r.database = QString::fromLatin1(database);
    r.user = QString::fromLatin1(user);
    r.address = QString::fromLatin1(address);
    r.method = QString::fromLatin1(method);
    return r;
}

QList<Case> cases()
{
    QList<Case> c;
    const int E = int(Severity::Error), W = int(Severity::Warning), I = int(Severity::Info);
    auto fire = [&](const char *name, const char *rule, const QString &subject, int sev, Topology t) {
        c.append({QString::fromLatin1(name), QString::fromLatin1(rule), true, subject, sev, std::move(t), false, {}});
    };
    auto quiet = [&](const char *name, const char *rule, Topology t) {
        c.append({QString::fromLatin1(name), QString::fromLatin1(rule), false, {}, -1, std::move(t), false, {}});
    };
    auto secretCase = [&](const char *name, bool fires, const QString &subject, int sev, Secrets s,
                          bool withSecrets = true) {
        c.append({QString::fromLatin1(name), QStringLiteral("weak-secret"), fires, subject, sev, reference(),
                  withSecrets, std::move(s)});
    };
    const QString cl = QStringLiteral("cluster");

    // invalid-cluster-name
    fire("cluster name with space", "invalid-cluster-name", QStringLiteral("cluster.name"), E,
         mutate(reference(), [](Topology &t) { t.cluster.name = QStringLiteral("my cluster"); }));
    fire("namespace with colon", "invalid-cluster-name", QStringLiteral("cluster.namespace"), E,
         mutate(reference(), [](Topology &t) { t.cluster.ns = QStringLiteral("a:b"); }));
    quiet("reference names", "invalid-cluster-name", reference());
    quiet("namespace with slashes", "invalid-cluster-name",
          mutate(reference(), [](Topology &t) { t.cluster.ns = QStringLiteral("/service/"); }));
    // The name builds paths (the deploy journal, the bundle folder): issue 8, item 9.
    fire("cluster name leaving a directory", "invalid-cluster-name", QStringLiteral("cluster.name"), E,
         mutate(reference(), [](Topology &t) { t.cluster.name = QStringLiteral("../x"); }));
    fire("cluster name with a dot", "invalid-cluster-name", QStringLiteral("cluster.name"), E,
         mutate(reference(), [](Topology &t) { t.cluster.name = QStringLiteral("a.b"); }));

    // invalid-host-name
    fire("underscore in host name", "invalid-host-name", QStringLiteral("hosts/node_2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->name = QStringLiteral("node_2"); }));
    fire("leading hyphen", "invalid-host-name", QStringLiteral("hosts/-node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->name = QStringLiteral("-node2"); }));
    fire("label of 64 characters", "invalid-host-name", QStringLiteral("hosts/") + QString(64, QLatin1Char('a')), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->name = QString(64, QLatin1Char('a')); }));
    quiet("reference host names (mixed case, hyphen)", "invalid-host-name", reference());
    quiet("dotted name and leading digit", "invalid-host-name",
          mutate(reference(), [](Topology &t) { host(t, "node2")->name = QStringLiteral("2db.example.com"); }));

    // duplicate-host-name
    fire("same name other case", "duplicate-host-name", QStringLiteral("hosts/NODE1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->name = QStringLiteral("NODE1"); }));
    quiet("distinct names", "duplicate-host-name", reference());

    // invalid-address
    fire("octet above 255", "invalid-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("10.104.0.300"); }));
    fire("empty address", "invalid-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address.clear(); }));
    fire("unspecified address", "invalid-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("0.0.0.0"); }));
    fire("multicast address", "invalid-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("224.0.0.1"); }));
    fire("host name instead of address", "invalid-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("node2"); }));
    quiet("reference addresses", "invalid-address", reference());
    quiet("ipv6 and loopback addresses", "invalid-address", mutate(reference(), [](Topology &t) {
              t.subnets.append(Subnet{0, QStringLiteral("v6"), QStringLiteral("fd00::/64"), false, {}});
              host(t, "node2")->address = QStringLiteral("fd00::2");
              host(t, "node2")->subnet = QStringLiteral("v6");
              host(t, "node3")->address = QStringLiteral("127.0.0.13");
          }));

    // duplicate-address
    fire("same ipv4", "duplicate-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("10.104.0.1"); }));
    fire("same ipv6 written differently", "duplicate-address", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) {
             host(t, "node1")->address = QStringLiteral("fd00::1");
             host(t, "node2")->address = QStringLiteral("fd00:0:0:0::0001");
         }));
    quiet("distinct addresses", "duplicate-address", reference());

    // invalid-subnet
    fire("cidr without mask", "invalid-subnet", QStringLiteral("subnets/db"), E,
         mutate(reference(), [](Topology &t) { t.subnets[0].cidr = QStringLiteral("10.104.0.0"); }));
    fire("cidr with host bits", "invalid-subnet", QStringLiteral("subnets/db"), W,
         mutate(reference(), [](Topology &t) { t.subnets[0].cidr = QStringLiteral("10.104.0.1/24"); }));
    fire("cidr covering everything", "invalid-subnet", QStringLiteral("subnets/clients"), E,
         mutate(reference(), [](Topology &t) { t.subnets[1].cidr = QStringLiteral("0.0.0.0/0"); }));
    fire("duplicate subnet name", "invalid-subnet", QStringLiteral("subnets/db"), E,
         mutate(reference(), [](Topology &t) { t.subnets[1].name = QStringLiteral("db"); }));
    quiet("reference subnets", "invalid-subnet", reference());

    // unknown-subnet
    fire("subnet that does not exist", "unknown-subnet", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->subnet = QStringLiteral("dmz"); }));
    fire("no subnet at all", "unknown-subnet", QStringLiteral("hosts/node2"), W,
         mutate(reference(), [](Topology &t) { host(t, "node2")->subnet.clear(); }));
    quiet("every host in a known subnet", "unknown-subnet", reference());

    // address-outside-subnet
    fire("address in another network", "address-outside-subnet", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->address = QStringLiteral("10.105.0.2"); }));
    fire("host in the clients subnet by mistake", "address-outside-subnet", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->subnet = QStringLiteral("clients"); }));
    quiet("addresses inside their subnets", "address-outside-subnet", reference());

    // host-without-role
    fire("host with no role", "host-without-role", QStringLiteral("hosts/spare"), W,
         mutate(reference(), [](Topology &t) { t.hosts.append(newHost(QStringLiteral("spare"), QStringLiteral("10.104.0.9"), {})); }));
    quiet("every host has a role", "host-without-role", reference());

    // unknown-os
    fire("unknown os id", "unknown-os", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->os = QStringLiteral("solaris11"); }));
    quiet("known os ids", "unknown-os", reference());

    // mixed-os-family
    fire("debian load balancer with rhel nodes", "mixed-os-family", cl, I,
         mutate(reference(), [](Topology &t) { host(t, "HAProxy-demo")->os = QStringLiteral("debian12"); }));
    quiet("rhel8 and rhel9 are one family", "mixed-os-family",
          mutate(reference(), [](Topology &t) { host(t, "HAProxy-demo")->os = QStringLiteral("rhel9"); }));

    // postgres-os-mismatch
    fire("one postgres host on rhel9", "postgres-os-mismatch", QStringLiteral("hosts/node3"), W,
         mutate(reference(), [](Topology &t) { host(t, "node3")->os = QStringLiteral("rhel9"); }));
    quiet("load balancer on another os", "postgres-os-mismatch",
          mutate(reference(), [](Topology &t) { host(t, "HAProxy-demo")->os = QStringLiteral("debian12"); }));

    // ssh-port-invalid
    fire("ssh port 0", "ssh-port-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.port = 0; }));
    fire("ssh port 70000", "ssh-port-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.port = 70000; }));
    fire("empty ssh user", "ssh-port-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.user.clear(); }));
    fire("ssh user that is an ssh option", "ssh-port-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.user = QStringLiteral("-oProxyCommand=touch /tmp/x"); }));
    fire("ssh user with a dollar", "ssh-port-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.user = QStringLiteral("$(id)"); }));
    quiet("ssh user with a dash inside", "ssh-port-invalid",
          mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.user = QStringLiteral("deploy-bot"); }));
    quiet("ssh on 2222", "ssh-port-invalid",
          mutate(reference(), [](Topology &t) { host(t, "node1")->ssh.port = 2222; }));

    // port-conflict
    fire("haproxy primary port on postgres port of a shared host", "port-conflict", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) {
             host(t, "node1")->roles |= Role::HAProxy;
             t.cluster.haproxy.primaryPort = 5432;
         }));
    fire("rest api on the etcd client port", "port-conflict", QStringLiteral("hosts/node2"), E,
         mutate(reference(), [](Topology &t) { t.cluster.patroni.restApiPort = 2379; }));
    fire("sshd on the postgres port", "port-conflict", QStringLiteral("hosts/node3"), E,
         mutate(reference(), [](Topology &t) { host(t, "node3")->ssh.port = 5432; }));
    quiet("reference ports", "port-conflict", reference());
    quiet("haproxy on a postgres host with default ports", "port-conflict",
          mutate(reference(), [](Topology &t) { host(t, "node1")->roles |= Role::HAProxy; }));
    quiet("same port on different hosts' services", "port-conflict",
          mutate(reference(), [](Topology &t) { t.cluster.haproxy.statsPort = 8008; }));

    // reserved-port
    fire("postgres on a privileged port", "reserved-port", QStringLiteral("cluster.postgres.port"), E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.port = 543; }));
    fire("etcd client port 0", "reserved-port", QStringLiteral("cluster.etcd.client_port"), E,
         mutate(reference(), [](Topology &t) { t.cluster.etcd.clientPort = 0; }));
    quiet("haproxy may bind 443", "reserved-port",
          mutate(reference(), [](Topology &t) { t.cluster.haproxy.primaryPort = 443; }));
    quiet("etcd port unused without etcd hosts", "reserved-port", mutate(reference(), [](Topology &t) {
              for (Host &h : t.hosts)
                  h.roles &= ~Roles(Role::Etcd);
              t.cluster.etcd.peerPort = 80;
          }));

    // etcd-quorum
    const QString etcd = QStringLiteral("cluster.etcd");
    fire("no etcd member", "etcd-quorum", etcd, E, mutate(reference(), [](Topology &t) {
             for (Host &h : t.hosts)
                 h.roles &= ~Roles(Role::Etcd);
         }));
    fire("one etcd member", "etcd-quorum", etcd, W, mutate(reference(), [](Topology &t) {
             host(t, "node2")->roles &= ~Roles(Role::Etcd);
             host(t, "node3")->roles &= ~Roles(Role::Etcd);
         }));
    fire("two etcd members (even)", "etcd-quorum", etcd, W,
         mutate(reference(), [](Topology &t) { host(t, "node3")->roles &= ~Roles(Role::Etcd); }));
    fire("nine etcd members", "etcd-quorum", etcd, W, mutate(reference(), [](Topology &t) {
             for (int i = 0; i < 6; ++i)
                 t.hosts.append(newHost(QStringLiteral("e%1").arg(i), QStringLiteral("10.104.0.%1").arg(20 + i),
                                        Role::Etcd));
         }));
    quiet("three etcd members", "etcd-quorum", reference());
    quiet("five etcd members", "etcd-quorum", fromTemplate("five-nodes"));

    // etcd-colocated
    fire("etcd on the postgres hosts", "etcd-colocated", etcd, I, reference());
    quiet("dedicated etcd hosts", "etcd-colocated", fromTemplate("dedicated-etcd"));

    // too-few-postgres
    fire("one postgres host", "too-few-postgres", cl, E, mutate(reference(), [](Topology &t) {
             host(t, "node2")->roles &= ~Roles(Role::Postgres);
             host(t, "node3")->roles &= ~Roles(Role::Postgres);
         }));
    fire("two postgres hosts", "too-few-postgres", cl, W,
         mutate(reference(), [](Topology &t) { host(t, "node3")->roles &= ~Roles(Role::Postgres); }));
    quiet("three postgres hosts", "too-few-postgres", reference());

    // no-failover-candidate
    fire("every host nofailover", "no-failover-candidate", cl, E, mutate(reference(), [](Topology &t) {
             for (Host &h : t.hosts)
                 h.tags.nofailover = true;
         }));
    fire("only node1 may lead", "no-failover-candidate", QStringLiteral("hosts/node1"), W,
         mutate(reference(), [](Topology &t) {
             host(t, "node2")->tags.nofailover = true;
             host(t, "node3")->tags.nofailover = true;
         }));
    quiet("one host nofailover", "no-failover-candidate",
          mutate(reference(), [](Topology &t) { host(t, "node3")->tags.nofailover = true; }));

    // no-read-replica
    const QString replicaPort = QStringLiteral("cluster.haproxy.replica_port");
    fire("every host noloadbalance", "no-read-replica", replicaPort, W, mutate(reference(), [](Topology &t) {
             for (Host &h : t.hosts)
                 h.tags.noloadbalance = true;
         }));
    fire("only one reader, which may lead", "no-read-replica", QStringLiteral("hosts/node1"), W,
         mutate(reference(), [](Topology &t) {
             host(t, "node2")->tags.noloadbalance = true;
             host(t, "node3")->tags.noloadbalance = true;
         }));
    fire("single postgres host", "no-read-replica", replicaPort, W, mutate(reference(), [](Topology &t) {
             host(t, "node2")->roles &= ~Roles(Role::Postgres);
             host(t, "node3")->roles &= ~Roles(Role::Postgres);
         }));
    quiet("one host noloadbalance", "no-read-replica",
          mutate(reference(), [](Topology &t) { host(t, "node1")->tags.noloadbalance = true; }));
    quiet("single reader that never leads", "no-read-replica", mutate(reference(), [](Topology &t) {
              host(t, "node2")->tags.noloadbalance = true;
              host(t, "node3")->tags.noloadbalance = true;
              host(t, "node1")->tags.nofailover = true;
          }));

    // patroni-timing
    fire("ttl below loop_wait + 2 retry_timeout", "patroni-timing", QStringLiteral("cluster.patroni.ttl"), E,
         mutate(reference(), [](Topology &t) { t.cluster.patroni.ttl = 25; }));
    fire("lab timers ttl 10", "patroni-timing", QStringLiteral("cluster.patroni.ttl"), W,
         mutate(reference(), [](Topology &t) {
             t.cluster.patroni.ttl = 10;
             t.cluster.patroni.loopWait = 2;
             t.cluster.patroni.retryTimeout = 3;
         }));
    fire("loop_wait 0", "patroni-timing", QStringLiteral("cluster.patroni.loop_wait"), E,
         mutate(reference(), [](Topology &t) { t.cluster.patroni.loopWait = 0; }));
    fire("retry_timeout 2", "patroni-timing", QStringLiteral("cluster.patroni.retry_timeout"), W,
         mutate(reference(), [](Topology &t) { t.cluster.patroni.retryTimeout = 2; }));
    quiet("guide timers 30/10/10", "patroni-timing", reference());
    quiet("fast but consistent 20/4/8", "patroni-timing", mutate(reference(), [](Topology &t) {
              t.cluster.patroni.ttl = 20;
              t.cluster.patroni.loopWait = 4;
              t.cluster.patroni.retryTimeout = 8;
          }));

    // patroni-pip-unpinned
    const auto pip = [](const char *version) {
        return mutate(reference(), [version](Topology &t) {
            t.cluster.patroni.install = PatroniInstall::Pip;
            t.cluster.patroni.version = QString::fromLatin1(version);
        });
    };
    fire("pip 4.0.4 has no pinned set", "patroni-pip-unpinned", QStringLiteral("cluster.patroni.version"), E,
         pip("4.0.4"));
    quiet("pip 4.1.5 is pinned", "patroni-pip-unpinned", pip("4.1.5"));
    quiet("package with any version", "patroni-pip-unpinned",
          mutate(reference(), [](Topology &t) { t.cluster.patroni.version = QStringLiteral("4.0.4"); }));

    // patroni-version-timing: what 3.2+ refuses; 3.0.2 (Debian's package) takes it
    const auto debianOs = [](Topology t) {
        t.cluster.postgres.distribution = QStringLiteral("os");
        t.cluster.postgres.version = 15;
        for (Host &h : t.hosts)
            h.os = QStringLiteral("debian12");
        return t;
    };
    const auto labTimers = [](Topology t) {
        t.cluster.patroni.ttl = 10;
        t.cluster.patroni.loopWait = 2;
        t.cluster.patroni.retryTimeout = 3;
        return t;
    };
    fire("ttl 10 with pip 4.1.5", "patroni-version-timing", QStringLiteral("cluster.patroni.ttl"), E,
         labTimers(pip("4.1.5")));
    fire("loop_wait 0 with version 3.2.2", "patroni-version-timing", QStringLiteral("cluster.patroni.loop_wait"), E,
         mutate(reference(), [](Topology &t) {
             t.cluster.patroni.version = QStringLiteral("3.2.2");
             t.cluster.patroni.loopWait = 0;
         }));
    quiet("ttl 10 with Debian 12's packaged 3.0.2", "patroni-version-timing", labTimers(debianOs(reference())));
    quiet("ttl 10 with an unknown packaged release", "patroni-version-timing", labTimers(reference()));
    quiet("20/2/3 with pip 4.1.5", "patroni-version-timing", mutate(labTimers(pip("4.1.5")), [](Topology &t) {
              t.cluster.patroni.ttl = 20;
          }));

    // patroni-version-setting
    fire("failsafe with Ubuntu 22.04's packaged 2.1.3", "patroni-version-setting",
         QStringLiteral("cluster.patroni.failsafe_mode"), E, mutate(debianOs(reference()), [](Topology &t) {
             for (Host &h : t.hosts)
                 h.os = QStringLiteral("ubuntu22.04");
             t.cluster.postgres.version = 14;
         }));
    fire("quorum with 3.0.2", "patroni-version-setting", QStringLiteral("cluster.patroni.synchronous_mode"), E,
         mutate(debianOs(reference()), [](Topology &t) {
             t.cluster.patroni.synchronousMode = true;
             t.cluster.patroni.synchronousQuorum = true;
         }));
    quiet("quorum with pip 4.1.5", "patroni-version-setting", mutate(pip("4.1.5"), [](Topology &t) {
              t.cluster.patroni.synchronousMode = true;
              t.cluster.patroni.synchronousQuorum = true;
          }));
    quiet("failsafe with 3.0.2", "patroni-version-setting", debianOs(reference()));

    // sync-needs-replicas
    const QString sync = QStringLiteral("cluster.patroni.synchronous_mode");
    fire("strict with every replica nosync", "sync-needs-replicas", sync, E, mutate(reference(), [](Topology &t) {
             t.cluster.patroni.synchronousMode = true;
             t.cluster.patroni.synchronousModeStrict = true;
             for (Host &h : t.hosts)
                 h.tags.nosync = true;
         }));
    fire("strict with two postgres hosts", "sync-needs-replicas", sync, W, mutate(reference(), [](Topology &t) {
             t.cluster.patroni.synchronousMode = true;
             t.cluster.patroni.synchronousModeStrict = true;
             host(t, "node3")->roles &= ~Roles(Role::Postgres);
         }));
    fire("non-strict with no possible standby", "sync-needs-replicas", sync, W, mutate(reference(), [](Topology &t) {
             t.cluster.patroni.synchronousMode = true;
             host(t, "node2")->tags.nosync = true;
             host(t, "node3")->tags.nosync = true;
         }));
    quiet("five nodes synchronous", "sync-needs-replicas", fromTemplate("five-nodes"));
    quiet("non-strict with three hosts", "sync-needs-replicas",
          mutate(reference(), [](Topology &t) { t.cluster.patroni.synchronousMode = true; }));

    // failover-estimate
    fire("always with postgres hosts", "failover-estimate", cl, I, reference());
    quiet("no postgres hosts", "failover-estimate", mutate(reference(), [](Topology &t) {
              for (Host &h : t.hosts)
                  h.roles &= ~Roles(Role::Postgres);
          }));

    // haproxy-missing
    fire("no haproxy host", "haproxy-missing", cl, E,
         mutate(reference(), [](Topology &t) { t.hosts.removeLast(); }));
    quiet("one haproxy host", "haproxy-missing", reference());

    // haproxy-single-point
    fire("one haproxy host", "haproxy-single-point", QStringLiteral("hosts/HAProxy-demo"), W, reference());
    quiet("two haproxy hosts", "haproxy-single-point", fromTemplate("five-nodes"));

    // PgBouncer (cluster.pooler)
    const auto pooled = [](PoolerPlacement where, const std::function<void(Topology &)> &f = {}) {
        return mutate(reference(), [&](Topology &t) {
            t.cluster.pooler.enabled = true;
            t.cluster.pooler.placement = where;
            if (f)
                f(t);
        });
    };
    fire("placed on HAProxy hosts, none exist", "pooler-placement", QStringLiteral("cluster.pooler.placement"), E,
         pooled(PoolerPlacement::HAProxy, [](Topology &t) { t.hosts.removeLast(); }));
    fire("auth_user is the superuser", "pooler-placement", QStringLiteral("cluster.pooler.auth_user"), E,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.authUser = t.cluster.users.superuser; }));
    quiet("database placement, own auth_user", "pooler-placement", pooled(PoolerPlacement::Database));
    quiet("pooler off, auth_user the superuser", "pooler-placement", mutate(reference(), [](Topology &t) {
              t.cluster.pooler.authUser = t.cluster.users.superuser;
          }));
    fire("pool 250 > max_connections 200 - 3", "pooler-pool-size", QStringLiteral("cluster.pooler.default_pool_size"), W,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.defaultPoolSize = 250; }));
    fire("two HAProxy poolers x 100 > 197", "pooler-pool-size", QStringLiteral("cluster.pooler.default_pool_size"), W,
         pooled(PoolerPlacement::HAProxy, [](Topology &t) {
             t.hosts.append(t.hosts.last());
             t.hosts.last().name = QStringLiteral("HAProxy-two");
             t.hosts.last().address = QStringLiteral("10.104.0.7");
             t.cluster.pooler.defaultPoolSize = 100;
             t.cluster.haproxy.serverMaxconn = 100;
         }));
    quiet("pool 197 fits exactly", "pooler-pool-size",
          pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.defaultPoolSize = 197; }));
    fire("HAProxy sends more than max_client_conn", "pooler-haproxy-maxconn", QStringLiteral("cluster.pooler.max_client_conn"), W,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.maxClientConn = 100; }));
    fire("server_maxconn below the pool", "pooler-haproxy-maxconn", QStringLiteral("cluster.haproxy.server_maxconn"), I,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.defaultPoolSize = 95; }));
    fire("pool through HAProxy above server_maxconn", "pooler-haproxy-maxconn", QStringLiteral("cluster.pooler.default_pool_size"), W,
         pooled(PoolerPlacement::HAProxy, [](Topology &t) { t.cluster.pooler.defaultPoolSize = 91; }));
    quiet("defaults against the reference (180 <= 1000, 90 >= 20)", "pooler-haproxy-maxconn", pooled(PoolerPlacement::Database));
    quiet("pooler off", "pooler-haproxy-maxconn", mutate(reference(), [](Topology &t) { t.cluster.pooler.maxClientConn = 1; }));
    fire("transaction pooling", "pooler-prepared-statements", QStringLiteral("cluster.pooler.pool_mode"), W,
         pooled(PoolerPlacement::Database));
    quiet("session pooling", "pooler-prepared-statements",
          pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.poolMode = QStringLiteral("session"); }));
    fire("auth_user not an identifier", "invalid-role-name", QStringLiteral("cluster.pooler.auth_user"), E,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.authUser = QStringLiteral("a b"); }));
    fire("pooler port on Patroni's", "port-conflict", QStringLiteral("hosts/node1"), E,
         pooled(PoolerPlacement::Database, [](Topology &t) { t.cluster.pooler.port = t.cluster.patroni.restApiPort; }));

    // haproxy-maxconn
    fire("guide's global maxconn 100", "haproxy-maxconn", QStringLiteral("cluster.haproxy.maxconn"), W,
         mutate(reference(), [](Topology &t) { t.cluster.haproxy.maxconn = 100; }));
    fire("backends above max_connections 200 - 3", "haproxy-maxconn", QStringLiteral("cluster.haproxy.server_maxconn"),
         W, mutate(reference(), [](Topology &t) {
             t.cluster.haproxy.serverMaxconn = 99;
             t.cluster.haproxy.maxconn = 1000;
         }));
    fire("default max_connections 100", "haproxy-maxconn", QStringLiteral("cluster.haproxy.server_maxconn"), W,
         mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.remove(QStringLiteral("max_connections"));
             t.cluster.haproxy.serverMaxconn = 49;
         }));
    fire("reserved_connections counts on 16", "haproxy-maxconn", QStringLiteral("cluster.haproxy.server_maxconn"), W,
         mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.insert(QStringLiteral("reserved_connections"), QStringLiteral("20"));
         }));
    quiet("reference limits (600 >= 540, 180 <= 197)", "haproxy-maxconn", reference());
    quiet("backends are PgBouncers", "haproxy-maxconn", mutate(reference(), [](Topology &t) {
              t.cluster.haproxy.serverMaxconn = 99;
              t.cluster.haproxy.maxconn = 1000;
              t.cluster.pooler.enabled = true;
          }));
    quiet("exactly at the limit", "haproxy-maxconn", mutate(reference(), [](Topology &t) {
              t.cluster.haproxy.serverMaxconn = 98;
              t.cluster.haproxy.maxconn = 588;
              t.cluster.postgres.parameters.insert(QStringLiteral("max_connections"), QStringLiteral("199"));
          }));

    // haproxy-slow-checks
    const QString inter = QStringLiteral("cluster.haproxy.check_interval_ms");
    fire("guide's inter 3s fall 3", "haproxy-slow-checks", inter, W,
         mutate(reference(), [](Topology &t) { t.cluster.haproxy.checkIntervalMs = 3000; }));
    fire("inter 1s fall 5", "haproxy-slow-checks", inter, W,
         mutate(reference(), [](Topology &t) { t.cluster.haproxy.fall = 5; }));
    quiet("inter 1s fall 3", "haproxy-slow-checks", reference());
    quiet("inter 1.5s fall 2", "haproxy-slow-checks", mutate(reference(), [](Topology &t) {
              t.cluster.haproxy.checkIntervalMs = 1500;
              t.cluster.haproxy.fall = 2;
          }));

    // The floating address (VipRules.cpp): the reference design plus a second HAProxy host and a VIP.
    const auto vipDesign = [](const std::function<void(Topology &)> &f = {}) {
        Topology t = reference();
        t.hosts.append(newHost(QStringLiteral("lb2"), QStringLiteral("10.104.0.7"), Role::HAProxy));
        t.cluster.vip.address = QStringLiteral("10.104.0.100");
        if (f)
            f(t);
        return t;
    };
    const QString vipAddr = QStringLiteral("cluster.vip.address");
    fire("vip with a line break", "vip-invalid", vipAddr, E,
         vipDesign([](Topology &t) { t.cluster.vip.address = QStringLiteral("10.104.0.100\n}"); }));
    fire("vip IPv6", "vip-invalid", vipAddr, E, vipDesign([](Topology &t) { t.cluster.vip.address = QStringLiteral("fd00::1"); }));
    fire("vip interface with a comment", "vip-invalid", QStringLiteral("cluster.vip.interface"), E,
         vipDesign([](Topology &t) { t.cluster.vip.interface = QStringLiteral("eth0 #"); }));
    fire("vip priority 255", "vip-invalid", QStringLiteral("hosts/lb2"), E,
         vipDesign([](Topology &t) { host(t, "lb2")->vipPriority = 255; }));
    {
        Secrets s = strongSecrets();
        s.vipPassword = QStringLiteral("toolongforvrrp");
        c.append({QStringLiteral("vip password of 14 characters"), QStringLiteral("vip-invalid"), true,
                  QStringLiteral("secrets.vip_password"), E, vipDesign(), true, s});
        s.vipPassword = QStringLiteral("Vrrp4Tst");
        c.append({QStringLiteral("vip password of 8 characters"), QStringLiteral("vip-invalid"), false, {}, -1,
                  vipDesign(), true, s});
    }
    quiet("vip with interface eth0.100", "vip-invalid",
          vipDesign([](Topology &t) { t.cluster.vip.interface = QStringLiteral("eth0.100"); }));
    quiet("no vip", "vip-invalid", reference());
    fire("router id 0", "vip-router-id", QStringLiteral("cluster.vip.virtual_router_id"), E,
         vipDesign([](Topology &t) { t.cluster.vip.virtualRouterId = 0; }));
    fire("router id 256", "vip-router-id", QStringLiteral("cluster.vip.virtual_router_id"), E,
         vipDesign([](Topology &t) { t.cluster.vip.virtualRouterId = 256; }));
    quiet("router id 255", "vip-router-id", vipDesign([](Topology &t) { t.cluster.vip.virtualRouterId = 255; }));
    fire("vip with one haproxy host", "vip-too-few-haproxy", vipAddr, E,
         mutate(reference(), [](Topology &t) { t.cluster.vip.address = QStringLiteral("10.104.0.100"); }));
    quiet("vip with two haproxy hosts", "vip-too-few-haproxy", vipDesign());
    fire("vip outside the haproxy subnet", "vip-outside-subnet", QStringLiteral("hosts/lb2"), E,
         vipDesign([](Topology &t) { t.cluster.vip.address = QStringLiteral("10.20.0.5"); }));
    quiet("vip inside the haproxy subnet", "vip-outside-subnet", vipDesign());
    fire("vip is a host's address", "vip-collision", vipAddr, E,
         vipDesign([](Topology &t) { t.cluster.vip.address = QStringLiteral("10.104.0.2"); }));
    fire("vip is the broadcast address", "vip-collision", vipAddr, E,
         vipDesign([](Topology &t) { t.cluster.vip.address = QStringLiteral("10.104.0.255"); }));
    quiet("vip is free", "vip-collision", vipDesign());

    // lb-in-db-subnet
    fire("haproxy next to the databases", "lb-in-db-subnet", QStringLiteral("hosts/HAProxy-demo"), I, reference());
    quiet("haproxy in its own subnet", "lb-in-db-subnet", fromTemplate("dedicated-etcd"));

    // pg-version-unsupported
    const QString version = QStringLiteral("cluster.postgres.version");
    fire("guide's PostgreSQL 12 from Percona", "pg-version-unsupported", version, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.version = 12; }));
    fire("RHEL 8's own packages have no 14", "pg-version-unsupported", version, E, mutate(reference(), [](Topology &t) {
             t.cluster.postgres.distribution = QStringLiteral("os");
             t.cluster.postgres.version = 14;
         }));
    fire("unknown distribution", "pg-version-unsupported", QStringLiteral("cluster.postgres.distribution"), E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.distribution = QStringLiteral("enterprisedb"); }));
    fire("postgres host on an unknown os", "pg-version-unsupported", version, E,
         mutate(reference(), [](Topology &t) { host(t, "node2")->os = QStringLiteral("freebsd14"); }));
    quiet("Percona 16 on RHEL 8", "pg-version-unsupported", reference());
    quiet("RHEL 8's own PostgreSQL 15", "pg-version-unsupported", mutate(reference(), [](Topology &t) {
              t.cluster.postgres.distribution = QStringLiteral("os");
              t.cluster.postgres.version = 15;
          }));

    // pg-param-unsupported
    auto withParam = [](int v, const char *name, const char *value) {
        return mutate(reference(), [=](Topology &t) {
            t.cluster.postgres.version = v;
            t.cluster.postgres.distribution = v < 14 ? QStringLiteral("os") : QStringLiteral("percona");
            if (v < 13)
                t.cluster.postgres.parameters.remove(QStringLiteral("wal_keep_size"));
            t.cluster.postgres.parameters.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        });
    };
    auto param = [](const char *name) -> QString { return QStringLiteral("cluster.postgres.parameters.") + QLatin1String(name); };
    fire("wal_keep_segments on 16", "pg-param-unsupported", param("wal_keep_segments"), W,
         withParam(16, "wal_keep_segments", "10"));
    fire("wal_keep_size on 12", "pg-param-unsupported", param("wal_keep_size"), W, withParam(12, "wal_keep_size", "1GB"));
    fire("stats_temp_directory on 15", "pg-param-unsupported", param("stats_temp_directory"), E,
         withParam(15, "stats_temp_directory", "/run/pg"));
    fire("force_parallel_mode on 16", "pg-param-unsupported", param("force_parallel_mode"), E,
         withParam(16, "force_parallel_mode", "off"));
    fire("promote_trigger_file on 16", "pg-param-unsupported", param("promote_trigger_file"), E,
         withParam(16, "promote_trigger_file", "/tmp/promote"));
    fire("old_snapshot_threshold on 17", "pg-param-unsupported", param("old_snapshot_threshold"), E,
         withParam(17, "old_snapshot_threshold", "-1"));
    fire("standby_mode on 12", "pg-param-unsupported", param("standby_mode"), E, withParam(12, "standby_mode", "on"));
    fire("debug_parallel_query on 15", "pg-param-unsupported", param("debug_parallel_query"), E,
         withParam(15, "debug_parallel_query", "off"));
    fire("default_with_oids on", "pg-param-unsupported", param("default_with_oids"), E,
         withParam(16, "default_with_oids", "on"));
    fire("checkpoint_segments (9.5)", "pg-param-unsupported", param("checkpoint_segments"), E,
         withParam(16, "checkpoint_segments", "3"));
    quiet("wal_keep_segments on 12", "pg-param-unsupported", withParam(12, "wal_keep_segments", "10"));
    quiet("stats_temp_directory on 14", "pg-param-unsupported", withParam(14, "stats_temp_directory", "/run/pg"));
    quiet("default_with_oids off", "pg-param-unsupported", withParam(16, "default_with_oids", "off"));
    quiet("debug_parallel_query on 16", "pg-param-unsupported", withParam(16, "debug_parallel_query", "off"));

    // pg-param-managed
    fire("listen_addresses is Patroni's", "pg-param-managed", param("listen_addresses"), I,
         withParam(16, "listen_addresses", "*"));
    fire("max_wal_senders below Patroni's minimum", "pg-param-managed", param("max_wal_senders"), W,
         withParam(16, "max_wal_senders", "2"));
    fire("wal_level minimal", "pg-param-managed", param("wal_level"), W, withParam(16, "wal_level", "minimal"));
    quiet("dedicated-etcd parameters", "pg-param-managed", fromTemplate("dedicated-etcd"));

    // max-wal-senders
    fire("3 senders for 2 replicas leave no spare", "max-wal-senders", param("max_wal_senders"), W,
         withParam(16, "max_wal_senders", "3"));
    fire("3 senders for 4 replicas", "max-wal-senders", param("max_wal_senders"), E,
         mutate(withParam(16, "max_wal_senders", "3"), [](Topology &t) { addPostgresHosts(t, 2); }));
    quiet("10 senders", "max-wal-senders", reference());

    // max-replication-slots
    fire("5 slots for 7 members", "max-replication-slots", param("max_replication_slots"), E,
         mutate(withParam(16, "max_replication_slots", "5"), [](Topology &t) { addPostgresHosts(t, 4); }));
    quiet("5 slots for 7 members without slots", "max-replication-slots",
          mutate(withParam(16, "max_replication_slots", "5"), [](Topology &t) {
              addPostgresHosts(t, 4);
              t.cluster.postgres.useSlots = false;
          }));
    quiet("10 slots for 3 members", "max-replication-slots", reference());

    // data-dir-unsafe
    const QString dataDir = QStringLiteral("cluster.postgres.data_dir");
    fire("data directory in /tmp", "data-dir-unsafe", dataDir, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/tmp/pgdata"); }));
    fire("relative data directory", "data-dir-unsafe", dataDir, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("pgdata"); }));
    fire("data directory is /var/lib", "data-dir-unsafe", dataDir, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/var/lib/"); }));
    quiet("platform default", "data-dir-unsafe", reference());
    quiet("guide's /data/pgsql", "data-dir-unsafe",
          mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/data/pgsql"); }));
    quiet("/tmpdata is not /tmp", "data-dir-unsafe",
          mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/tmpdata/pg"); }));
    fire("data directory inside /etc", "data-dir-unsafe", dataDir, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/etc/x"); }));
    fire("data directory is /home", "data-dir-unsafe", dataDir, E,
         mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/home"); }));
    quiet("/home/pgdata", "data-dir-unsafe",
          mutate(reference(), [](Topology &t) { t.cluster.postgres.dataDir = QStringLiteral("/home/pgdata"); }));

    // hba-too-open
    auto withHba = [](const HbaRule &r) {
        return mutate(reference(), [=](Topology &t) { t.cluster.extraHba.append(r); });
    };
    const QString hba0 = QStringLiteral("cluster.pg_hba[0]");
    fire("trust from a network", "hba-too-open", hba0, E, withHba(hba("host", "all", "all", "10.0.0.0/8", "trust")));
    fire("trust from loopback", "hba-too-open", hba0, W,
         withHba(hba("host", "replication", "replicator", "127.0.0.1/32", "trust")));
    fire("guide's 0.0.0.0/0 md5", "hba-too-open", hba0, W, withHba(hba("host", "all", "all", "0.0.0.0/0", "md5")));
    fire("guide's ::0/0", "hba-too-open", hba0, W,
         withHba(hba("host", "all", "all", "::0/0", "scram-sha-256")));
    fire("all keyword", "hba-too-open", hba0, W, withHba(hba("host", "all", "all", "all", "scram-sha-256")));
    fire("cleartext password", "hba-too-open", hba0, W,
         withHba(hba("host", "all", "all", "10.20.0.0/16", "password")));
    fire("md5 from a subnet", "hba-too-open", hba0, I, withHba(hba("host", "all", "all", "10.20.0.0/16", "md5")));
    quiet("scram from the clients subnet", "hba-too-open",
          withHba(hba("hostssl", "all", "all", "10.20.0.0/16", "scram-sha-256")));
    quiet("reject from everywhere", "hba-too-open", withHba(hba("host", "all", "all", "0.0.0.0/0", "reject")));
    quiet("local peer", "hba-too-open", withHba(hba("local", "all", "postgres", "", "peer")));

    // hba-invalid
    fire("misspelt type", "hba-invalid", hba0, E, withHba(hba("hots", "all", "all", "10.0.0.0/8", "md5")));
    fire("unknown method", "hba-invalid", hba0, E, withHba(hba("host", "all", "all", "10.0.0.0/8", "md6")));
    fire("address without mask", "hba-invalid", hba0, E,
         withHba(hba("host", "all", "all", "10.0.0.1", "scram-sha-256")));
    fire("local with an address", "hba-invalid", hba0, E, withHba(hba("local", "all", "all", "10.0.0.0/8", "peer")));
    fire("peer over the network", "hba-invalid", hba0, E, withHba(hba("host", "all", "all", "10.0.0.0/8", "peer")));
    quiet("valid entries", "hba-invalid", withHba(hba("hostssl", "app", "app", "fd00::/64", "scram-sha-256")));

    // hba-invalid: names that would add words to the line (issue 8, item 3)
    fire("user field injecting a trust line", "hba-invalid", hba0, E,
         withHba(hba("host", "all", "all 0.0.0.0/0 trust #", "10.0.0.0/8", "scram-sha-256")));
    fire("quoted database name", "hba-invalid", hba0, E,
         withHba(hba("host", "\"app\"", "app", "10.0.0.0/8", "scram-sha-256")));
    fire("@file user list", "hba-invalid", hba0, E, withHba(hba("host", "all", "@admins", "10.0.0.0/8", "scram-sha-256")));
    quiet("lists, groups and keywords", "hba-invalid",
          withHba(hba("hostssl", "app,reports", "+readers,app_user", "10.0.0.0/8", "scram-sha-256")));

    // clients-subnet-missing
    fire("no clients subnet", "clients-subnet-missing", cl, W,
         mutate(reference(), [](Topology &t) { t.subnets[1].clients = false; }));
    quiet("clients subnet present", "clients-subnet-missing", reference());

    // invalid-role-name (issue 8, item 3)
    const QString su = QStringLiteral("cluster.users.superuser");
    fire("superuser injecting pg_hba", "invalid-role-name", su, E,
         mutate(reference(), [](Topology &t) { t.cluster.users.superuser = QStringLiteral("all 0.0.0.0/0 trust #"); }));
    fire("superuser injecting conninfo", "invalid-role-name", su, E, mutate(reference(), [](Topology &t) {
             t.cluster.users.superuser = QStringLiteral("postgres host=127.0.9.99 port=6543");
         }));
    fire("replication user with a capital", "invalid-role-name", QStringLiteral("cluster.users.replication"), E,
         mutate(reference(), [](Topology &t) { t.cluster.users.replication = QStringLiteral("Replicator"); }));
    fire("rewind user with a newline", "invalid-role-name", QStringLiteral("cluster.users.rewind"), E,
         mutate(reference(), [](Topology &t) { t.cluster.users.rewind = QStringLiteral("rewind\nx"); }));
    quiet("reference role names", "invalid-role-name", reference());

    // invalid-etcd-token (issue 8, item 5)
    const QString tok = QStringLiteral("cluster.etcd.token");
    fire("token with a quote and a variable", "invalid-etcd-token", tok, E,
         mutate(reference(), [](Topology &t) { t.cluster.etcd.token = QStringLiteral("x\"\nETCD_DEBUG=\"true"); }));
    fire("token with a space", "invalid-etcd-token", tok, E,
         mutate(reference(), [](Topology &t) { t.cluster.etcd.token = QStringLiteral("a b"); }));
    quiet("plain token", "invalid-etcd-token",
          mutate(reference(), [](Topology &t) { t.cluster.etcd.token = QStringLiteral("cluster_1-etcd.v2"); }));
    quiet("empty token", "invalid-etcd-token", reference());

    // pg-param-invalid (issue 8, item 11)
    const QString params = QStringLiteral("cluster.postgres.parameters");
    fire("parameter named password", "pg-param-invalid", params, E, mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.insert(QStringLiteral("password"), QStringLiteral("x"));
         }));
    fire("parameter with an empty name", "pg-param-invalid", params, E, mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.insert(QString(), QStringLiteral("x"));
         }));
    fire("parameter name with a space", "pg-param-invalid", params, E, mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.insert(QStringLiteral("work mem"), QStringLiteral("4MB"));
         }));
    fire("parameter value with a newline", "pg-param-invalid", QStringLiteral("cluster.postgres.parameters.work_mem"),
         E, mutate(reference(), [](Topology &t) {
             t.cluster.postgres.parameters.insert(QStringLiteral("work_mem"), QStringLiteral("4MB\nfsync = off"));
         }));
    quiet("extension parameter", "pg-param-invalid", mutate(reference(), [](Topology &t) {
              t.cluster.postgres.parameters.insert(QStringLiteral("pg_stat_statements.max"), QStringLiteral("5000"));
          }));

    // data-dir-invalid (issue 8, items 1 and 2)
    const QString dd = QStringLiteral("cluster.postgres.data_dir");
    const auto withDataDir = [](const QString &dir) {
        return mutate(reference(), [dir](Topology &t) { t.cluster.postgres.dataDir = dir; });
    };
    fire("command substitution", "data-dir-invalid", dd, E, withDataDir(QStringLiteral("/var/lib/pg$(touch /tmp/x)")));
    fire("newline and a second command", "data-dir-invalid", dd, E,
         withDataDir(QStringLiteral("/var/lib/pgsql\nrm -rf /")));
    fire("dot-dot", "data-dir-invalid", dd, E, withDataDir(QStringLiteral("/var/lib/pgsql/../../../etc/x")));
    fire("space", "data-dir-invalid", dd, E, withDataDir(QStringLiteral("/srv/pg data")));
    fire("trailing slash", "data-dir-invalid", dd, E, withDataDir(QStringLiteral("/srv/pgdata/")));
    fire("component starting with a dash", "data-dir-invalid", dd, E, withDataDir(QStringLiteral("/srv/-rf")));
    quiet("plain absolute path", "data-dir-invalid", withDataDir(QStringLiteral("/srv/pgsql/16/data")));
    quiet("top-level directory of its own", "data-dir-invalid", withDataDir(QStringLiteral("/pgdata")));

    // weak-secret
    {
        Secrets s = strongSecrets();
        s.superuserPassword = QStringLiteral("qaz123");
        secretCase("guide's qaz123", true, QStringLiteral("secrets.superuser_password"), E, s);
        s = strongSecrets();
        s.replicationPassword = QStringLiteral("ReplPasswd");
        secretCase("guide's replPasswd any case", true, QStringLiteral("secrets.replication_password"), E, s);
        s = strongSecrets();
        s.rewindPassword = QStringLiteral("rewind_user");
        secretCase("password is the user name", true, QStringLiteral("secrets.rewind_password"), E, s);
        s = strongSecrets();
        s.restApiPassword = QStringLiteral("k9#Lm2pQ7x");
        secretCase("ten characters", true, QStringLiteral("secrets.restapi_password"), W, s);
        s = strongSecrets();
        s.haproxyStatsPassword = s.superuserPassword;
        secretCase("one secret for two accounts", true, QStringLiteral("secrets.haproxy_stats_password"), W, s);
        secretCase("strong distinct secrets", false, {}, -1, strongSecrets());
        s = strongSecrets();
        s.superuserPassword.clear();
        s.rewindPassword.clear();
        secretCase("empty secrets are generated later", false, {}, -1, s);
        s.superuserPassword = QStringLiteral("qaz123");
        secretCase("no secrets given", false, {}, -1, s, false);
    }
    // secret-invalid (issue 8, item 11: a newline in the stats password added "stats admin if TRUE")
    {
        const auto secretInvalid = [&](const char *name, bool fires, const QString &subject, Secrets s) {
            c.append({QString::fromLatin1(name), QStringLiteral("secret-invalid"), fires, subject, E, reference(), true,
                      std::move(s)});
        };
        Secrets s = strongSecrets();
        s.haproxyStatsPassword += QStringLiteral("\n    stats admin if TRUE");
        secretInvalid("newline in the stats password", true, QStringLiteral("secrets.haproxy_stats_password"), s);
        s = strongSecrets();
        s.restApiUser = QStringLiteral("patroni:x");
        secretInvalid("colon in the REST user", true, QStringLiteral("secrets.restapi_user"), s);
        secretInvalid("printable secrets", false, {}, strongSecrets());
    }

    // tls-off, tls-ca-missing
    fire("tls off", "tls-off", QStringLiteral("cluster.security"), W,
         mutate(reference(), [](Topology &t) { t.cluster.security.tls = false; }));
    quiet("tls on (the reference)", "tls-off", reference());
    {
        const Topology supplied =
            mutate(reference(), [](Topology &t) { t.cluster.security.ca = QStringLiteral("supplied"); });
        c.append({QStringLiteral("supplied CA absent"), QStringLiteral("tls-ca-missing"), true,
                  QStringLiteral("secrets.tls"), E, supplied, true, strongSecrets()});
        Secrets withCa = strongSecrets();
        withCa.tls.ca.certPem = "-----BEGIN CERTIFICATE-----";  // presence is what this rule checks
        c.append({QStringLiteral("supplied CA present"), QStringLiteral("tls-ca-missing"), false, {}, -1, supplied,
                  true, withCa});
        c.append({QStringLiteral("generated CA"), QStringLiteral("tls-ca-missing"), false, {}, -1, reference(), true,
                  strongSecrets()});
    }

    // tls-cert-expiring: a host leaf with 10 days left against cert_warn_days 30; one with 400 days is quiet.
    {
        const Result<PemPair> ca = Pki::createCa(QStringLiteral("rules CA"), 3650);
        const Result<PemPair> soon = Pki::issueLeaf(ca.value(), QStringLiteral("node1"), {}, {QStringLiteral("10.0.0.1")},
                                                    true, true, 10);
        const Result<PemPair> later = Pki::issueLeaf(ca.value(), QStringLiteral("node1"), {},
                                                     {QStringLiteral("10.0.0.1")}, true, true, 400);
        Secrets expiring = strongSecrets();
        expiring.tls.ca = ca.value();
        expiring.tls.hosts.insert(QStringLiteral("node1"), soon.value());
        c.append({QStringLiteral("host certificate expires in 10 days"), QStringLiteral("tls-cert-expiring"), true,
                  QStringLiteral("hosts/node1"), W, reference(), true, expiring});
        Secrets fine = strongSecrets();
        fine.tls.ca = ca.value();
        fine.tls.hosts.insert(QStringLiteral("node1"), later.value());
        c.append({QStringLiteral("host certificate with 400 days"), QStringLiteral("tls-cert-expiring"), false, {}, -1,
                  reference(), true, fine});
    }
    // Backups (issue 10): a dedicated repository host in the db subnet.
    const auto withBackup = [](Topology t) {
        t.hosts.append(newHost(QStringLiteral("repo1"), QStringLiteral("10.104.0.9"), Roles(Role::Backup)));
        t.cluster.backup.enabled = true;
        return t;
    };
    fire("no repository", "no-backups", cl, W, reference());
    quiet("a backup host", "no-backups", withBackup(reference()));
    quiet("a backup host without the block", "no-backups", mutate(reference(), [](Topology &t) {
              t.hosts.append(newHost(QStringLiteral("repo1"), QStringLiteral("10.104.0.9"), Roles(Role::Backup)));
          }));
    fire("repository local", "backup-repository", QStringLiteral("cluster.backup.repository"), W,
         mutate(reference(), [](Topology &t) {
             t.cluster.backup.enabled = true;
             t.cluster.backup.repository = QStringLiteral("local");
         }));
    fire("repository names no host", "backup-repository", QStringLiteral("cluster.backup.repository"), E,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.repository = QStringLiteral("nas"); }));
    fire("backups on without a backup host", "backup-repository", QStringLiteral("cluster.backup.repository"), E,
         mutate(reference(), [](Topology &t) { t.cluster.backup.enabled = true; }));
    fire("repository on a database host", "backup-repository", QStringLiteral("hosts/node3"), W,
         mutate(reference(), [](Topology &t) {
             t.cluster.backup.enabled = true;
             host(t, "node3")->roles |= Role::Backup;
         }));
    fire("repository on the HAProxy host", "backup-repository", QStringLiteral("hosts/HAProxy-demo"), I,
         mutate(reference(), [](Topology &t) {
             t.cluster.backup.enabled = true;
             host(t, "HAProxy-demo")->roles |= Role::Backup;
         }));
    quiet("dedicated repository host", "backup-repository", withBackup(reference()));
    quiet("dedicated repository host named", "backup-repository",
          mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.repository = QStringLiteral("repo1"); }));
    fire("repository path with a command", "backup-invalid", QStringLiteral("cluster.backup.path"), E,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.path = QStringLiteral("/var/lib/$(reboot)"); }));
    fire("schedule with a newline", "backup-invalid", QStringLiteral("cluster.backup.full"), E,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.full = QStringLiteral("Sun *-*-* 01:00\nExecStart=/bin/sh"); }));
    fire("schedule systemd accepts but we do not", "backup-invalid", QStringLiteral("cluster.backup.diff"), E,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.diff = QStringLiteral("*-*-1 01:00"); }));
    fire("tls transport without tls", "backup-invalid", QStringLiteral("cluster.backup.transport"), E,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.security.tls = false; }));
    fire("ssh transport", "backup-invalid", QStringLiteral("cluster.backup.transport"), W,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.transport = QStringLiteral("ssh"); }));
    quiet("default backup settings", "backup-invalid", withBackup(reference()));
    quiet("daily and weekday lists", "backup-invalid", mutate(withBackup(reference()), [](Topology &t) {
              t.cluster.backup.full = QStringLiteral("weekly");
              t.cluster.backup.diff = QStringLiteral("Mon,Wed..Fri *-*-* 23:30");
          }));
    fire("one full kept", "backup-retention", QStringLiteral("cluster.backup.retention_full"), W,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.retentionFull = 1; }));
    fire("daily fulls, three kept", "backup-retention", QStringLiteral("cluster.backup.retention_full"), W,
         mutate(withBackup(reference()), [](Topology &t) {
             t.cluster.backup.full = QStringLiteral("daily");
             t.cluster.backup.diff.clear();
             t.cluster.backup.retentionFull = 3;
         }));
    fire("diff less often than full", "backup-retention", QStringLiteral("cluster.backup.diff"), W,
         mutate(withBackup(reference()), [](Topology &t) {
             t.cluster.backup.full = QStringLiteral("daily");
             t.cluster.backup.diff = QStringLiteral("Sun *-*-* 02:00");
             t.cluster.backup.retentionFull = 7;
         }));
    quiet("weekly fulls, two kept", "backup-retention", withBackup(reference()));
    fire("archive_timeout off", "backup-archive-timeout", QStringLiteral("cluster.backup.archive_timeout"), W,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.archiveTimeout = 0; }));
    fire("archive_timeout 10 s", "backup-archive-timeout", QStringLiteral("cluster.backup.archive_timeout"), W,
         mutate(withBackup(reference()), [](Topology &t) { t.cluster.backup.archiveTimeout = 10; }));
    quiet("archive_timeout 60 s", "backup-archive-timeout", withBackup(reference()));
    // Extra settings (docs/project-file.md "Extra settings"; tests/project/test_extra_settings.cpp has the rest).
    fire("haproxy line with a section keyword", "extra-invalid", QStringLiteral("cluster"), E,
         mutate(reference(), [](Topology &t) { t.cluster.extra.haproxyGlobal << QStringLiteral("listen x"); }));
    fire("etcd value with a quote", "extra-invalid", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { t.hosts[0].extra.etcd.insert(QStringLiteral("ETCD_LOG_LEVEL"), QStringLiteral("a\"b")); }));
    quiet("extra within its grammars", "extra-invalid",
          mutate(reference(), [](Topology &t) {
              t.cluster.extra.patroni = QStringLiteral("log:\n  level: INFO\n");
              t.cluster.extra.haproxyGlobal << QStringLiteral("tune.bufsize 32768");
              t.hosts[0].extra.etcd.insert(QStringLiteral("ETCD_LOG_LEVEL"), QStringLiteral("warn"));
          }));
    fire("extra sets a generated Patroni tag", "extra-overrides-generated", QStringLiteral("hosts/node1"), E,
         mutate(reference(), [](Topology &t) { t.hosts[0].extra.patroni = QStringLiteral("tags:\n  nofailover: true\n"); }));
    fire("extra sets HAProxy's maxconn", "extra-overrides-generated", QStringLiteral("cluster"), E,
         mutate(reference(), [](Topology &t) { t.cluster.extra.haproxyGlobal << QStringLiteral("maxconn 9000"); }));
    quiet("extra adds a custom tag", "extra-overrides-generated",
          mutate(reference(), [](Topology &t) { t.hosts[0].extra.patroni = QStringLiteral("tags:\n  zone: a\n"); }));
    return c;
}

const Finding *findFinding(const Findings &findings, const QString &rule, const QString &subject)
{
    for (const Finding &f : findings) {
        if (f.ruleId == rule && (subject.isEmpty() || f.subject == subject))
            return &f;
    }
    return nullptr;
}

QString dump(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("%1 [%2] %3: %4").arg(severityKey(f.severity), f.ruleId, f.subject, f.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<int>("severity");
        QTest::addColumn<Topology>("topology");
        QTest::addColumn<bool>("withSecrets");
        QTest::addColumn<Secrets>("secrets");
        for (const Case &k : cases()) {
            QTest::newRow(qPrintable(k.rule + QStringLiteral(": ") + k.name))
                << k.rule << k.fires << k.subject << k.severity << k.topology << k.withSecrets << k.secrets;
        }
    }

    void rule()
    {
        QFETCH(QString, rule);
        QFETCH(bool, fires);
        QFETCH(QString, subject);
        QFETCH(int, severity);
        QFETCH(Topology, topology);
        QFETCH(bool, withSecrets);
        QFETCH(Secrets, secrets);
        QVERIFY2(!topology.hosts.isEmpty(), "the base design did not load");
        QVERIFY2(ruleIds().contains(rule), qPrintable(rule));

        const Findings findings = validate(topology, withSecrets ? &secrets : nullptr);
        const Finding *f = findFinding(findings, rule, fires ? subject : QString());
        if (!fires) {
            QVERIFY2(!f, qPrintable(QStringLiteral("unexpected:\n") + dump(findings)));
            return;
        }
        QVERIFY2(f, qPrintable(QStringLiteral("expected [%1] on %2, got:\n%3").arg(rule, subject, dump(findings))));
        if (severity >= 0)
            QCOMPARE(severityKey(f->severity), severityKey(Severity(severity)));
        QVERIFY(!f->message.isEmpty());
        QVERIFY(!f->fix.isEmpty());
        // Messages are one sentence.
        QVERIFY2(f->message.endsWith(QLatin1Char('.')), qPrintable(f->message));
        QVERIFY2(!f->message.chopped(1).contains(QStringLiteral(". ")), qPrintable(f->message));
    }

    void everyFindingIsWellFormed()
    {
        const QStringList ids = ruleIds();
        const QStringList fixes = quickFixIds();
        QHash<QString, Severity> worst;
        for (const RuleInfo &r : ruleTable()) {
            QVERIFY(qstrlen(r.title) > 0 && qstrlen(r.rationale) > 0);
            worst.insert(QString::fromLatin1(r.id), r.worst);
        }
        const QRegularExpression subjectRe(QStringLiteral(
            R"(^(cluster(\.[a-z_]+(\[\d+\])?)*(\.[A-Za-z_]+)?|hosts/.*|subnets/.*|secrets\.[a-z_]+)$)"));
        for (const Case &k : cases()) {
            const Findings findings = validate(k.topology, k.withSecrets ? &k.secrets : nullptr);
            for (const Finding &f : findings) {
                QVERIFY2(ids.contains(f.ruleId), qPrintable(f.ruleId));
                // Severity enum: Error < Warning < Info; no finding is graver than its rule's documented worst.
                QVERIFY2(int(f.severity) >= int(worst.value(f.ruleId)), qPrintable(f.ruleId + QStringLiteral(": ") + f.message));
                QVERIFY2(f.quickFix.isEmpty() || fixes.contains(f.quickFix), qPrintable(f.quickFix));
                QVERIFY2(subjectRe.match(f.subject).hasMatch(), qPrintable(k.name + QStringLiteral(": ") + f.subject));
            }
        }
    }

    void everyRuleHasFiringAndQuietRows()
    {
        QSet<QString> fired, quiet;
        for (const Case &k : cases())
            (k.fires ? fired : quiet).insert(k.rule);
        for (const QString &id : ruleIds()) {
            QVERIFY2(fired.contains(id), qPrintable(QStringLiteral("no firing row for ") + id));
            QVERIFY2(quiet.contains(id), qPrintable(QStringLiteral("no quiet row for ") + id));
        }
    }

    void ruleIdsUniqueAndDocumented()
    {
        const QStringList ids = ruleIds();
        QVERIFY(ids.size() >= 24);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        for (const char *required :
             {"etcd-quorum", "duplicate-host-name", "duplicate-address", "invalid-host-name", "invalid-address",
              "address-outside-subnet", "unknown-subnet", "port-conflict", "patroni-timing", "too-few-postgres",
              "no-failover-candidate", "no-read-replica", "haproxy-missing", "haproxy-single-point", "haproxy-maxconn",
              "pg-param-unsupported", "pg-version-unsupported", "hba-too-open", "weak-secret", "etcd-colocated",
              "lb-in-db-subnet", "haproxy-slow-checks", "failover-estimate"})
            QVERIFY2(ids.contains(QString::fromLatin1(required)), required);

        QFile doc(QStringLiteral(PGHA_SOURCE_DIR "/docs/validation-rules.md"));
        QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
        const QString text = QString::fromUtf8(doc.readAll());
        // Each rule has its own heading, in the same order as ruleIds().
        qsizetype last = -1;
        for (const QString &id : ids) {
            const qsizetype at = text.indexOf(QStringLiteral("### `") + id + QStringLiteral("`"));
            QVERIFY2(at >= 0, qPrintable(QStringLiteral("docs/validation-rules.md does not document ") + id));
            QVERIFY2(at > last, qPrintable(QStringLiteral("docs/validation-rules.md lists ") + id + QStringLiteral(" out of order")));
            last = at;
        }
        // And documents nothing that does not exist.
        const QRegularExpression heading(QStringLiteral("^### `([a-z0-9-]+)`"), QRegularExpression::MultilineOption);
        for (auto it = heading.globalMatch(text); it.hasNext();) {
            const QString id = it.next().captured(1);
            // pgha lint's file rules (core/lint/FileRules.h; tests/lint checks their order) are documented here too.
            QVERIFY2(ids.contains(id) || FileRules::ids().contains(id) || etcdTransitionRuleIds().contains(id),
                     qPrintable(QStringLiteral("documented but not implemented: ") + id));
        }
        QVERIFY(text.contains(QStringLiteral("pgha-findings/1")));
    }

    void templatesHaveNoError_data()
    {
        QTest::addColumn<QString>("id");
        for (const ProjectFile::TemplateInfo &t : ProjectFile::templates()) {
            if (t.id != QLatin1String("empty"))
                QTest::newRow(qPrintable(t.id)) << t.id;
        }
    }

    void templatesHaveNoError()
    {
        QFETCH(QString, id);
        auto loaded = ProjectFile::loadTemplate(id);
        QVERIFY(loaded.ok());
        const Findings findings = validate(loaded->topology, nullptr);
        QVERIFY2(countSeverity(findings, Severity::Error) == 0, qPrintable(dump(findings)));
        QVERIFY(findFinding(findings, QStringLiteral("failover-estimate"), QStringLiteral("cluster")));
    }

    void guideAsWritten_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QStringList>("expected");  // "rule" or "rule@subject"
        const QStringList common = {
            QStringLiteral("etcd-quorum@cluster.etcd"),
            QStringLiteral("hba-too-open@cluster.pg_hba[0]"),   // replication trust on 127.0.0.1
            QStringLiteral("hba-too-open@cluster.pg_hba[1]"),   // 0.0.0.0/0 md5
            QStringLiteral("hba-too-open@cluster.pg_hba[3]"),   // ::0/0
            QStringLiteral("weak-secret@secrets.superuser_password"),
            QStringLiteral("weak-secret@secrets.replication_password"),
            QStringLiteral("weak-secret@secrets.rewind_password"),
            QStringLiteral("haproxy-slow-checks"),
            QStringLiteral("haproxy-maxconn@cluster.haproxy.maxconn"),
            QStringLiteral("haproxy-maxconn@cluster.haproxy.server_maxconn"),
            QStringLiteral("haproxy-single-point"),
            QStringLiteral("lb-in-db-subnet"),
            QStringLiteral("clients-subnet-missing"),
            QStringLiteral("etcd-colocated"),
            QStringLiteral("failover-estimate"),
        };
        // As written: PostgreSQL 12 (bin_dir /usr/pgsql-12), which Percona no longer ships.
        QTest::newRow("as written (PostgreSQL 12)") << 12 << (common + QStringList{QStringLiteral("pg-version-unsupported")});
        // Followed today: percona-release gives a current major, where wal_keep_segments is gone.
        QTest::newRow("followed today (PostgreSQL 16)")
            << 16 << (common + QStringList{QStringLiteral("pg-param-unsupported@cluster.postgres.parameters.wal_keep_segments")});
    }

    void guideAsWritten()
    {
        QFETCH(int, version);
        QFETCH(QStringList, expected);
        auto loaded = ProjectFile::load(QStringLiteral(PGHA_SOURCE_DIR "/tests/validation/data/guide-as-written.pgha.yaml"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        Topology t = loaded->topology;
        t.cluster.postgres.version = version;

        // Git does not keep mode 0600, which the secrets loader insists on: copy it into a private file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.yaml"));
        QVERIFY(QFile::copy(QStringLiteral(PGHA_SOURCE_DIR "/tests/validation/data/guide-as-written.secrets.yaml"),
                            secretsPath));
        QVERIFY(QFile::setPermissions(secretsPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto secrets = SecretStore::loadFile(secretsPath);
        QVERIFY2(secrets.ok(), qPrintable(secrets.ok() ? QString() : secrets.error().toString()));

        const Findings findings = validate(t, &secrets.value());
        for (const QString &e : expected) {
            const QString rule = e.section(QLatin1Char('@'), 0, 0);
            const QString subject = e.section(QLatin1Char('@'), 1);
            QVERIFY2(findFinding(findings, rule, subject), qPrintable(e + QStringLiteral(" missing in:\n") + dump(findings)));
        }
        QVERIFY(countSeverity(findings, Severity::Error) > 0);
        // The weak secrets are reported as reused too (qaz123 for three accounts).
        int reused = 0;
        for (const Finding &f : findings)
            reused += f.ruleId == QLatin1String("weak-secret") && f.message.contains(QStringLiteral("same as"));
        QCOMPARE(reused, 2);
    }

    void concurrentCallsAgree()
    {
        // The rule table is a function-local static and the rules are pure: any thread may validate.
        const Topology t = ProjectFile::referenceTopology();
        const Findings expected = validate(t);
        std::vector<Findings> results(4);  // no shared container detach across threads
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&, i] {
                for (int k = 0; k < 50; ++k)
                    results[i] = validate(t);
            });
        for (std::thread &th : threads)
            th.join();
        for (const Findings &r : results)
            QCOMPARE(r, expected);
    }

    void pureAndDeterministic()
    {
        const Topology t = ProjectFile::referenceTopology();
        const Topology copy = t;
        const Secrets s = strongSecrets();
        const Findings a = validate(t, &s);
        QCOMPARE(t, copy);  // the design is not touched
        QCOMPARE(validate(t, &s), a);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
