#include "core/lint/LintLoader.h"

#include "core/parse/EnvFileParser.h"
#include "core/parse/HaproxyCfgParser.h"
#include "core/parse/YamlConfigParser.h"
#include "core/util/YamlGuard.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pgha::LintLoader {

namespace {

bool looksLikeHaproxy(const QString &path, const QString &text)
{
    static const QRegularExpression section(QStringLiteral("^\\s*(global|defaults|listen|frontend|backend)(\\s|$)"),
                                            QRegularExpression::MultilineOption);
    return path.endsWith(QLatin1String(".cfg")) || section.match(text).hasMatch();
}

bool looksLikeEtcdEnv(const QString &text)
{
    static const QRegularExpression env(QStringLiteral("^\\s*ETCD_[A-Z0-9_]+\\s*="), QRegularExpression::MultilineOption);
    return env.match(text).hasMatch();
}

bool hasAnyTopKey(const ConfigFile &f, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        if (f.has(QString::fromLatin1(k)))
            return true;
    }
    return false;
}

} // namespace

Result<void> add(const QString &path, const QByteArray &bytes, LintInputs *in)
{
    const QString text = QString::fromUtf8(bytes);
    if (looksLikeHaproxy(path, text)) {
        Result<HaproxyCfg> cfg = HaproxyCfgParser::parse(bytes, path);
        if (!cfg.ok())
            return cfg.error();
        in->haproxy << cfg.value();
        return {};
    }
    if (looksLikeEtcdEnv(text)) {
        Result<ConfigFile> env = EnvFileParser::parse(bytes, path);
        if (!env.ok())
            return env.error();
        in->etcd << env.value();
        in->etcd.last().text = bytes;
        return {};
    }
    Result<ConfigFile> yaml = YamlConfigParser::parse(bytes, path);
    if (!yaml.ok())
        return yaml.error();
    if (hasAnyTopKey(yaml.value(), {"scope", "restapi", "postgresql", "bootstrap", "etcd", "etcd3"})) {
        in->patroni << yaml.value();
        in->patroni.last().text = bytes;
    } else if (hasAnyTopKey(yaml.value(), {"initial-cluster", "listen-client-urls", "advertise-client-urls",
                                           "listen-peer-urls", "data-dir"})) {
        in->etcd << yaml.value();
        in->etcd.last().text = bytes;
    } else {
        return Error(QCoreApplication::translate("pgha::Lint", "not a Patroni, etcd or HAProxy configuration file"), path);
    }
    return {};
}

Result<LintInputs> load(const QStringList &paths)
{
    LintInputs in;
    if (paths.isEmpty())
        return Error(QCoreApplication::translate("pgha::Lint", "no file given"));
    for (const QString &path : paths) {
        Result<QByteArray> bytes = YamlGuard::readBounded(path);
        if (!bytes.ok())
            return bytes.error();
        if (Result<void> r = add(path, bytes.value(), &in); !r.ok())
            return r.error();
    }
    return in;
}

} // namespace pgha::LintLoader
