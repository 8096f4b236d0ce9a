#include "core/generate/GenUtil.h"

#include "core/model/Platform.h"
#include "core/util/ShellQuote.h"

#include <QDir>


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

bool isControl(QChar c)
{
    const ushort u = c.unicode();
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || u == 0xfeff;
}

QString yamlDoubleQuoted(const QString &value)
{
    QString q = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            q += QLatin1Char('\\');
            q += c;
        } else if (c == QLatin1Char('\n')) {
            q += QStringLiteral("\\n");
        } else if (c == QLatin1Char('\t')) {
            q += QStringLiteral("\\t");
        } else if (isControl(c)) {
            q += c.unicode() < 0x100 ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'))
                                     : QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            q += c;
        }
    }
    return q + QLatin1Char('"');
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if (isControl(c))
            return true;
    }
    return false;
}

bool isHbaPlain(const QString &s)
{
    if (s.isEmpty() || !((s.front() >= QLatin1Char('a') && s.front() <= QLatin1Char('z')) || s.front() == QLatin1Char('_')))
        return false;
    for (const QChar c : s) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || isAsciiDigit(c) || c == QLatin1Char('_')))
            return false;
    }
    static const char *const keywords[] = {"all", "sameuser", "samerole", "samegroup", "replication"};
    for (const char *k : keywords) {
        if (s == QLatin1String(k))
            return false;
    }
    return true;
}

} // namespace

QString commentText(const QString &value)
{
    QString out = value;
    for (QChar &c : out) {
        if (isControl(c))
            c = QLatin1Char('?');
    }
    return out;
}

QString envValue(const QString &value)
{
    QString q = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || c == QLatin1Char('$') || c == QLatin1Char('`')) {
            q += QLatin1Char('\\');
            q += c;
        } else {
            q += isControl(c) ? QLatin1Char(' ') : c;
        }
    }
    return q + QLatin1Char('"');
}

QString keepalivedWord(const QString &value)
{
    static const QString safe = QStringLiteral("_.:/+-");
    for (const QChar c : value) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !safe.contains(c))
            return QStringLiteral("pgha-invalid-value");
    }
    return value.isEmpty() ? QStringLiteral("pgha-invalid-value") : value;
}

QString haproxyWord(const QString &value)
{
    static const QString safe = QStringLiteral("_.:/@+-[]");
    bool plain = !value.isEmpty();
    for (const QChar c : value) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !safe.contains(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    // Strong quoting ('...': nothing inside is special, no $VAR expansion); what it cannot hold is escaped
    // between the quoted parts, which HAProxy joins into one word.
    QString out;
    bool open = false;
    for (const QChar c : value) {
        const bool special = c == QLatin1Char('\'') || isControl(c);
        if (special) {
            if (open) {
                out += QLatin1Char('\'');
                open = false;
            }
            if (c == QLatin1Char('\'')) {
                out += QStringLiteral("\\'");
            } else {
                for (const char b : QString(c).toUtf8())
                    out += QStringLiteral("\\x%1").arg(uchar(b), 2, 16, QLatin1Char('0'));
            }
        } else {
            if (!open) {
                out += QLatin1Char('\'');
                open = true;
            }
            out += c;
        }
    }
    if (open)
        out += QLatin1Char('\'');
    return out.isEmpty() ? QStringLiteral("''") : out;
}

QString hbaName(const QString &value)
{
    if (isHbaPlain(value))
        return value;
    // pg_hba.conf cannot quote '"' or a line break, and a trailing backslash continues a line (PostgreSQL 16):
    // such a name becomes one that matches no role, so the entry fails closed instead of meaning another name.
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\') || isControl(c))
            return QStringLiteral("\"pgha-invalid-name\"");
    }
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString hbaNameList(const QString &value, bool users)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','))) {
        if (part == QLatin1String("all")
            || (!users && (part == QLatin1String("sameuser") || part == QLatin1String("samerole")
                           || part == QLatin1String("samegroup") || part == QLatin1String("replication")))) {
            out << part;
        } else if (users && part.startsWith(QLatin1Char('+'))) {
            out << QLatin1Char('+') + hbaName(part.mid(1));
        } else {
            out << hbaName(part);
        }
    }
    return out.join(QLatin1Char(','));
}

QString conninfoValue(const QString &value)
{
    static const QString safe = QStringLiteral("_.:/@+-");
    bool plain = !value.isEmpty();
    for (const QChar c : value)
        plain = plain && (isAsciiLetter(c) || isAsciiDigit(c) || safe.contains(c));
    if (plain)
        return value;
    QString q = value;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    q.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString hbaWord(const QString &value)
{
    static const QString safe = QStringLiteral("_.:/-");
    bool ok = !value.isEmpty();
    for (const QChar c : value)
        ok = ok && (isAsciiLetter(c) || isAsciiDigit(c) || safe.contains(c));
    // Not a word: something PostgreSQL refuses (a type or method) or that matches no client (an address), never
    // a word glued together from the pieces ("tr ust" must not become trust).
    return ok ? value : QStringLiteral("pgha-invalid-value");
}

QString yamlString(const QString &value)
{
    if (hasControl(value))
        return yamlDoubleQuoted(value);
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
        return QDir::cleanPath(pg.dataDir);
    return Platform::postgresDataDir(host.os, pg.distribution, pg.version);
}

QString dataDirScript(const QString &dataDir)
{
    const QString dir = QDir::cleanPath(dataDir);
    // Parents from the top down; "/" and anything that exists (a directory, or a symlink to one) stay as they are.
    QStringList parents;
    for (qsizetype i = dir.indexOf(QLatin1Char('/'), 1); i > 0; i = dir.indexOf(QLatin1Char('/'), i + 1))
        parents << pgha::shellQuote(dir.left(i));
    QString s;
    if (!parents.isEmpty())
        s += QStringLiteral("for d in %1; do [ -d \"$d\" ] || install -d -o postgres -g postgres -m 0755 -- \"$d\"; done\n")
                 .arg(parents.join(QLatin1Char(' ')));
    s += QStringLiteral("install -d -o postgres -g postgres -m 0700 -- %1\n").arg(pgha::shellQuote(dir));
    return s;
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
    const QString text = commentPrefix + QLatin1Char(' ') + commentText(what) + QLatin1Char('\n') + commentPrefix
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

} // namespace pgha::GenUtil
