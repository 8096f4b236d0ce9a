// The small readers LintMapper.h declares next to map(): host:port, etcd settings in either form, Patroni's etcd
// endpoints, pg_hba lines, YAML booleans. Shared by the mapper (LintMapper.cpp) and the file rules.
#include "core/lint/LintMapper.h"

#include "core/util/Net.h"

#include <QRegularExpression>
#include <QUrl>

namespace pgha::LintMapper {

void splitHostPort(const QString &text, QString *host, int *port)
{
    QString t = text.trimmed();
    *port = 0;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        *host = t.mid(1, close - 1);
        if (close >= 0 && t.mid(close + 1).startsWith(QLatin1Char(':')))
            *port = t.mid(close + 2).toInt();
        return;
    }
    const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || t.count(QLatin1Char(':')) > 1) {  // no port, or a bare IPv6 address
        *host = t;
        return;
    }
    *host = t.left(colon);
    *port = t.mid(colon + 1).toInt();
    if (*host == QLatin1String("*"))
        host->clear();
}

const ConfigEntry *etcdEntry(const ConfigFile &file, const QString &yamlKey)
{
    if (const ConfigEntry *e = file.find(yamlKey))
        return e;
    const QString env = QStringLiteral("ETCD_") + QString(yamlKey).replace(QLatin1Char('-'), QLatin1Char('_')).toUpper();
    return file.find(env);
}

QString patroniEtcdSection(const ConfigFile &patroni)
{
    if (patroni.has(QStringLiteral("etcd3")))
        return QStringLiteral("etcd3");
    if (patroni.has(QStringLiteral("etcd")))
        return QStringLiteral("etcd");
    return {};
}

QStringList patroniEtcdEndpoints(const ConfigFile &patroni)
{
    const QString s = patroniEtcdSection(patroni);
    if (s.isEmpty())
        return {};
    QStringList out;
    const auto addText = [&](const QString &text) {
        for (QString part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            part = part.trimmed();
            if (part.contains(QLatin1String("://")))
                part = QUrl(part).authority();
            if (!part.isEmpty())
                out << part;
        }
    };
    for (const char *key : {"host", "url", "proxy"})
        addText(patroni.value(s + QLatin1Char('.') + QLatin1String(key)));
    const QString hosts = s + QStringLiteral(".hosts");
    if (const ConfigEntry *e = patroni.find(hosts)) {
        if (e->scalar)
            addText(e->value);
        for (const ConfigEntry *c : patroni.children(hosts))
            addText(c->value);
    }
    return out;
}

HbaRule hbaRuleFromLine(const QString &line, QString *options)
{
    const QStringList w = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    HbaRule r;
    r.type = w.value(0);
    r.database = w.value(1);
    r.user = w.value(2);
    const bool local = r.type == QLatin1String("local");
    r.address = local ? QString() : w.value(3);
    r.method = w.value(local ? 3 : 4);
    if (options)
        *options = w.mid(local ? 4 : 5).join(QLatin1Char(' '));
    return r;
}

bool yamlBool(const QString &text, bool fallback)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("on") || t == QLatin1String("yes") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("off") || t == QLatin1String("no") || t == QLatin1String("0"))
        return false;
    return fallback;
}

} // namespace pgha::LintMapper
