#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Parsers for etcd's HTTP answers (v3 JSON gateway: 64-bit numbers come as decimal strings).
namespace pgha::EtcdParser {

struct Member
{
    QString id;
    QString name;
    QStringList clientUrls;
    QStringList peerUrls;
};

struct Status
{
    QString memberId;     // header.member_id: who answered
    QString leaderId;
    qint64 raftTerm = 0;
    qint64 dbSize = 0;
    QString version;
};

// GET /health: {"health":"true"} (3.4; 3.5 adds "reason").
Result<bool> parseHealth(const QByteArray &json);
// GET /version: {"etcdserver":"3.4.23","etcdcluster":"3.4.0"} -> server version
Result<QString> parseVersion(const QByteArray &json);
// POST /v3/cluster/member/list
Result<QList<Member>> parseMemberList(const QByteArray &json);
// POST /v3/maintenance/status
Result<Status> parseStatus(const QByteArray &json);

} // namespace pgha::EtcdParser
