#include "core/model/Secrets.h"
#include "core/util/YamlGuard.h"

#include "core/model/TlsSecretsYaml.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace pgha::SecretStore {

namespace {

// Letters and digits plus a few punctuation marks that need no quoting in YAML, shell words,
// HAProxy's config or libpq connection strings.
constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";

struct Field
{
    const char *key;
    const char *env;
    QString Secrets::*member;
    bool password;          // filled from the CSPRNG when empty
    bool optional = false;  // written to the file only when set
};

const Field kFields[] = {
    {"superuser_password", "PGHA_SUPERUSER_PASSWORD", &Secrets::superuserPassword, true},
    {"replication_password", "PGHA_REPLICATION_PASSWORD", &Secrets::replicationPassword, true},
    {"rewind_password", "PGHA_REWIND_PASSWORD", &Secrets::rewindPassword, true},
    {"restapi_user", "PGHA_RESTAPI_USER", &Secrets::restApiUser, false},
    {"restapi_password", "PGHA_RESTAPI_PASSWORD", &Secrets::restApiPassword, true},
    {"haproxy_stats_user", "PGHA_HAPROXY_STATS_USER", &Secrets::haproxyStatsUser, false},
    {"haproxy_stats_password", "PGHA_HAPROXY_STATS_PASSWORD", &Secrets::haproxyStatsPassword, true},
    {"pooler_auth_password", "PGHA_POOLER_AUTH_PASSWORD", &Secrets::poolerAuthPassword, true},
    // Not generated: VRRP authentication is the design's choice (docs/vip.md).
    {"vip_password", "PGHA_VIP_PASSWORD", &Secrets::vipPassword, false, true},
};

} // namespace

QString generatePassword(int length)
{
    length = qMax(length, 24);
    const int n = int(sizeof(kAlphabet)) - 1;
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();  // the OS CSPRNG
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(kAlphabet[rng->bounded(n)]);
    return out;
}

void fillMissing(Secrets *secrets)
{
    for (const Field &f : kFields) {
        if (f.password && (secrets->*f.member).isEmpty())
            secrets->*f.member = generatePassword();
    }
}

void applyEnvironment(Secrets *secrets)
{
    for (const Field &f : kFields) {
        const QString v = qEnvironmentVariable(f.env);
        if (!v.isEmpty())
            secrets->*f.member = v;
    }
}

Result<Secrets> loadFile(const QString &path)
{
    QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("secrets file does not exist"), path};
#ifndef Q_OS_WIN
    const QFile::Permissions open = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & open)
        return Error{QStringLiteral("refused: the secrets file is readable by others; run chmod 600 on it"), path};
#endif
    const Result<QByteArray> data = YamlGuard::readBounded(path);
    if (!data.ok())
        return data.error();
    if (const Result<void> guard = YamlGuard::check(data.value(), path); !guard.ok())
        return guard.error();  // one document, no aliases, no duplicate keys
    Secrets s;
    try {
        const YAML::Node root = YAML::Load(data.value().toStdString());
        if (!root.IsMap())
            return Error{QStringLiteral("expected a mapping of secret names to values"), path, 1, 1};
        QSet<const Field *> seen;
        for (auto it = root.begin(); it != root.end(); ++it) {
            const std::string key = it->first.Scalar();
            if (key == "tls") {
                Result<TlsMaterial> tls = TlsSecretsYaml::read(it->second, path);
                if (!tls.ok())
                    return tls.error();
                s.tls = tls.value();
                continue;
            }
            const Field *field = nullptr;
            for (const Field &fl : kFields) {
                if (key == fl.key)
                    field = &fl;
            }
            const YAML::Mark m = it->first.Mark();
            if (!field)
                return Error{QStringLiteral("unknown key"), path, m.line + 1, m.column + 1,
                             QString::fromStdString(key)};
            // Two values for one password: which one the cluster ends up with would be a guess.
            if (seen.contains(field))
                return Error{QStringLiteral("key given twice"), path, m.line + 1, m.column + 1,
                             QString::fromStdString(key)};
            seen.insert(field);
            if (!it->second.IsScalar())
                return Error{QStringLiteral("expected a text value"), path, m.line + 1, m.column + 1,
                             QString::fromStdString(key)};
            s.*(field->member) = QString::fromStdString(it->second.Scalar());
        }
    } catch (const YAML::Exception &e) {
        return Error{QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg), path,
                     e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    }
    return s;
}

Result<void> saveFile(const Secrets &secrets, const QString &path)
{
    YAML::Emitter y;
    y << YAML::BeginMap;
    for (const Field &f : kFields) {
        if (f.optional && (secrets.*f.member).isEmpty())
            continue;
        y << YAML::Key << f.key << YAML::Value << YAML::SingleQuoted << (secrets.*f.member).toStdString();
    }
    if (!secrets.tls.isEmpty()) {
        y << YAML::Key << "tls" << YAML::Value;
        TlsSecretsYaml::write(y, secrets.tls);
    }
    y << YAML::EndMap;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write: ") + file.errorString(), path};
    // Owner-only before any byte is written.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QByteArray data("# PG HA Designer secrets. Keep this file private (mode 0600).\n");
    data += y.c_str();
    data += '\n';
    file.write(data);
    if (!file.commit())
        return Error{QStringLiteral("cannot write: ") + file.errorString(), path};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

} // namespace pgha::SecretStore
