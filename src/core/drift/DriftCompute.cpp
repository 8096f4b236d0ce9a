#include "core/drift/DriftCompute.h"

#include "core/drift/EtcdDrift.h"
#include "core/generate/GenUtil.h"
#include "core/drift/HaproxyDrift.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace pgha {

namespace {


// A YAML scalar as the JSON value Patroni stores for it: quoted stays text, plain true/false a boolean, plain
// digits a number.
QJsonValue scalarValue(const YAML::Node &n)
{
    const QString text = QString::fromStdString(n.Scalar());
    if (n.Tag() == "!")
        return text;
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    bool ok = false;
    const qint64 i = text.toLongLong(&ok);
    if (ok)
        return double(i);
    const double d = text.toDouble(&ok);
    if (ok)
        return d;
    return text;
}

QJsonValue yamlToJson(const YAML::Node &n)
{
    if (n.IsMap()) {
        QJsonObject o;
        for (const auto &kv : n)
            o.insert(QString::fromStdString(kv.first.Scalar()), yamlToJson(kv.second));
        return o;
    }
    if (n.IsSequence()) {
        QJsonArray a;
        for (const auto &e : n)
            a.append(yamlToJson(e));
        return a;
    }
    if (n.IsScalar())
        return scalarValue(n);
    return QJsonValue();
}

// "32MB" -> (32, "MB"); false when not a number with an optional unit.
bool splitNumber(const QString &text, double *value, QString *unit)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    *value = m.captured(1).toDouble();
    *unit = m.captured(2);
    return true;
}

// Bytes or microseconds per unit, as PostgreSQL reads them ("8kB" is pg_settings' block unit); 0 = unknown.
double unitFactor(const QString &unit)
{
    static const QMap<QString, double> f = {
        {QStringLiteral("B"), 1}, {QStringLiteral("kB"), 1024}, {QStringLiteral("8kB"), 8192},
        {QStringLiteral("16kB"), 16384}, {QStringLiteral("MB"), 1024.0 * 1024}, {QStringLiteral("16MB"), 16.0 * 1024 * 1024},
        {QStringLiteral("GB"), 1024.0 * 1024 * 1024}, {QStringLiteral("TB"), 1024.0 * 1024 * 1024 * 1024},
        {QStringLiteral("us"), 1}, {QStringLiteral("ms"), 1000}, {QStringLiteral("s"), 1e6},
        {QStringLiteral("min"), 60e6}, {QStringLiteral("h"), 3600e6}, {QStringLiteral("d"), 86400e6}};
    return unit.isEmpty() ? 1 : f.value(unit, 0);
}

bool isTimeUnit(const QString &u)
{
    return u == QLatin1String("us") || u == QLatin1String("ms") || u == QLatin1String("s") || u == QLatin1String("min")
        || u == QLatin1String("h") || u == QLatin1String("d");
}

QString boolWord(const QString &s)
{
    const QString l = s.trimmed().toLower();
    if (l == QLatin1String("on") || l == QLatin1String("true") || l == QLatin1String("yes"))
        return QStringLiteral("on");
    if (l == QLatin1String("off") || l == QLatin1String("false") || l == QLatin1String("no"))
        return QStringLiteral("off");
    return {};
}

QString settingText(const PgSetting &s)
{
    return s.unit.isEmpty() ? s.setting : s.setting + QLatin1Char(' ') + s.unit;
}

DriftItem item(DriftItem::Area area, DriftItem::Fix fix, const QString &host, const QString &key, const QString &design,
               const QString &actual, const QString &note = {})
{
    DriftItem i;
    i.area = area;
    i.fix = fix;
    i.host = host;
    i.key = key;
    i.design = design;
    i.actual = actual;
    i.note = note;
    return i;
}

const QString kParamPrefix = QStringLiteral("postgresql.parameters.");

} // namespace

QMap<QString, QJsonValue> flattenJson(const QJsonObject &object, const QString &prefix)
{
    QMap<QString, QJsonValue> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject() && !it.value().toObject().isEmpty())
            out.insert(flattenJson(it.value().toObject(), key));
        else
            out.insert(key, it.value());
    }
    return out;
}

