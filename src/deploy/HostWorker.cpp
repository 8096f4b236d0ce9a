#include "deploy/HostWorker.h"

#include "deploy/DeployPlan.h"
#include "core/util/ShellQuote.h"
#include "deploy/SshError.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>

namespace pgha {

namespace {

QString tail(const QByteArray &text, int lines = 6)
{
    QStringList l = QString::fromUtf8(text).trimmed().split(QLatin1Char('\n'));
    if (l.size() > lines)
        l = l.mid(l.size() - lines);
    return l.join(QStringLiteral(" | "));
}

QString failure(const ExecResult &r)
{
    if (r.error)
        return r.error->message;
    const QString detail = tail(r.err.isEmpty() ? r.out : r.err);
    return QCoreApplication::translate("pgha::Deploy", "exit code %1%2").arg(r.exitCode).arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
}

} // namespace

HostWorker::HostWorker(SshTarget target, SshPrompter *prompter, const std::atomic_bool *cancel, SessionFactory factory)
    : m_target(std::move(target)), m_prompter(prompter), m_cancel(cancel), m_factory(std::move(factory))
{
}

HostWorker::~HostWorker() = default;

void HostWorker::log(const QString &line)
{
    emit logLine(m_target.hostName, line);
}

HostWorker::OpResult HostWorker::ensureConnected()
{
    if (m_session && m_session->isConnected())
        return {};
    if (!m_session)
        m_session = m_factory(m_target, m_prompter, m_cancel);
    log(QCoreApplication::translate("pgha::Deploy", "connecting to %1@%2 port %3").arg(m_target.user, m_target.address).arg(m_target.port));
    if (const auto e = m_session->connect())
        return {false, false, e->message, int(e->kind)};
    log(QCoreApplication::translate("pgha::Deploy", "connected, host key %1").arg(m_session->serverFingerprint()));
    return {};
}

ExecResult HostWorker::run(const QString &script, const QByteArray &input, int timeoutSec)
{
    ExecResult r = m_session->run(script, input, timeoutSec);
    if (r.error && r.error->kind == SshError::Kind::Channel && !cancelled()) {
        // The connection dropped (sshd restarted, network blip): one new session, one retry.
        log(QCoreApplication::translate("pgha::Deploy", "connection lost (%1), reconnecting").arg(r.error->message));
        m_session->disconnect();
        if (!ensureConnected().ok)
            return r;
        r = m_session->run(script, input, timeoutSec);
    }
    return r;
}

void HostWorker::runStep(const DeployStep &step)
{
    const auto finish = [&](StepOutcome o, const QString &msg, int kind = -1) {
        emit stepFinished(step.id, o, msg, kind);
    };
    if (cancelled())
        return finish(StepOutcome::Cancelled, QStringLiteral("cancelled"));
    const OpResult c = ensureConnected();
    if (!c.ok)
        return finish(cancelled() ? StepOutcome::Cancelled : StepOutcome::Failed, c.message, c.errorKind);
    if (!step.probe.isEmpty()) {
        const ExecResult p = run(step.probe, {}, 60);
        if (p.error)
            return finish(StepOutcome::Failed, QCoreApplication::translate("pgha::Deploy", "state check failed: ") + p.error->message, int(p.error->kind));
        if (p.exitCode == 0)
            return finish(StepOutcome::Unchanged, QCoreApplication::translate("pgha::Deploy", "already done"));
    }
    bool changed = false;
    QStringList notes;
    for (const DeployOp &op : step.ops) {
        if (cancelled())
            return finish(StepOutcome::Cancelled, QStringLiteral("cancelled"));
        const OpResult r = runOp(op);
        if (!r.ok && !cancelled() && r.errorKind < 0 && !op.diagnose.isEmpty())
            logDiagnosis(op);
        if (!r.ok)
            return finish(cancelled() ? StepOutcome::Cancelled : StepOutcome::Failed,
                          op.title + QStringLiteral(": ") + r.message, r.errorKind);
        changed = changed || r.changed;
        if (!r.message.isEmpty())
            notes << r.message;
    }
    finish(changed ? StepOutcome::Changed : StepOutcome::Unchanged, notes.join(QStringLiteral("; ")));
}

void HostWorker::logDiagnosis(const DeployOp &op)
{
    const ExecResult d = run(op.diagnose, {}, 30);
    if (d.error) {
        log(QCoreApplication::translate("pgha::Deploy", "could not read the service log: %1").arg(d.error->message));
        return;
    }
    for (const QString &line : QString::fromUtf8(d.out + d.err).trimmed().split(QLatin1Char('\n')))
        log(QStringLiteral("  | ") + line);
}

HostWorker::OpResult HostWorker::runOp(const DeployOp &op)
{
    switch (op.kind) {
    case DeployOp::Kind::Run: {
        log(op.title);
        const ExecResult r = run(op.script, op.input, op.timeoutSec);
        if (!r.ok())
            return {false, false, failure(r), r.error ? int(r.error->kind) : -1};
        return {true, true, QString(), -1};
    }
    case DeployOp::Kind::CheckHost: {
        const ExecResult r = run(op.script, {}, 60);
        if (!r.ok())
            return {false, false, failure(r), r.error ? int(r.error->kind) : -1};
        const QStringList problems = evaluateHostCheck(op.check, r.out);
        if (!problems.isEmpty())
            return {false, false, problems.join(QStringLiteral("; ")), -1};
        QString init;
        QString os;
        for (const QByteArray &l : r.out.split('\n')) {
            if (l.startsWith("init="))
                init = QString::fromUtf8(l.mid(5));
            else if (l.startsWith("os_id="))
                os = QString::fromUtf8(l.mid(6));
        }
        return {true, false, QCoreApplication::translate("pgha::Deploy", "%1, services via %2").arg(os, init), -1};
    }
    case DeployOp::Kind::WriteFiles:
        return writeFiles(op);
    case DeployOp::Kind::WaitFor:
        return waitFor(op);
    }
    return {false, false, QCoreApplication::translate("pgha::Deploy", "unknown operation"), -1};
}

HostWorker::OpResult HostWorker::writeFiles(const DeployOp &op)
{
    // One round trip for the state of every file: sha256, mode and owner, or "absent".
    QStringList paths;
    for (const FileToWrite &f : op.files)
        paths << f.path;
    const ExecResult st = run(
        QStringLiteral("for f in %1; do if [ -f \"$f\" ]; then echo \"$(sha256sum <\"$f\" | cut -d' ' -f1) "
                       "$(stat -c '%a %U' \"$f\")\"; else echo absent; fi; done")
            .arg(shellJoin(paths)),
        {}, 60);
    if (!st.ok())
        return {false, false, failure(st), st.error ? int(st.error->kind) : -1};
    const QList<QByteArray> lines = st.out.split('\n');
    int written = 0;
    int fixed = 0;
    int same = 0;
    for (int i = 0; i < op.files.size(); ++i) {
        if (cancelled())
            return {false, written + fixed > 0, QStringLiteral("cancelled"), int(SshError::Kind::Cancelled)};
        const FileToWrite &f = op.files.at(i);
        const QList<QByteArray> fields = i < lines.size() ? lines.at(i).split(' ') : QList<QByteArray>{};
        const QByteArray want = QCryptographicHash::hash(f.content, QCryptographicHash::Sha256).toHex();
        const QString mode = QString::number(f.mode, 8);
        const QString p = shellQuote(f.path);
        if (fields.size() >= 3 && fields.at(0) == want) {
            if (QString::fromLatin1(fields.at(1)) == mode && QString::fromUtf8(fields.at(2)) == f.owner) {
                ++same;
                continue;
            }
            const ExecResult r = run(QStringLiteral("chmod %1 %2 && chown %3: %2").arg(mode, p, shellQuote(f.owner)));
            if (!r.ok())
                return {false, true, f.path + QStringLiteral(": ") + failure(r), r.error ? int(r.error->kind) : -1};
            log(QCoreApplication::translate("pgha::Deploy", "%1: same content, mode/owner set to %2 %3").arg(f.path, mode, f.owner));
            ++fixed;
            continue;
        }
        // Temporary file beside the target (mktemp: 0600 from the start), then rename: never half a file;
        // an existing different file is kept as <name>.pgha-<UTC timestamp>.bak first.
        const QString script = QStringLiteral("set -e\np=%1\nmkdir -p \"$(dirname \"$p\")\"\n"
                                   "if [ -e \"$p\" ]; then b=\"$p.pgha-$(date -u +%Y%m%dT%H%M%SZ).bak\"; "
                                   "cp -p \"$p\" \"$b\"; echo \"kept the old file as $b\"; fi\n"
                                   "t=$(mktemp \"$p.pgha-tmp.XXXXXX\")\n"
                                   "cat >\"$t\"\nchmod %2 \"$t\"\nchown %3: \"$t\"\nmv -f \"$t\" \"$p\"%4")
                                   .arg(p, mode, shellQuote(f.owner),
                                        f.service.isEmpty() ? QString()
                                                            : QStringLiteral("\nmkdir -p /run/pgha && touch %1")
                                                                  .arg(shellQuote(changedMarker(f.service))));
        const ExecResult r = run(script, f.content, 60);
        if (!r.ok())
            return {false, written > 0, f.path + QStringLiteral(": ") + failure(r), r.error ? int(r.error->kind) : -1};
        log(QCoreApplication::translate("pgha::Deploy", "wrote %1 (%2 bytes, mode %3, owner %4)%5")
                .arg(f.path)
                .arg(f.content.size())
                .arg(mode, f.owner,
                     r.out.trimmed().isEmpty() ? QString() : QStringLiteral("; ") + QString::fromUtf8(r.out.trimmed())));
        ++written;
    }
    return {true, written + fixed > 0,
            QStringLiteral("%1 written, %2 fixed, %3 identical").arg(written).arg(fixed).arg(same), -1};
}

HostWorker::OpResult HostWorker::waitFor(const DeployOp &op)
{
    log(QStringLiteral("waiting: %1").arg(op.title));
    QElapsedTimer t;
    t.start();
    QString lastProgress;
    for (;;) {
        const ExecResult r = run(op.script, op.input, 15);
        if (r.error && r.error->kind != SshError::Kind::Timeout)
            return {false, false, r.error->message, int(r.error->kind)};
        QString progress;
        if (!r.error && evaluateWait(op, r.exitCode, r.out + r.err, &progress)) {
            log(QCoreApplication::translate("pgha::Deploy", "ready after %1 s: %2").arg(t.elapsed() / 1000.0, 0, 'f', 1).arg(progress));
            return {true, false, QCoreApplication::translate("pgha::Deploy", "ready after %1 s").arg(t.elapsed() / 1000.0, 0, 'f', 1), -1};
        }
        if (progress != lastProgress && !progress.isEmpty()) {
            log(QStringLiteral("  ... %1").arg(progress));
            lastProgress = progress;
        }
        if (t.elapsed() > qint64(op.timeoutSec) * 1000) {
            const QString last = progress.isEmpty() ? QCoreApplication::translate("pgha::Deploy", "no answer") : progress;
            // Where to look: the journal on systemd hosts, the direct start's log files otherwise.
            const ExecResult init = run(QStringLiteral("[ -d /run/systemd/system ]"), {}, 10);
            QString message;
            if (!init.error && init.exitCode == 0 && !op.service.isEmpty())
                message = QCoreApplication::translate("pgha::Deploy", "not ready after %1 s (last: %2); see journalctl -u %3 on the host")
                              .arg(op.timeoutSec)
                              .arg(last, op.service);
            else if (!init.error && init.exitCode == 0)
                message = QCoreApplication::translate("pgha::Deploy", "not ready after %1 s (last: %2); see the services' journal on the host (journalctl)")
                              .arg(op.timeoutSec)
                              .arg(last);
            else
                message = QCoreApplication::translate("pgha::Deploy", "not ready after %1 s (last: %2); see the service logs under /var/log on the host")
                              .arg(op.timeoutSec)
                              .arg(last);
            return {false, false, message, -1};
        }
        for (int i = 0; i < 2 && !cancelled(); ++i)
            QThread::msleep(50);  // a worker thread: sleeping here never stalls the GUI
        if (cancelled())
            return {false, false, QStringLiteral("cancelled"), int(SshError::Kind::Cancelled)};
    }
}

} // namespace pgha
