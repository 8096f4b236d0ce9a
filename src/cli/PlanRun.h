#pragma once

#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"

#include <QString>

namespace pgha::cli {

// Runs a plan (deploy, certs renew) with the one runner and journal, printing each step; Ctrl-C cancels between
// steps. Returns the exit code: 0 done or nothing to do, 1 a step failed, 3 host key refused, 4 cancelled.
int runPlan(const DeployPlan &plan, const DeployJournal &journal);

// One line from the terminal after printing prompt on stderr (without echo for passwords).
QString readLineFromTerminal(const QString &prompt, bool echo);

} // namespace pgha::cli
