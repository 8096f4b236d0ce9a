#pragma once

#include "LabCluster.h"
#include "LabFixture.h"

#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

// The load every lab test that changes a running cluster keeps up: a writer inserting one row per connection
// through HAProxy's port 5000 and a reader through 5001, while a program (pgha apply, ...) runs; afterwards
// every acknowledged row must be in the table. Header-only, for the e2e tests.
class LabLoad
{
public:
    struct Result
    {
        int writes = 0;
        int wfail = 0;
        int reads = 0;
        int rfail = 0;
        double refusedSec = 0;  // total time from a failed write to the next acknowledged one
        QList<int> acked;
        QStringList errors;     // "at SECONDS s: " (since the program started) and psql's message
        QStringList readFrom;   // what each successful read returned (the reader's query)
    };

    // TABLE(id int primary key) must exist. READSQL: the reader's query through 5001.
    LabLoad(const LabFixture &lab, const LabCluster &cluster, const QString &table,
            const QString &readSql = QStringLiteral("select 1"))
        : m_lab(lab), m_cluster(cluster), m_table(table), m_readSql(readSql)
    {
    }

    // Called once per writer/reader round while the program runs (e.g. to sample the cluster's members).
    void setTick(std::function<void()> tick) { m_tick = std::move(tick); }

    // Runs PROGRAM ARGS (stdin: INPUT, else /dev/null) while the writer and the reader go on; after it exits,
    // writes go on until three in a row are acknowledged. RUN gets its output, exit code and seconds.
    Result run(const QString &program, const QStringList &args, LabCluster::Run *run, const QByteArray &input = {},
               const QProcessEnvironment &env = QProcessEnvironment())
    {
        Result l;
        QProcess p;
        p.setProcessEnvironment(env.isEmpty() ? m_lab.environment() : env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (input.isEmpty())
            p.setStandardInputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(program, args);
        p.waitForStarted(10000);
        if (!input.isEmpty()) {
            p.write(input);
            p.closeWriteChannel();
        }
        qint64 failSince = -1;
        int okInARow = 0;
        bool running = true;
        while (t.elapsed() < 600000) {
            const int id = m_nextId++;
            const LabCluster::Run w = m_cluster.psql(5000, QStringLiteral("insert into %1 values (%2)").arg(m_table).arg(id), 2);
            ++l.writes;
            if (w.code == 0) {
                l.acked << id;
                ++okInARow;
                if (failSince >= 0) {
                    l.refusedSec += (t.elapsed() - failSince) / 1000.0;
                    failSince = -1;
                }
            } else {
                ++l.wfail;
                okInARow = 0;
                if (failSince < 0)
                    failSince = t.elapsed();
                l.errors << QStringLiteral("at %1 s: ").arg(t.elapsed() / 1000.0, 0, 'f', 1) + QString::fromUtf8(w.out).trimmed();
            }
            const LabCluster::Run r = m_cluster.psql(5001, m_readSql, 2);
            ++l.reads;
            if (r.code == 0)
                l.readFrom << QString::fromUtf8(r.out);
            else
                ++l.rfail;
            if (running && m_tick)
                m_tick();
            if (running && (p.state() == QProcess::NotRunning || p.waitForFinished(0))) {
                running = false;
                run->seconds = t.elapsed() / 1000.0;
            }
            if (!running && okInARow >= 3)
                break;
        }
        if (p.state() != QProcess::NotRunning)
            p.waitForFinished(600000);
        run->out = p.readAll();
        run->code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return l;
    }

    // How many acknowledged rows are missing (read through the primary port); -1 when the table cannot be read.
    int lost(const Result &l) const
    {
        const LabCluster::Run ids = m_cluster.psql(5000, QStringLiteral("select string_agg(id::text, ',') from %1").arg(m_table));
        return ids.code == 0 ? LabCluster::lostRows(ids.out, l.acked) : -1;
    }

    static QString text(const Result &l)
    {
        return QStringLiteral("writer through 5000: %1 attempts, %2 acknowledged, %3 refused (%4 s); reader through 5001: "
                              "%5 reads, %6 failed")
            .arg(l.writes)
            .arg(l.acked.size())
            .arg(l.wfail)
            .arg(l.refusedSec, 0, 'f', 1)
            .arg(l.reads)
            .arg(l.rfail);
    }

private:
    const LabFixture &m_lab;
    const LabCluster &m_cluster;
    QString m_table;
    QString m_readSql;
    int m_nextId = 1;
    std::function<void()> m_tick;
};
