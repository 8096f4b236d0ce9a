#include "core/parse/DriftProbeParser.h"

#include "core/parse/EtcdParser.h"
#include "core/parse/HaproxyStatsParser.h"
#include "core/parse/PatroniParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgha::DriftProbeParser {

namespace {

// The body of a part that answered 200, or nullopt with *why set.
std::optional<QByteArray> body(const QJsonObject &root, const QString &key, QStringList *why)
{
    if (!root.contains(key))
        return std::nullopt;
    const QJsonObject part = root.value(key).toObject();
    if (part.contains(QStringLiteral("error"))) {
        *why << key + QStringLiteral(": ") + part.value(QStringLiteral("error")).toString();
        return std::nullopt;
    }
    const int status = part.value(QStringLiteral("status")).toInt();
    if (status != 200) {
        *why << QCoreApplication::translate("pgha::Drift", "%1: HTTP %2").arg(key).arg(status);
        return std::nullopt;
    }
    return part.value(QStringLiteral("body")).toString().toUtf8();
}

} // namespace

Result<ObservedHost> parse(const QString &hostName, const QByteArray &json)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error{QCoreApplication::translate("pgha::Drift", "%1: the probe's answer is not JSON (%2 at offset %3)")
                         .arg(hostName, pe.errorString())
                         .arg(pe.offset)};
    const QJsonObject root = doc.object();
    ObservedHost h;
    h.name = hostName;
    h.reachable = true;
    QStringList why;

    const QJsonObject files = root.value(QStringLiteral("files")).toObject();
    for (auto it = files.begin(); it != files.end(); ++it) {
        ObservedFile f;
        if (it.value().isObject()) {
            const QJsonObject o = it.value().toObject();
            f.error = o.value(QStringLiteral("error")).toString();
            f.present = f.error.isEmpty();
            f.sha256 = o.value(QStringLiteral("sha256")).toString();
            f.mode = o.value(QStringLiteral("mode")).toString();
            f.owner = o.value(QStringLiteral("owner")).toString();
        }
        h.files.insert(it.key(), f);
    }

    if (root.contains(QStringLiteral("pg_settings"))) {
        const QJsonObject s = root.value(QStringLiteral("pg_settings")).toObject();
        if (s.contains(QStringLiteral("error"))) {
            h.settingsError = s.value(QStringLiteral("error")).toString();
        } else {
            h.hasSettings = true;
            for (const QJsonValue &row : s.value(QStringLiteral("rows")).toArray()) {
                const QJsonArray a = row.toArray();
                if (a.size() < 5)
                    continue;
                PgSetting p;
                p.setting = a.at(1).toString();
                p.unit = a.at(2).toString();
                p.context = a.at(3).toString();
                p.pendingRestart = a.at(4).toBool();
                h.settings.insert(a.at(0).toString(), p);
            }
        }
    }
    if (const auto b = body(root, QStringLiteral("patroni"), &why)) {
        const Result<PatroniParser::NodeStatus> n = PatroniParser::parseNode(*b);
        if (n.ok()) {
            h.hasNode = true;
            h.role = n->role;
            h.pendingRestart = n->pendingRestart;
            h.patroniVersion = n->version;
        } else {
            why << n.error().message;
        }
    }
    if (root.contains(QStringLiteral("pg_package"))) {
        const QJsonObject p = root.value(QStringLiteral("pg_package")).toObject();
        h.postgresPackageVersion = p.value(QStringLiteral("version")).toString();
        h.postgresPackageError = p.value(QStringLiteral("error")).toString();
    }
    if (const auto b = body(root, QStringLiteral("config"), &why)) {
        const Result<QJsonObject> c = PatroniParser::parseConfig(*b);
        if (c.ok()) {
            h.hasConfig = true;
            h.config = c.value();
        } else {
            why << c.error().message;
        }
    }
    if (const auto b = body(root, QStringLiteral("cluster"), &why)) {
        const Result<PatroniParser::ClusterInfo> c = PatroniParser::parseCluster(*b);
        if (c.ok()) {
            h.hasCluster = true;
            h.members = c->members;
        } else {
            why << c.error().message;
        }
    }
    if (const auto b = body(root, QStringLiteral("etcd"), &why)) {
        const Result<QList<EtcdParser::Member>> m = EtcdParser::parseMemberList(*b);
        if (m.ok()) {
            h.hasEtcd = true;
            h.etcdMembers = m.value();
        } else {
            why << m.error().message;
        }
    }
    if (const auto b = body(root, QStringLiteral("haproxy"), &why)) {
        const Result<QList<HaproxyPool>> p = HaproxyStatsParser::parse(*b);
        if (p.ok()) {
            h.hasHaproxy = true;
            h.pools = p.value();
        } else {
            why << p.error().message;
        }
    }
    if (root.contains(QStringLiteral("haproxy")) && root.value(QStringLiteral("haproxy")).toObject().contains(QStringLiteral("error")))
        h.haproxyDown = true;  // no HTTP status at all: nothing listens on the stats port
    // /etc/hosts.pgha: "address name" lines between the cluster's markers; comments and blank lines skipped.
    const QJsonValue hostsFile = root.value(QStringLiteral("hosts_file"));
    if (hostsFile.isObject() && hostsFile.toObject().contains(QStringLiteral("text"))) {
        h.hasListedHosts = true;
        const QStringList lines = hostsFile.toObject().value(QStringLiteral("text")).toString().split(QLatin1Char('\n'));
        for (const QString &l : lines) {
            const QStringList w = l.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (w.size() >= 2 && !w.first().startsWith(QLatin1Char('#')))
                h.listedHosts << qMakePair(w.at(1), w.at(0));
        }
    } else if (hostsFile.isNull() && root.contains(QStringLiteral("hosts_file"))) {
        h.hasListedHosts = true;  // the file is absent: it lists nobody
    }
    h.error = why.join(QStringLiteral("; "));
    return h;
}

} // namespace pgha::DriftProbeParser
