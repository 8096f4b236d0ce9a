#include "core/model/TlsSecretsYaml.h"

#include "core/pki/Pki.h"

#include <yaml-cpp/yaml.h>

namespace pgha::TlsSecretsYaml {

namespace {

Error at(const YAML::Node &n, const QString &path, const QString &field, const QString &message)
{
    const YAML::Mark m = n.Mark();
    return Error(message, path, m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1, field);
}

Result<PemPair> readPair(const YAML::Node &n, const QString &path, const QString &field, bool keyOptional)
{
    if (!n.IsMap())
        return at(n, path, field, QStringLiteral("expected a mapping with cert and key"));
    PemPair p;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = it->first.Scalar();
        const QString f = field + QLatin1Char('.') + QString::fromStdString(key);
        if (key != "cert" && key != "key")
            return at(it->first, path, f, QStringLiteral("unknown key (expected cert or key)"));
        if (!it->second.IsScalar())
            return at(it->second, path, f, QStringLiteral("expected PEM text"));
        (key == "cert" ? p.certPem : p.keyPem) = QByteArray::fromStdString(it->second.Scalar());
    }
    if (p.certPem.isEmpty())
        return at(n, path, field + QStringLiteral(".cert"), QStringLiteral("a certificate is required"));
    const Result<Pki::CertInfo> info = Pki::inspect(p.certPem);
    if (!info.ok())
        return at(n, path, field + QStringLiteral(".cert"), info.error().message);
    if (p.keyPem.isEmpty()) {
        if (!keyOptional)
            return at(n, path, field + QStringLiteral(".key"), QStringLiteral("the private key is required"));
        return p;
    }
    const Result<void> match = Pki::checkKeyMatches(p.certPem, p.keyPem);
    if (!match.ok())
        return at(n, path, field + QStringLiteral(".key"), match.error().message);
    return p;
}

void writePair(YAML::Emitter &y, const PemPair &p)
{
    y << YAML::BeginMap;
    y << YAML::Key << "cert" << YAML::Value << YAML::Literal << p.certPem.toStdString();
    if (!p.keyPem.isEmpty())
        y << YAML::Key << "key" << YAML::Value << YAML::Literal << p.keyPem.toStdString();
    y << YAML::EndMap;
}

} // namespace

Result<TlsMaterial> read(const YAML::Node &node, const QString &path)
{
    TlsMaterial t;
    if (node.IsNull())
        return t;
    if (!node.IsMap())
        return at(node, path, QStringLiteral("tls"), QStringLiteral("expected a mapping (ca, admin, hosts)"));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        const QString f = QStringLiteral("tls.") + QString::fromStdString(key);
        if (key == "ca" || key == "admin") {
            Result<PemPair> p = readPair(it->second, path, f, key == "ca");
            if (!p.ok())
                return p.error();
            (key == "ca" ? t.ca : t.admin) = p.value();
        } else if (key == "hosts") {
            if (!it->second.IsMap())
                return at(it->second, path, f, QStringLiteral("expected a mapping of host names"));
            for (auto h = it->second.begin(); h != it->second.end(); ++h) {
                const QString name = QString::fromStdString(h->first.Scalar());
                Result<PemPair> p = readPair(h->second, path, f + QLatin1Char('.') + name, false);
                if (!p.ok())
                    return p.error();
                t.hosts.insert(name, p.value());
            }
        } else {
            return at(it->first, path, f, QStringLiteral("unknown key (expected ca, admin or hosts)"));
        }
    }
    if (!t.ca.certPem.isEmpty()) {
        const Result<Pki::CertInfo> ca = Pki::inspect(t.ca.certPem);
        if (ca.ok() && !ca->isCa)
            return at(node["ca"], path, QStringLiteral("tls.ca.cert"),
                      QStringLiteral("not a CA certificate (basicConstraints CA:TRUE missing)"));
    }
    return t;
}

void write(YAML::Emitter &y, const TlsMaterial &tls)
{
    y << YAML::BeginMap;
    if (!tls.ca.isEmpty()) {
        y << YAML::Key << "ca" << YAML::Value;
        writePair(y, tls.ca);
    }
    if (!tls.admin.isEmpty()) {
        y << YAML::Key << "admin" << YAML::Value;
        writePair(y, tls.admin);
    }
    if (!tls.hosts.isEmpty()) {
        y << YAML::Key << "hosts" << YAML::Value << YAML::BeginMap;
        for (auto it = tls.hosts.cbegin(); it != tls.hosts.cend(); ++it) {
            y << YAML::Key << it.key().toStdString() << YAML::Value;
            writePair(y, it.value());
        }
        y << YAML::EndMap;
    }
    y << YAML::EndMap;
}

} // namespace pgha::TlsSecretsYaml
