#pragma once

#include "core/util/Result.h"
#include "deploy/DeployJournal.h"

#include <QString>

namespace pgha {

struct Topology;

// The journals of the day-2 operations, one place for the CLI and the GUI (docs/backups.md, docs/day2.md): a run
// started by one is resumed by the other.
//
// `pgha backup` / `pgha restore` (verb "backup", "restore"): the file given, or <data location>/clusters/<cluster>/
// VERB.journal.json (the cluster's folder is created 0700 when missing).
Result<DeployJournal> loadOperationJournal(const Topology &topology, const QString &verb, const QString &path = {});

// `pgha apply`: apply.journal.json beside the deploy's journal (the one given, else the default one).
QString applyJournalPath(const Topology &topology, const QString &deployJournal = {});

} // namespace pgha
