#pragma once

#include "core/drift/ObservedCluster.h"
#include "core/util/Result.h"

#include <QByteArray>

// The answer of `pgha diff`'s probe on one host (the Python script deploy/DriftCollector runs over SSH): one JSON
// object holding file states, pg_settings rows and the raw bodies of Patroni's, etcd's and HAProxy's answers,
// which go through their own parsers (PatroniParser, EtcdParser, HaproxyStatsParser).
namespace pgha::DriftProbeParser {

// {"files": {PATH: null | {"sha256", "mode", "owner"} | {"error"}},
//  "pg_settings": {"rows": [[name, setting, unit, context, pending_restart], ...]} | {"error"},
//  "patroni" | "config" | "cluster" | "etcd" | "haproxy": {"status": 200, "body": "..."} | {"error": "..."},
//  "hosts_file": null | {"text": "..."} | {"error": "..."}}  (/etc/hosts.pgha, read as text)
// A part that is missing or failed leaves its has* flag false (its error in ObservedHost::error/settingsError).
Result<ObservedHost> parse(const QString &hostName, const QByteArray &json);

} // namespace pgha::DriftProbeParser