QString jsonValueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == std::floor(d) && std::fabs(d) < 9e15 ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::String: return v.toString();
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    }
    return {};
}

bool sameSetting(const QString &design, const PgSetting &actual)
{
    const QString d = design.trimmed();
    const QString bd = boolWord(d);
    const QString ba = boolWord(actual.setting);
    if (!bd.isEmpty() || !ba.isEmpty())
        return bd == ba;
    double dv = 0, av = 0;
    QString du, au;
    if (splitNumber(d, &dv, &du) && splitNumber(actual.setting, &av, &au) && au.isEmpty()) {
        const double af = unitFactor(actual.unit);
        const double df = du.isEmpty() ? af : unitFactor(du);
        if (af == 0 || df == 0)
            return false;
        if (!du.isEmpty() && !actual.unit.isEmpty() && isTimeUnit(du) != isTimeUnit(actual.unit))
            return false;
        const double a = av * af;
        const double b = dv * df;
        return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
    }
    QString unq = d;
    if (unq.size() >= 2 && unq.startsWith(QLatin1Char('\'')) && unq.endsWith(QLatin1Char('\'')))
        unq = unq.mid(1, unq.size() - 2);
    return unq.compare(actual.setting, Qt::CaseInsensitive) == 0;
}

bool sameDynamicValue(const QString &key, const QJsonValue &design, const QJsonValue &actual)
{
    const QString d = jsonValueText(design);
    const QString a = jsonValueText(actual);
    if (key.startsWith(kParamPrefix)) {
        if (actual.isUndefined() || actual.isNull())
            return design.isUndefined() || design.isNull();
        PgSetting s;
        s.setting = a;
        double v = 0;
        QString u;
        if (splitNumber(a, &v, &u) && !u.isEmpty()) {
            s.setting = QString::number(v, 'g', 17);
            s.unit = u;
        }
        return sameSetting(d, s);
    }
    if (design.type() != actual.type()) {
        // Patroni keeps what it was given: "10" and 10 are the same setting, true and "true" too.
        return d.compare(a, Qt::CaseInsensitive) == 0;
    }
    return d == a;
}

DriftDesign driftDesign(const Topology &topology, const QList<ExpectedFile> &files)
{
    DriftDesign d;
    d.files = files;
    for (const Host &h : topology.hosts) {
        d.hosts << h.name;
        if (h.has(Role::Postgres))
            d.pgHosts << h.name;
        if (h.has(Role::Etcd)) {
            d.etcdHosts << h.name;
            d.etcdPeerUrls.insert(h.name, GenUtil::serviceUrl(topology, h.address, topology.cluster.etcd.peerPort));
        }
        if (h.has(Role::HAProxy))
            d.haproxyHosts << h.name;
    }
    d.parameters = PatroniConfig::postgresParameters(topology);
    d.patroniVersion = topology.cluster.patroni.version;
    d.patroniPip = topology.cluster.patroni.install == PatroniInstall::Pip;
    d.postgresPackageVersion = topology.cluster.postgres.packageVersion;
    for (const Host &h : topology.hosts) {
        if (!h.has(Role::Postgres))
            continue;
        // The generator's own bootstrap.dcs: what a fresh cluster would start with (passwords play no part).
        const QByteArray yaml = PatroniConfig::yaml(topology, Secrets(), h);
        try {
            const YAML::Node root = YAML::Load(yaml.toStdString());
            const YAML::Node dcs = root["bootstrap"]["dcs"];
            if (dcs && dcs.IsMap())
                d.dcs = flattenJson(yamlToJson(dcs).toObject());
        } catch (const YAML::Exception &) {
            // The generator's own output always parses (tests/golden); an empty expectation shows as drift.
        }
        break;
    }
    return d;
}

