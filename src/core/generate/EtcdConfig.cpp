#include "core/generate/EtcdConfig.h"

#include "core/generate/ExtraMerge.h"
#include "core/generate/GenUtil.h"
#include "core/model/ExtraGrammar.h"
#include "core/model/Platform.h"
#include "core/pki/ClusterTls.h"

#include <QRegularExpression>

namespace pgha::EtcdConfig {

namespace {
QByteArray generatedEnvFile(const Topology &topology, const Host &host);
} // namespace

QList<QPair<QString, QString>> settings(const Topology &topology, const Host &host)
{
    const EtcdSettings &e = topology.cluster.etcd;
    const QString peer = GenUtil::serviceUrl(topology, host.address, e.peerPort);
    const QString client = GenUtil::serviceUrl(topology, host.address, e.clientPort);
    // Local tools (etcdctl, a colocated Patroni) may use 127.0.0.1; a host that already is a loopback
    // address (the lab) must not, or every member on the machine would fight over 127.0.0.1:2379.
    QString listenClient = client;
    if (!GenUtil::isLoopbackAddress(host.address))
        listenClient += QLatin1Char(',') + GenUtil::serviceUrl(topology, QStringLiteral("127.0.0.1"), e.clientPort);

    return {
        {QStringLiteral("name"), host.name},
        {QStringLiteral("data-dir"), Platform::etcdDataDir()},
        {QStringLiteral("listen-peer-urls"), peer},
        {QStringLiteral("listen-client-urls"), listenClient},
        {QStringLiteral("initial-advertise-peer-urls"), peer},
        {QStringLiteral("advertise-client-urls"), client},
        {QStringLiteral("initial-cluster"), GenUtil::etcdInitialCluster(topology)},
        {QStringLiteral("initial-cluster-token"), GenUtil::etcdToken(topology)},
        {QStringLiteral("initial-cluster-state"), QStringLiteral("new")},
        // Off by default when read from a config file (etcd 3.4); Patroni's etcd3 client needs it.
        {QStringLiteral("enable-grpc-gateway"), QStringLiteral("true")},
        // Patroni uses the v3 API (etcd3:); v2 is a separate keyspace nobody should write to by mistake.
        {QStringLiteral("enable-v2"), QStringLiteral("false")},
    };
}

QList<QPair<QString, QString>> tlsSettings(const Topology &topology)
{
    if (!GenUtil::tls(topology))
        return {};
    // One certificate for both sides: its serverAuth serves clients and peers, its clientAuth the peer
    // connections and etcd's own gRPC gateway (which fails without it: "incompatible key usage").
    return {
        {QStringLiteral("cert-file"), ClusterTls::certPath()},
        {QStringLiteral("key-file"), ClusterTls::etcdKeyPath()},
        {QStringLiteral("trusted-ca-file"), ClusterTls::caPath()},
        {QStringLiteral("client-cert-auth"), QStringLiteral("true")},
    };
}

QByteArray yaml(const Topology &topology, const Host &host)
{
    QByteArray out = GenUtil::header(QStringLiteral("etcd member %1 of cluster %2 (etcd --config-file)")
                                         .arg(host.name, topology.cluster.name));
    for (const auto &kv : settings(topology, host)) {
        const bool isBool = kv.second == QLatin1String("true") || kv.second == QLatin1String("false");
        const QString v = isBool ? kv.second : GenUtil::yamlString(kv.second);
        out += (kv.first + QStringLiteral(": ") + v + QLatin1Char('\n')).toUtf8();
    }
    // cluster.extra / hosts[].extra by their YAML key: numbers and booleans bare (etcd reads them typed), the rest
    // as YAML strings.
    static const QRegularExpression typed(QStringLiteral("^(-?[0-9]{1,18}|true|false)$"));
    const auto extra = ExtraMerge::etcd(topology, host, ExtraMerge::generatedEtcdNames(generatedEnvFile(topology, host)), nullptr);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        const QString v = typed.match(it.value()).hasMatch() ? it.value() : GenUtil::yamlString(it.value());
        out += (ExtraGrammar::etcdYamlKey(it.key()) + QStringLiteral(": ") + v + QLatin1Char('\n')).toUtf8();
    }
    const auto tlsKv = tlsSettings(topology);
    if (!tlsKv.isEmpty()) {
        // etcd 3.4 reads TLS only from these nested mappings; the same keys at the top level are silently
        // ignored and etcd exits ("KeyFile and CertFile are not presented").
        for (const char *side : {"client-transport-security", "peer-transport-security"}) {
            out += QByteArray(side) + ":\n";
            for (const auto &kv : tlsKv) {
                const bool isBool = kv.second == QLatin1String("true");
                const QString v = isBool ? kv.second : GenUtil::yamlString(kv.second);
                out += (QStringLiteral("  ") + kv.first + QStringLiteral(": ") + v + QLatin1Char('\n')).toUtf8();
            }
        }
    }
    return out;
}

namespace {

// The environment file as the design alone generates it.
QByteArray generatedEnvFile(const Topology &topology, const Host &host)
{
    QByteArray out = GenUtil::header(
        QStringLiteral("etcd member %1 of cluster %2 (environment file read by the OS package's etcd.service)")
            .arg(host.name, topology.cluster.name));
    for (const auto &kv : settings(topology, host)) {
        QString key = kv.first.toUpper();
        key.replace(QLatin1Char('-'), QLatin1Char('_'));
        out += (QStringLiteral("ETCD_") + key + QLatin1Char('=') + GenUtil::envValue(kv.second) + QLatin1Char('\n')).toUtf8();
    }
    for (const char *prefix : {"ETCD_", "ETCD_PEER_"}) {
        for (const auto &kv : tlsSettings(topology)) {
            QString key = kv.first.toUpper();
            key.replace(QLatin1Char('-'), QLatin1Char('_'));
            out += (QLatin1String(prefix) + key + QStringLiteral("=\"") + kv.second + QStringLiteral("\"\n")).toUtf8();
        }
    }
    return out;
}

} // namespace

QByteArray envFile(const Topology &topology, const Host &host)
{
    QByteArray out = generatedEnvFile(topology, host);
    // cluster.extra / hosts[].extra: names the design does not set, values checked and escaped.
    const auto extra = ExtraMerge::etcd(topology, host, ExtraMerge::generatedEtcdNames(out), nullptr);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        out += (it.key() + QLatin1Char('=') + GenUtil::envValue(it.value()) + QLatin1Char('\n')).toUtf8();
    return out;
}

QList<GeneratedFile> files(const Topology &topology, const Host &host)
{
    if (!host.has(Role::Etcd))
        return {};
    return {
        GenUtil::makeFile(host.name, Platform::etcdConfigYamlPath(), yaml(topology, host), 0644, FileSyntax::Yaml),
        GenUtil::makeFile(host.name, Platform::etcdEnvFilePath(host.os), envFile(topology, host), 0644,
                          FileSyntax::Ini),
    };
}

} // namespace pgha::EtcdConfig
