#pragma once

#include "core/lint/LintTypes.h"
#include "core/model/Topology.h"

#include <QStringList>

// pgha import's last step (issue 9 item 2): what the members' files hold that the imported design does not generate
// is kept verbatim as extra settings (cluster.extra / hosts[].extra, docs/project-file.md), never dropped. Each file
// is compared with what the design generates for its host: patroni.yml key by key (new keys anywhere become
// extra.patroni), haproxy.cfg's global and defaults lines (extra.haproxy), etcd's names (extra.etcd). A setting
// found the same on every host of its role (and read from each) goes to cluster.extra, else to the host's.
// What cannot be kept is listed in *unmapped with the reason: a value the design generates differently (the
// design's own key says otherwise), a setting failing the extra grammars, a section extra does not take. Secrets
// (passwords, authentication, key material) are neither kept nor listed by value.
namespace pgha::ExtraImport {

void fill(const LintInputs &files, Topology *topology, QStringList *kept, QStringList *unmapped);

} // namespace pgha::ExtraImport
