#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QMap>
#include <QSet>
#include <QString>

namespace pgha {

// The record of deploy runs on the controlling machine (JSON, written atomically after every step).
// A run that did not finish is resumed by the next run of the same plan: its completed steps are skipped.
class DeployJournal
{
public:
    struct Entry
    {
        QString outcome;  // stepOutcomeKey()
        QString message;
        QString at;       // UTC, ISO 8601
    };

    // A missing file is an empty journal; an unreadable one is an error.
    static Result<DeployJournal> load(const QString &path);
    Result<void> save() const;
    // The same in two halves, so that the write (an fsync) can happen off the GUI thread (JournalWriter).
    QByteArray toJson() const;
    static Result<void> writeFile(const QString &path, const QByteArray &json);

    QString path() const { return m_path; }
    // Starts a run of the plan with this fingerprint. Returns true when it resumes an unfinished run of the
    // same plan (its completed steps count as done), false for a fresh run.
    bool beginRun(const QString &fingerprint);
    bool isDone(const QString &stepId) const;
    void record(const QString &stepId, const QString &outcome, const QString &message);
    void finishRun(bool complete);
    bool lastRunComplete() const { return m_complete; }
    const QMap<QString, Entry> &steps() const { return m_steps; }

    // Data directories this tool created ("pgdata:node1", "etcd:node2"): not foreign on the next run.
    QSet<QString> ownedData() const { return m_owned; }
    void addOwnedData(const QString &key) { m_owned.insert(key); }

private:
    QString m_path;
    QString m_fingerprint;
    bool m_complete = true;
    QString m_started;
    QMap<QString, Entry> m_steps;
    QSet<QString> m_owned;
};

} // namespace pgha
