#pragma once

#include "FakeHttpServer.h"

#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <QList>
#include <QString>

// A simulated Patroni + etcd + HAProxy cluster made of FakeHttpServers on <prefix><base + i> (default prefix
// 127.0.2.; Patroni on
// 18008, etcd on 12379, HAProxy stats on 17000). Its answers follow the fields below, in the shape of Patroni
// 3.0.2 or 4.x; POST /switchover and /failover move the leader like Patroni would.
class FakeCluster
{
public:
    struct Member
    {
        QString name;
        QString address;
        FakeHttpServer *rest = nullptr;
        bool down = false;          // REST API refuses connections
        bool registered = true;     // listed in /cluster
        qint64 lag = 0;
        bool pendingRestart = false;
        bool stopped = false;       // listed with state "stopped" (PostgreSQL down, Patroni answering)
    };
    struct Etcd
    {
        QString name;
        QString id;
        QString address;
        FakeHttpServer *server = nullptr;
        bool down = false;
    };

    FakeCluster(int members, int etcdMembers, bool haproxy, int addressBase, bool patroni4 = false,
                const QString &prefix = QStringLiteral("127.0.2."));
    ~FakeCluster();
    bool started() const { return m_started; }

    pgha::Topology topology() const;
    pgha::Secrets secrets() const;
    void setMemberDown(const QString &name, bool down);
    void setEtcdDown(int index, bool down);
    Member *member(const QString &name);

    QList<Member> members;
    QList<Etcd> etcd;
    FakeHttpServer *haproxy = nullptr;
    QString leader;
    int timeline = 1;
    bool paused = false;
    bool patroni4 = false;
    QString syncStandby;                      // synchronous mode on, this member in the sync_standby role
    bool stopOldLeaderOnSwitchover = false;   // the demoted leader shows "stopped" until the test clears it

private:
    FakeHttpServer::Response patroniAnswer(const Member &self, const FakeHttpServer::Request &req);
    FakeHttpServer::Response etcdAnswer(const Etcd &self, const FakeHttpServer::Request &req);
    FakeHttpServer::Response haproxyAnswer(const FakeHttpServer::Request &req);
    QByteArray clusterJson() const;
    bool etcdQuorum() const;
    bool m_started = true;
};
