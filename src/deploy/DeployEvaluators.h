#pragma once

#include "deploy/DeployStep.h"

#include <QByteArray>
#include <QStringList>

// The output evaluators of the deploy plan (split from DeployPlan.cpp: phases there, dry-run rendering in
// DeployPlanText.cpp, judging a host's answers here). Pure: tested in tests/deploy/test_deployplan.cpp.
namespace pgha {

// Judges a CheckHost op's output against the check: the problems, empty when the host is fit.
QStringList evaluateHostCheck(const HostCheck &check, const QByteArray &output);
// Judges a WaitFor op's output: true when the awaited state is reached.
bool evaluateWait(const DeployOp &op, int exitCode, const QByteArray &output, QString *progress = nullptr);

} // namespace pgha
