#pragma once

#include "core/lint/LintTypes.h"

// Real configuration files -> a design (Topology + Secrets) the designer's rules can judge, with the way back from
// every value to the file and line it came from. What the files do not say keeps the designer's defaults; a host
// whose address no file states gets a placeholder (MappedDesign::placeholderHosts).
namespace pgha::LintMapper {

MappedDesign map(const LintInputs &inputs, const LintOptions &options);

// Small readers shared with the file rules.
// "10.0.0.1:5432", "[fd00::1]:5432", "*:5000", ":8008" -> host ("" for none) and port (0 when absent).
void splitHostPort(const QString &text, QString *host, int *port);
// An etcd setting by its YAML key ("initial-cluster") in either form (YAML, or ETCD_INITIAL_CLUSTER).
const ConfigEntry *etcdEntry(const ConfigFile &file, const QString &yamlKey);
// Patroni's etcd section: "etcd3" or, failing that, "etcd" (empty when neither).
QString patroniEtcdSection(const ConfigFile &patroni);
// The host:port endpoints a Patroni etcd section lists (host, hosts as a list or comma-separated, url, proxy).
QStringList patroniEtcdEndpoints(const ConfigFile &patroni);
// A pg_hba line ("host all all 10.0.0.0/24 scram-sha-256 [options]") as an entry; the options after the method
// (clientcert=..., ...) in *options when given.
HbaRule hbaRuleFromLine(const QString &line, QString *options = nullptr);
// YAML booleans as Patroni reads them (true/false, on/off, yes/no).
bool yamlBool(const QString &text, bool fallback);

} // namespace pgha::LintMapper
