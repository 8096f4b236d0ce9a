#pragma once

#include "core/util/Result.h"

#include <QString>

// The one data location the CLI and the GUI share, so that a deploy started in one is resumed by the other and
// the monitor finds the passwords the deploy generated (issue 12):
//
//   <GenericDataLocation>/pgha/                      base()        (~/.local/share/pgha on Linux)
//     clusters/<cluster.name>/                       clusterDir()
//       secrets.yaml                                 secretsFile() (mode 0600; passwords the deploy generated)
//       deploy.journal.json                          journalFile() (the deploy's resume file)
//
// The cluster name is checked against a strict grammar before any path is built from it: 1-63 characters from
// letters, digits, '_', '-' and '.', not starting with '.', so that no name can leave the clusters folder.
namespace pgha::DataPaths {

QString base();
bool isValidClusterName(const QString &clusterName);
Result<QString> clusterDir(const QString &clusterName);
Result<QString> secretsFile(const QString &clusterName);
Result<QString> journalFile(const QString &clusterName);
// clusterDir(), created when missing with mode 0700 (it holds secrets).
Result<QString> ensureClusterDir(const QString &clusterName);

} // namespace pgha::DataPaths
