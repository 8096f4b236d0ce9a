#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/TargetOptions.h"

#include "monitor/ActionRequest.h"
#include "monitor/ActionRunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <unistd.h>

// The day-2 actions: switchover, failover, restart, reload, reinit, pause, resume (docs/cli.md).
namespace pgha::cli {

int action(const QString &name, const QStringList &args)
{
    ActionRequest req;
    if (!ActionRequest::kindFromKey(name, &req.kind)) {
        err() << "pgha: unknown action \"" << name << "\"\n";
        return 2;
    }
    using K = ActionRequest::Kind;
    QCommandLineParser p;
    TargetOptions t;
    t.addTo(p);
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The new leader (switchover, failover)."),
                                QStringLiteral("MEMBER"));
    const QCommandLineOption at(QStringLiteral("at"),
                                QStringLiteral("When (ISO 8601, e.g. 2026-12-01T03:00:00+00:00): switchover, restart."),
                                QStringLiteral("TIME"));
    const QCommandLineOption yes({QStringLiteral("y"), QStringLiteral("yes")},
                                 QStringLiteral("Do not ask for confirmation."));
    p.addOptions({to, at, yes});
    const bool takesMember = req.kind == K::Restart || req.kind == K::Reload || req.kind == K::Reinit;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (or use --url)."));
    if (takesMember)
        p.addPositionalArgument(QStringLiteral("MEMBER"), QStringLiteral("The member."));
    int code = 0;
    if (!parseArgs(p, name, args, &code))
        return code;
    QStringList pos = p.positionalArguments();
    // With --url a FILE is optional: it widens where the REST credentials may go (the design's members and
    // subnets). Without it, only the --url host gets them.
    const bool fileGiven = !p.isSet(t.url) || pos.size() > (takesMember ? 1 : 0);
    const QString file = fileGiven ? pos.value(0) : QString();
    if (fileGiven && !pos.isEmpty())
        pos.removeFirst();
    if (takesMember) {
        req.member = pos.value(0);
        if (req.member.isEmpty() && req.kind != K::Reload) {
            err() << "pgha " << name << ": which MEMBER?\n";
            return 2;
        }
        if (!pos.isEmpty())
            pos.removeFirst();
    }
    if (!pos.isEmpty()) {
        err() << "pgha " << name << ": unexpected argument \"" << pos.first() << "\"\n";
        return 2;
    }
    req.candidate = p.value(to);
    if (req.kind == K::Failover && req.candidate.isEmpty()) {
        err() << "pgha failover: --to MEMBER is required\n";
        return 2;
    }
    if (p.isSet(at)) {
        req.scheduledAt = QDateTime::fromString(p.value(at), Qt::ISODate);
        if (!req.scheduledAt.isValid() || (req.kind != K::Switchover && req.kind != K::Restart)) {
            err() << "pgha " << name << ": --at wants an ISO 8601 time and applies to switchover and restart\n";
            return 2;
        }
    }
    std::optional<MonitorTarget> target = t.resolve(p, file);
    if (!target)
        return 2;

    err() << req.describe() << "\n";
    err().flush();
    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha " << name << ": not confirmed (add --yes when not run from a terminal)\n";
            return 2;
        }
        err() << "Proceed? [y/N] ";
        err().flush();
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            err() << "cancelled: not confirmed\n";
            return 2;  // docs/cli.md: 2 bad input or not confirmed
        }
    }
    ActionRunner runner(*target);
    int exitCode = 1;
    bool answered = false;
    QObject::connect(&runner, &ActionRunner::finished, &runner, [&](const ActionResult &r) {
        (r.ok ? out() : err()) << (r.ok ? "" : "failed: ") << r.message;
        if (r.httpStatus > 0)
            (r.ok ? out() : err()) << " (HTTP " << r.httpStatus << ")";
        (r.ok ? out() : err()) << "\n";
        out().flush();
        err().flush();
        exitCode = r.ok ? 0 : 1;
        answered = true;
        QCoreApplication::exit(0);
    });
    runner.run(req);
    if (!answered)
        QCoreApplication::exec();
    return exitCode;
}

} // namespace pgha::cli
