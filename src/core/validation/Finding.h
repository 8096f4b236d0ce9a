#pragma once

#include <QList>
#include <QString>

namespace pgha {

enum class Severity { Error, Warning, Info };
QString severityKey(Severity s);  // "error", "warning", "info"

// One thing the validator has to say about a design.
struct Finding
{
    QString ruleId;     // stable id, e.g. "etcd-quorum" (docs/validation-rules.md)
    Severity severity = Severity::Error;
    QString subject;    // what it concerns: "hosts/node2", "subnets/db", "cluster.patroni.ttl", "cluster"
    QString message;    // what is wrong, one sentence
    QString fix;        // what to do about it
    QString quickFix;   // id of a mechanical fix the GUI may offer (QuickFix.h), empty if none
    // The project-file field the finding is about, as the loader names it ("hosts[2].ssh.user",
    // "cluster.postgres.data_dir"), so that the CLI can print its file:line:column; empty if none.
    QString field;

    bool operator==(const Finding &o) const
    {
        return ruleId == o.ruleId && severity == o.severity && subject == o.subject && message == o.message
            && fix == o.fix && quickFix == o.quickFix && field == o.field;
    }
};

using Findings = QList<Finding>;

int countSeverity(const Findings &findings, Severity s);

} // namespace pgha
