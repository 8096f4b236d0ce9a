#pragma once

#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Finding.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <optional>

namespace pgha::cli {

// Parses a command's arguments; on --help prints and returns 0 in *exitCode, on error prints and returns 2.
// Returns true when the command should go on.
bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int *exitCode);

// Loads FILE (a path, or template:NAME) and prints the loader's warnings to stderr.
// Prints the error and returns nullopt when it cannot. With positions, also where each field stands.
std::optional<Topology> loadProjectArg(const QString &arg, QHash<QString, FieldPosition> *positions = nullptr);

// "FILE:LINE:COLUMN: FIELD" for a finding about a field the loader placed; empty when unknown.
QString findingLocation(const QString &file, const QHash<QString, FieldPosition> &positions, const Finding &f);

// One finding as pgha-findings/1 spells it (rule, severity, subject, message, fix, quick_fix); validate and lint.
QJsonObject findingJson(const Finding &f);

// Prints the error findings to stderr ("error [rule] subject: message", then "    at: FILE:LINE:COLUMN: FIELD"
// where known) and returns how many there were.
int printErrors(const QString &file, const QHash<QString, FieldPosition> &positions, const Findings &findings);

// Secrets from --secrets FILE (mode 0600 required), then PGHA_* environment variables, then generated.
// Prints on stderr which were generated. nullopt (error printed) when the secrets file is refused.
std::optional<Secrets> resolveSecrets(const QString &secretsFile);

// With TLS on: issues what the secrets lack for the design (ClusterTls::fillMissing) and stores it back into
// secretsFile when one was given, so that the next run uses the same certificates. false (error printed) when a
// supplied CA cannot issue what is missing or the file cannot be written.
bool fillTls(const Topology &topology, Secrets *secrets, const QString &secretsFile);

} // namespace pgha::cli
