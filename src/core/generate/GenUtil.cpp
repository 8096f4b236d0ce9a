#include "core/generate/GenUtil.h"

#include "core/model/Platform.h"


namespace pgha::GenUtil {

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// [A-Za-z_/][A-Za-z0-9_./@-]*, checked by hand: no shared QRegularExpression across generator threads.
bool plainSafe(const QString &v)
{
    if (v.isEmpty())
        return false;
    const QChar first = v.front();
    if (!isAsciiLetter(first) && first != QLatin1Char('_') && first != QLatin1Char('/'))
        return false;
    for (const QChar c : v) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != QLatin1Char('_') && c != QLatin1Char('.')
            && c != QLatin1Char('/') && c != QLatin1Char('@') && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

} // namespace

QString yamlString(const QString &value)
{
    // Plain only for a conservative alphabet that YAML 1.1 and 1.2 both read as this very string.
    static const char *const special[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"};
    bool plain = plainSafe(value);
    if (plain) {
        const QString lower = value.toLower();
        for (const char *sp : special)
            plain = plain && lower != QLatin1String(sp);
    }
    if (plain)
        return value;
    QString q = value;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString yamlParamValue(const QString &value)
{
    // Integers (no leading zero, at most 18 digits) stay plain; YAML reads them back as the same number.
    const int start = value.startsWith(QLatin1Char('-')) ? 1 : 0;
    const int digits = int(value.size()) - start;
    bool integer = digits >= 1 && digits <= 18 && !(digits > 1 && value.at(start) == QLatin1Char('0'))
        && !(start == 1 && value == QLatin1String("-0"));
    for (int i = start; integer && i < value.size(); ++i)
        integer = isAsciiDigit(value.at(i));
    return integer ? value : yamlString(value);
}

QString yamlBool(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

bool isIpv6(const QString &address)
{
    return address.contains(QLatin1Char(':'));
}

QString hostPort(const QString &address, int port)
{
    const QString a = isIpv6(address) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return a + QLatin1Char(':') + QString::number(port);
}

QString httpUrl(const QString &address, int port)
{
    return QStringLiteral("http://") + hostPort(address, port);
}

bool tls(const Topology &topology)
{
    return topology.cluster.security.tls;
}

QString urlScheme(const Topology &topology)
{
    return tls(topology) ? QStringLiteral("https") : QStringLiteral("http");
}

QString serviceUrl(const Topology &topology, const QString &address, int port)
{
    return urlScheme(topology) + QStringLiteral("://") + hostPort(address, port);
}

bool isLoopbackAddress(const QString &address)
{
    // Core stays free of Qt Network: textual test is enough for the literals the validator accepts.
    return address.startsWith(QLatin1String("127.")) || address == QLatin1String("::1");
}

QString hostCidr(const QString &address)
{
    return address + (isIpv6(address) ? QStringLiteral("/128") : QStringLiteral("/32"));
}

QString etcdToken(const Topology &topology)
{
    if (!topology.cluster.etcd.token.isEmpty())
        return topology.cluster.etcd.token;
    return topology.cluster.name + QStringLiteral("-etcd");
}

QString postgresDataDir(const Topology &topology, const Host &host)
{
    const PostgresSettings &pg = topology.cluster.postgres;
    if (!pg.dataDir.isEmpty())
        return pg.dataDir;
    return Platform::postgresDataDir(host.os, pg.distribution, pg.version);
}

QString postgresBinDir(const Topology &topology, const Host &host)
{
    const PostgresSettings &pg = topology.cluster.postgres;
    return Platform::postgresBinDir(host.os, pg.distribution, pg.version);
}

QString rolesText(const Host &host)
{
    QStringList r;
    for (Role role : allRoles()) {
        if (host.has(role))
            r << roleKey(role);
    }
    return r.isEmpty() ? QStringLiteral("no role") : r.join(QStringLiteral(", "));
}

QString etcdInitialCluster(const Topology &topology)
{
    QStringList parts;
    for (const Host *h : topology.hostsWith(Role::Etcd))
        parts << h->name + QLatin1Char('=') + serviceUrl(topology, h->address, topology.cluster.etcd.peerPort);
    return parts.join(QLatin1Char(','));
}

QStringList etcdClientHostPorts(const Topology &topology)
{
    QStringList out;
    for (const Host *h : topology.hostsWith(Role::Etcd))
        out << hostPort(h->address, topology.cluster.etcd.clientPort);
    return out;
}

QByteArray header(const QString &what, const QString &commentPrefix)
{
    const QString text = commentPrefix + QLatin1Char(' ') + what + QLatin1Char('\n') + commentPrefix
        + QStringLiteral(" Generated by PG HA Designer (pgha); edit the design and regenerate rather than this file.\n");
    return text.toUtf8();
}

GeneratedFile makeFile(const QString &host, const QString &path, const QByteArray &content, int mode,
                       FileSyntax syntax, bool secret)
{
    GeneratedFile f;
    f.host = host;
    f.path = path;
    f.content = content;
    f.mode = mode;
    f.syntax = syntax;
    f.secret = secret;
    return f;
}

QString shellQuote(const QString &value)
{
    QString q = value;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

} // namespace pgha::GenUtil