DriftReport computeDrift(const DriftDesign &design, const QList<ObservedHost> &observed)
{
    DriftReport r;
    r.hosts = design.hosts;
    QMap<QString, const ObservedHost *> byName;
    for (const ObservedHost &o : observed)
        byName.insert(o.name, &o);

    // Reachability.
    for (const QString &h : design.hosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable) {
            r.unreachable << h;
            r.items << item(DriftItem::Area::Topology, DriftItem::Fix::Manual, h, QCoreApplication::translate("pgha::Drift", "host"), QCoreApplication::translate("pgha::Drift", "present"),
                            QCoreApplication::translate("pgha::Drift", "unreachable"), o ? o->error : QCoreApplication::translate("pgha::Drift", "not probed"));
        }
    }

    // 1. Files: content, then mode and owner.
    for (const ExpectedFile &f : design.files) {
        const ObservedHost *o = byName.value(f.host);
        if (!o || !o->reachable)
            continue;
        const ObservedFile of = o->files.value(f.path);
        DriftItem i = item(DriftItem::Area::File, DriftItem::Fix::RewriteFile, f.host, f.path, {}, {});
        i.service = f.service;
        if (!of.error.isEmpty()) {
            i.design = QCoreApplication::translate("pgha::Drift", "sha256 %1").arg(f.sha256.left(12));
            i.actual = QCoreApplication::translate("pgha::Drift", "unreadable");
            i.note = of.error;
        } else if (!of.present) {
            i.design = QCoreApplication::translate("pgha::Drift", "sha256 %1").arg(f.sha256.left(12));
            i.actual = QCoreApplication::translate("pgha::Drift", "absent");
        } else if (of.sha256 != f.sha256) {
            i.design = QCoreApplication::translate("pgha::Drift", "sha256 %1").arg(f.sha256.left(12));
            i.actual = QCoreApplication::translate("pgha::Drift", "sha256 %1").arg(of.sha256.left(12));
            i.note = QCoreApplication::translate("pgha::Drift", "content differs");
        } else if (of.mode != f.mode || of.owner != f.owner) {
            i.design = f.mode + QLatin1Char(' ') + f.owner;
            i.actual = of.mode + QLatin1Char(' ') + of.owner;
            i.note = QCoreApplication::translate("pgha::Drift", "mode or owner differs");
            i.service.clear();  // nothing to re-read
        } else {
            continue;
        }
        r.items << i;
    }

    // The cluster's view: the first PostgreSQL host that answered /cluster and /config.
    const ObservedHost *clusterView = nullptr;
    const ObservedHost *configView = nullptr;
    QMap<QString, QString> contexts;  // parameter -> pg_settings context, from any member
    for (const QString &h : design.pgHosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable)
            continue;
        if (!clusterView && o->hasCluster)
            clusterView = o;
        if (!configView && o->hasConfig)
            configView = o;
        for (auto it = o->settings.begin(); it != o->settings.end(); ++it)
            contexts.insert(it.key(), it->context);
    }
    auto restartNeeded = [&contexts](const QString &key) {
        return key.startsWith(kParamPrefix) && contexts.value(key.mid(kParamPrefix.size())) == QLatin1String("postmaster");
    };

    // 2. Patroni's dynamic configuration against the design's bootstrap.dcs.
    if (!design.pgHosts.isEmpty()) {
        if (!configView) {
            r.items << item(DriftItem::Area::Dynamic, DriftItem::Fix::Manual, {}, QStringLiteral("/config"),
                            QCoreApplication::translate("pgha::Drift", "readable"), QCoreApplication::translate("pgha::Drift", "no member answered"));
        } else {
            const QMap<QString, QJsonValue> live = flattenJson(configView->config);
            QSet<QString> keys;
            for (auto it = design.dcs.begin(); it != design.dcs.end(); ++it)
                keys.insert(it.key());
            for (auto it = live.begin(); it != live.end(); ++it)
                keys.insert(it.key());
            QStringList sorted(keys.begin(), keys.end());
            sorted.sort();
            for (const QString &k : std::as_const(sorted)) {
                const QJsonValue dv = design.dcs.value(k, QJsonValue(QJsonValue::Undefined));
                const QJsonValue lv = live.value(k, QJsonValue(QJsonValue::Undefined));
                if (lv.isNull() && dv.isUndefined())
                    continue;
                if (!dv.isUndefined() && !lv.isUndefined() && sameDynamicValue(k, dv, lv))
                    continue;
                DriftItem i = item(DriftItem::Area::Dynamic, DriftItem::Fix::PatchConfig, {}, k, jsonValueText(dv),
                                   jsonValueText(lv));
                if (dv.isUndefined())
                    i.note = QCoreApplication::translate("pgha::Drift", "in the cluster, not in the design: removed");
                i.needsRestart = restartNeeded(k);
                if (i.needsRestart)
                    i.note = QCoreApplication::translate("pgha::Drift", "takes effect at a restart (rolling)");
                r.items << i;
            }
        }
    }

    // 3. Running values on each PostgreSQL host.
    for (const QString &h : design.pgHosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable)
            continue;
        if (!o->hasSettings) {
            r.items << item(DriftItem::Area::Running, DriftItem::Fix::Manual, h, QStringLiteral("pg_settings"),
                            QCoreApplication::translate("pgha::Drift", "readable"), QCoreApplication::translate("pgha::Drift", "unreadable"), o->settingsError);
            continue;
        }
        QSet<QString> reported;
        for (auto it = design.parameters.begin(); it != design.parameters.end(); ++it) {
            if (!o->settings.contains(it.key()))
                continue;  // not a parameter of this server version (a rule reports it)
            const PgSetting &s = o->settings.value(it.key());
            if (sameSetting(it.value(), s) && !s.pendingRestart)
                continue;
            const bool restart = s.context == QLatin1String("postmaster");
            DriftItem i = item(DriftItem::Area::Running, restart ? DriftItem::Fix::RollingRestart : DriftItem::Fix::Reload,
                               h, kParamPrefix + it.key(), it.value(), settingText(s));
            i.needsRestart = restart;
            i.note = s.pendingRestart ? QCoreApplication::translate("pgha::Drift", "pending restart") : restart ? QCoreApplication::translate("pgha::Drift", "takes effect at a restart") : QCoreApplication::translate("pgha::Drift", "takes effect at a reload");
            r.items << i;
            reported.insert(it.key());
        }
        for (auto it = o->settings.begin(); it != o->settings.end(); ++it) {
            if (!it->pendingRestart || reported.contains(it.key()))
                continue;
            DriftItem i = item(DriftItem::Area::Running, DriftItem::Fix::RollingRestart, h, kParamPrefix + it.key(), {},
                               settingText(*it), QCoreApplication::translate("pgha::Drift", "pending restart"));
            i.needsRestart = true;
            r.items << i;
        }
    }

    // 3b. Versions: the Patroni release that runs, the PostgreSQL package installed.
    addVersionDrift(design, byName, &r);

    // 4. Topology: Patroni members, etcd members, HAProxy backends.
    if (clusterView) {
        QSet<QString> seen;
        int designReplicasRunning = 0;  // replicas of the design that run: what a removal leaves
        for (const MemberState &m : clusterView->members) {
            seen.insert(m.name);
            if (m.isLeader())
                r.leader = m.name;
            else
                r.replicas << qMakePair(m.name, m.state);
            if (design.pgHosts.contains(m.name) && !m.isLeader() && m.isRunning())
                ++designReplicasRunning;
        }
        for (const MemberState &m : clusterView->members) {
            if (!design.pgHosts.contains(m.name)) {
                // Scale in: a replica leaves (RemoveMember); never the leader, never the last replica.
                DriftItem i = item(DriftItem::Area::Topology, DriftItem::Fix::RemoveMember, m.name,
                                   QCoreApplication::translate("pgha::Drift", "Patroni member"), {}, m.role + QLatin1Char(' ') + m.state,
                                   QCoreApplication::translate("pgha::Drift", "in the cluster, not in the design: removed (data kept)"));
                i.address = m.host;
                if (m.isLeader()) {
                    i.fix = DriftItem::Fix::Manual;
                    i.note = QCoreApplication::translate("pgha::Drift", "the leader is not removed: switch over to a member of the design first");
                } else if (designReplicasRunning < 1) {
                    i.fix = DriftItem::Fix::Manual;
                    i.note = QCoreApplication::translate("pgha::Drift", "not removed: the cluster would be left without a running replica");
                } else if (m.host.isEmpty()) {
                    i.fix = DriftItem::Fix::Manual;
                    i.note = QCoreApplication::translate("pgha::Drift", "not removed: /cluster gives no address for it");
                }
                r.items << i;
            } else if (!m.isRunning()) {
                r.items << item(DriftItem::Area::Topology, DriftItem::Fix::Manual, m.name, QCoreApplication::translate("pgha::Drift", "Patroni member"),
                                QCoreApplication::translate("pgha::Drift", "running"), m.state);
            }
        }
        for (const QString &h : design.pgHosts) {
            if (seen.contains(h))
                continue;
            // Scale out: a database-only host joins as a replica (AddMember); its own file and setting items are
            // part of that, not separate fixes. A new etcd member is not planned here.
            DriftItem i = item(DriftItem::Area::Topology, DriftItem::Fix::AddMember, h, QCoreApplication::translate("pgha::Drift", "Patroni member"),
                               QCoreApplication::translate("pgha::Drift", "member"), {},
                               QCoreApplication::translate("pgha::Drift", "in the design, not in the cluster: joins as a replica"));
            if (design.etcdHosts.contains(h)) {
                i.fix = DriftItem::Fix::Manual;
                i.note = QCoreApplication::translate("pgha::Drift", "in the design, not in the cluster; also a new etcd member: give it the etcd role alone first");
            } else if (r.unreachable.contains(h)) {
                i.fix = DriftItem::Fix::Manual;
                i.note = QCoreApplication::translate("pgha::Drift", "in the design, not in the cluster; unreachable");
            } else if (r.leader.isEmpty()) {
                i.fix = DriftItem::Fix::Manual;
                i.note = QCoreApplication::translate("pgha::Drift", "in the design, not in the cluster; no leader to copy from");
            } else {
                for (DriftItem &own : r.items)
                    if (own.host == h && (own.area == DriftItem::Area::File || own.area == DriftItem::Area::Running))
                        own.fix = DriftItem::Fix::AddMember;
            }
            r.items << i;
        }
        if (r.leader.isEmpty())
            r.items << item(DriftItem::Area::Topology, DriftItem::Fix::Manual, {}, QCoreApplication::translate("pgha::Drift", "Patroni leader"), QCoreApplication::translate("pgha::Drift", "one"),
                            QCoreApplication::translate("pgha::Drift", "none"));
    } else if (!design.pgHosts.isEmpty()) {
        r.items << item(DriftItem::Area::Topology, DriftItem::Fix::Manual, {}, QStringLiteral("/cluster"), QCoreApplication::translate("pgha::Drift", "readable"),
                        QCoreApplication::translate("pgha::Drift", "no member answered"));
    }
    const ObservedHost *etcdView = nullptr;
    for (const QString &h : design.etcdHosts) {
        const ObservedHost *o = byName.value(h);
        if (o && o->reachable && o->hasEtcd) {
            etcdView = o;
            break;
        }
    }
    addEtcdMemberDrift(design, etcdView, &r);
    const QStringList haproxyAdding = haproxyScaleDrift(design, byName, etcdView, clusterView, &r);
    for (const QString &h : design.haproxyHosts) {
        const ObservedHost *o = byName.value(h);
        if (!o || !o->reachable || haproxyAdding.contains(h))
            continue;
        if (!o->hasHaproxy) {
            r.items << item(DriftItem::Area::Topology, DriftItem::Fix::Manual, h, QCoreApplication::translate("pgha::Drift", "HAProxy backends"), QCoreApplication::translate("pgha::Drift", "readable"),
                            QCoreApplication::translate("pgha::Drift", "unreadable"), o->error);
            continue;
        }
        for (const HaproxyPool &p : o->pools) {
            if (p.kind != QLatin1String("primary") && p.kind != QLatin1String("replica"))
                continue;
            QStringList servers;
            for (const HaproxyServerState &s : p.servers)
                servers << s.name;
            QStringList want = design.pgHosts;
            QStringList have = servers;
            want.sort();
            have.sort();
            if (want != have) {
                // Its haproxy.cfg written again and HAProxy's seamless reload bring the backends in line.
                DriftItem i = item(DriftItem::Area::Topology, DriftItem::Fix::RewriteFile, h,
                                   QCoreApplication::translate("pgha::Drift", "HAProxy backend %1").arg(p.name), want.join(QLatin1Char(',')),
                                   have.join(QLatin1Char(',')));
                i.service = QStringLiteral("haproxy");
                r.items << i;
            }
        }
    }
    return r;
}

} // namespace pgha
