#pragma once

#include "LabFixture.h"

#include <QByteArray>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// What the e2e tests do with a cluster deployed on a lab (LabFixture): the lab's design and secrets in a work
// directory, `pgha` and other programs run with the lab's environment, psql through HAProxy, the leader.
class LabCluster
{
public:
    LabCluster(const LabFixture &lab, const QString &workDir) : m_lab(lab), m_dir(workDir) {}

    struct Run
    {
        int code = -1;  // -1: did not start, or crashed / killed on timeout
        QByteArray out;
        double seconds = 0;
    };

    // Writes WORKDIR/lab.pgha.yaml (LabFixture::designYaml) and WORKDIR/secrets.yaml (`pgha secrets`), and
    // reads the superuser password from it. False with *error on a failure.
    // TLS: the design with security.tls true, its TLS material in the secrets (`pgha secrets -o FILE DESIGN`) and
    // the cluster CA in WORKDIR/ca.crt; psql() then connects with sslmode=verify-full, leader() and
    // waitSyncStandby() ask over https verified against that CA.
    bool prepare(QString *error, bool tls = false);
    bool tls() const { return !m_ca.isEmpty(); }
    QString caFile() const { return m_ca; }
    QStringList curlTls() const;  // --cacert CA with TLS, else nothing
    QString project() const { return m_dir + QStringLiteral("/lab.pgha.yaml"); }
    QString secrets() const { return m_dir + QStringLiteral("/secrets.yaml"); }
    QString superuserPassword() const { return m_superPassword; }

    static QString pgha();  // the CLI of this build tree
    // Runs PROGRAM with ENV; output and error output merged; stdin gets INPUT, then closes; killed after TIMEOUTMS.
    static Run runWith(const QProcessEnvironment &env, const QString &program, const QStringList &args,
                       int timeoutMs = 300000, const QByteArray &input = {});
    // Output and error output merged; stdin gets INPUT, then closes.
    Run run(const QString &program, const QStringList &args, int timeoutMs = 300000, const QByteArray &input = {}) const;
    // pgha deploy PROJECT --yes --secrets SECRETS --journal JOURNAL --known-hosts KNOWNHOSTS EXTRA...
    Run deploy(const QStringList &extra, const QString &journal, const QString &knownHosts) const;
    // The arguments of `pgha apply DESIGN --yes --journal JOURNAL --secrets SECRETS --known-hosts KNOWNHOSTS EXTRA...`.
    QStringList applyArgs(const QString &design, const QString &journal, const QString &knownHosts,
                          const QStringList &extra = {}) const;
    // `pgha diff DESIGN`; true when it exits 0 saying "no drift" (*out: its output).
    bool noDrift(const QString &design, const QString &knownHosts, QByteArray *out) const;
    // The text of project().
    QString projectText() const;
    // DESIGN with a copy of node3's host block (roles [postgres, etcd]) for each of NAMES (its lab address, ROLES
    // e.g. "[etcd]") inserted after node3's block, in order; empty when DESIGN has no such block.
    QString withHostsLikeNode3(const QString &design, const QStringList &names, const QString &roles) const;
    // Patroni's /cluster members (plain http) as HOST's Patroni lists them; empty when it does not answer.
    QJsonArray patroniMembers(const QString &host = QStringLiteral("node1")) const;
    // psql as the superuser through the lab's HAProxy on PORT from the controlling machine; out = stdout trimmed.
    Run psql(int port, const QString &sql, int connectTimeout = 3) const;
    // psql with any CONNINFO and PASSWORD, SQL on stdin (ON_ERROR_STOP); out = stdout trimmed, then stderr on a failure.
    static Run psqlWith(const QString &conninfo, const QString &password, const QString &sql, int timeoutMs = 60000);
    // The database node whose Patroni answers 200 on /primary; empty when none does, or several do.
    QString leader() const;
    // The member Patroni's /cluster names as the running synchronous standby (synchronous_mode), asked of the
    // first node that answers; empty when there is none. In synchronous mode only that member may take over from a
    // lost leader: a failover test must start from a state that has one, or Patroni rightly refuses to promote.
    // CURLTLS (e.g. --cacert CA): ask over https with those curl arguments.
    QString syncStandby() const { return syncStandby(m_lab, curlTls()); }
    static QString syncStandby(const LabFixture &lab, const QStringList &curlTls = {});
    // Waits up to TIMEOUTMS for syncStandby() to name a member; that member, or empty on timeout.
    QString waitSyncStandby(int timeoutMs) const { return waitSyncStandby(m_lab, timeoutMs, curlTls()); }
    static QString waitSyncStandby(const LabFixture &lab, int timeoutMs, const QStringList &curlTls = {});

    // Writes DATA to PATH (truncating); mode 0600 when PRIVATEFILE. False on any failure.
    static bool writeFile(const QString &path, const QByteArray &data, bool privateFile = false);

    // The writer tests' count: of the ACKED ids, how many are missing from IDLIST ("1,2,5", the output of
    // select string_agg(id::text, ',') from the table).
    static int lostRows(const QByteArray &idList, const QList<int> &acked);

private:
    const LabFixture &m_lab;
    QString m_dir;
    QString m_superPassword;
    QString m_ca;  // WORKDIR/ca.crt of a TLS design, else empty
};
