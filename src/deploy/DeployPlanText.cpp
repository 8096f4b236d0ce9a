// DeployPlan's renderings: a step by id, the fingerprint a journal resumes by, and the dry run's text.
#include "deploy/DeployPlan.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace pgha {

const DeployStep *DeployPlan::step(const QString &id) const
{
    for (const DeployStep &s : steps)
        if (s.id == id)
            return &s;
    return nullptr;
}

QString DeployPlan::fingerprint() const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const DeployStep &s : steps) {
        h.addData(s.id.toUtf8());
        h.addData(s.probe.toUtf8());
        for (const DeployOp &op : s.ops) {
            h.addData(op.script.toUtf8());
            h.addData(op.input);
            for (const FileToWrite &f : op.files) {
                h.addData(f.path.toUtf8());
                h.addData(f.content);
                h.addData(QByteArray::number(f.mode));
            }
        }
    }
    return QString::fromLatin1(h.result().toHex());
}

QString DeployPlan::dryRunText() const
{
    QString out;
    for (const DeployStep &s : steps) {
        out += QStringLiteral("== [%1] %2 (%3)%4\n")
                   .arg(s.host, s.title, s.id,
                        s.deps.isEmpty() ? QString() : QStringLiteral(" after: ") + s.deps.join(QStringLiteral(", ")));
        if (!s.probe.isEmpty())
            out += QCoreApplication::translate("pgha::Deploy", "   check (exit 0 = already done, nothing to do):\n") + QStringLiteral("     $ ")
                + QString(s.probe).replace(QLatin1Char('\n'), QStringLiteral("\n       ")) + QLatin1Char('\n');
        for (const DeployOp &op : s.ops) {
            out += QStringLiteral("   - %1").arg(op.title);
            if (op.kind == DeployOp::Kind::WaitFor)
                out += QCoreApplication::translate("pgha::Deploy", " (poll until ready, at most %1 s)").arg(op.timeoutSec);
            out += QLatin1Char('\n');
            if (op.kind == DeployOp::Kind::WriteFiles) {
                for (const FileToWrite &f : op.files) {
                    // A file with secrets shows neither content nor digest: a hash of a short password file
                    // is a dictionary attack's oracle.
                    if (f.secret)
                        out += QStringLiteral("     file %1 mode %2 owner %3 size %4 (holds secrets: content and sha256 "
                                              "not shown)\n")
                                   .arg(f.path, QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')), f.owner,
                                        QString::number(f.content.size()));
                    else
                        out += QCoreApplication::translate("pgha::Deploy", "     file %1 mode %2 owner %3 size %4 sha256 %5%6\n")
                                   .arg(f.path, QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')), f.owner,
                                        QString::number(f.content.size()),
                                        QString::fromLatin1(QCryptographicHash::hash(f.content, QCryptographicHash::Sha256).toHex()),
                                        QString());
                    if (!f.secret) {
                        QString body = QString::fromUtf8(f.content);
                        if (body.endsWith(QLatin1Char('\n')))
                            body.chop(1);
                        out += QStringLiteral("       | ") + body.replace(QLatin1Char('\n'), QStringLiteral("\n       | "))
                            + QLatin1Char('\n');
                    }
                }
                out += QCoreApplication::translate("pgha::Deploy", "     (an identical file is left alone; a different one is first kept as "
                                      "<name>.pgha-<UTC timestamp>.bak; written as a temporary file, then renamed)\n");
                continue;
            }
            out += QStringLiteral("     $ ") + QString(op.script).replace(QLatin1Char('\n'), QStringLiteral("\n       "))
                + QLatin1Char('\n');
            if (!op.input.isEmpty())
                out += QCoreApplication::translate("pgha::Deploy", "     stdin: %1 (%2 bytes, not shown)\n").arg(op.inputNote).arg(op.input.size());
            if (!op.diagnose.isEmpty())
                out += QCoreApplication::translate("pgha::Deploy", "     on failure, the log shows: $ ") + op.diagnose + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace pgha
