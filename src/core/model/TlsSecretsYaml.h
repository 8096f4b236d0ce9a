#pragma once

#include "core/model/Secrets.h"

#include <QString>

namespace YAML {
class Node;
class Emitter;
} // namespace YAML

namespace pgha::TlsSecretsYaml {

// The "tls:" section of the secrets file. Every PEM is checked on load (a certificate must parse, a key must
// belong to its certificate) so that a broken paste fails here, naming the field, not on a host at start-up.
Result<TlsMaterial> read(const YAML::Node &node, const QString &path);
void write(YAML::Emitter &y, const TlsMaterial &tls);

} // namespace pgha::TlsSecretsYaml
