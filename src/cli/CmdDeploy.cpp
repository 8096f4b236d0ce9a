#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/generate/Generator.h"
#include "core/validation/Validator.h"
#include "deploy/DeployJournal.h"
#include "deploy/DeployPlan.h"
#include "deploy/DeployRunner.h"
#include "deploy/DeploySetup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

// pgha deploy: builds the cluster over SSH. Exit codes (docs/cli.md, docs/deploy.md): 0 done or nothing to
// do, 1 a step failed (the journal says where; a rerun resumes), 2 bad input, 3 host key refused, 4 cancelled.
namespace pgha::cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onSigint(int)
{
    if (g_interrupted.exchange(true))
        std::_Exit(130);  // a second Ctrl-C: the user insists
}

QString readLineFromTty(const QString &prompt, bool echo)
{
    err() << prompt;
    err().flush();
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty && !echo) {
        termios noecho = old;
        noecho.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &noecho);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        err() << "\n";
    }
    return line;
}

} // namespace

int deploy(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml) or template:NAME."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print every command and every file for every host; change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Deploy to this host only (repeatable)."),
                                  QStringLiteral("HOST"));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"), QStringLiteral("Secrets file (mode 0600)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       QStringLiteral("Accept and remember host keys never seen before (a changed key "
                                                      "is refused regardless)."));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"),
                                        QStringLiteral("known_hosts file to use instead of ~/.ssh/known_hosts."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption journalOpt(QStringLiteral("journal"),
                                        QStringLiteral("Deploy journal (JSON); the generated secrets are kept beside it."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption adopt(QStringLiteral("adopt-existing-data"),
                                   QStringLiteral("Use existing PostgreSQL/etcd data directories as they are instead "
                                                  "of refusing (they are never removed)."));
    for (const auto &o : {dryRun, yes, only, secretsOpt, acceptNew, knownHosts, journalOpt, adopt})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("deploy"), args, &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "usage: pgha deploy FILE [--dry-run] [--yes] [--only HOST]... [--secrets FILE] "
                 "[--accept-new-host-keys] [--known-hosts FILE] [--journal FILE] [--adopt-existing-data]\n";
        return 2;
    }
    const QString projectArg = p.positionalArguments().first();
    const std::optional<Topology> topology = loadProjectArg(projectArg);
    if (!topology)
        return 2;
    for (const QString &h : p.values(only)) {
        if (!topology->hostByName(h)) {
            err() << "pgha deploy: --only " << h << ": no such host in the design\n";
            return 2;
        }
    }

    DeploySetupOptions so;
    so.projectPath = projectArg;
    so.journalPath = p.value(journalOpt);
    so.secretsFile = p.value(secretsOpt);
    so.knownHostsFile = p.value(knownHosts);
    so.acceptNewHostKeys = p.isSet(acceptNew);
    so.adoptExistingData = p.isSet(adopt);
    so.onlyHosts = p.values(only);
    so.dryRun = p.isSet(dryRun);
    Result<DeploySetup> setup = prepareDeploy(*topology, so);
    if (!setup.ok()) {
        err() << "error: " << setup.error().toString() << "\n";
        return 2;
    }
    if (!setup->generatedSecretsFile.isEmpty())
        err() << "note: generated the missing passwords and kept them in " << setup->generatedSecretsFile
              << " (mode 0600) so that a rerun uses the same ones\n";
    const QString journalPath = setup->journal.path();

    const Findings findings = validate(*topology, &setup->secrets);
    int errors = 0;
    for (const Finding &f : findings) {
        if (f.severity == Severity::Error) {
            err() << "error [" << f.ruleId << "] " << f.subject << ": " << f.message << "\n";
            ++errors;
        }
    }
    if (errors > 0) {
        err() << "pgha deploy: the design has " << errors << " error(s); nothing was deployed\n";
        return 2;
    }
    const DeployPlan &plan = setup->plan;

    if (p.isSet(dryRun)) {
        out() << "# pgha deploy --dry-run: " << plan.steps.size() << " steps on " << plan.targets.size()
              << " hosts; nothing is changed\n";
        for (auto it = plan.targets.begin(); it != plan.targets.end(); ++it)
            out() << "# host " << it.key() << ": " << it->user << "@" << it->address << " port " << it->port << "\n";
        out() << plan.dryRunText();
        out().flush();
        return 0;
    }

    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha deploy: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 2;
        }
        const QString a = readLineFromTty(QStringLiteral("Deploy cluster \"%1\" to %2 host(s) (%3)? [y/N] ")
                                              .arg(topology->cluster.name)
                                              .arg(plan.targets.size())
                                              .arg(QStringList(plan.targets.keys()).join(QStringLiteral(", "))),
                                          true);
        if (a.trimmed().toLower() != QLatin1String("y") && a.trimmed().toLower() != QLatin1String("yes")) {
            err() << "pgha deploy: not confirmed; nothing was changed\n";
            return 4;
        }
    }

    std::signal(SIGINT, onSigint);
    std::signal(SIGTERM, onSigint);
    DeployRunner runner;
    QElapsedTimer clock;
    clock.start();
    int exitCode = 1;
    const auto stamp = [&clock] { return QStringLiteral("%1s").arg(clock.elapsed() / 1000.0, 6, 'f', 1); };
    QObject ctx;
    QObject::connect(&runner, &DeployRunner::stepStarted, &ctx,
                     [&](const QString &id, const QString &host, const QString &title) {
                         out() << stamp() << " [" << host << "] " << title << " (" << id << ") ...\n";
                         out().flush();
                     });
    QObject::connect(&runner, &DeployRunner::stepFinished, &ctx,
                     [&](const QString &id, const QString &host, StepOutcome o, const QString &msg) {
                         out() << stamp() << " [" << host << "] " << id << ": " << stepOutcomeKey(o)
                               << (msg.isEmpty() ? QString() : QStringLiteral(" - ") + msg) << "\n";
                         out().flush();
                     });
    QObject::connect(&runner, &DeployRunner::logLine, &ctx, [&](const QString &host, const QString &line) {
        out() << stamp() << "   " << (host.isEmpty() ? QStringLiteral("*") : host) << ": " << line << "\n";
        out().flush();
    });
    QObject::connect(&runner, &DeployRunner::question, &ctx, [&](int id, const SshQuestion &q) {
        const bool tty = isatty(STDIN_FILENO);
        switch (q.kind) {
        case SshQuestion::Kind::UnknownHostKey:
            err() << "host " << q.hostName << " (" << q.address << ") offers an unknown " << q.keyType << " key "
                  << q.fingerprint << "\n";
            if (tty && readLineFromTty(QStringLiteral("Accept and remember it in %1? [y/N] ").arg(q.detail), true)
                               .trimmed()
                               .toLower()
                           .startsWith(QLatin1Char('y'))) {
                runner.answer(id, QStringLiteral("yes"));
                return;
            }
            err() << "  not accepted (compare it with the host's own key, then pass --accept-new-host-keys)\n";
            runner.answer(id, std::nullopt);
            return;
        case SshQuestion::Kind::KeyPassphrase:
        case SshQuestion::Kind::LoginPassword:
        case SshQuestion::Kind::SudoPassword: {
            if (!tty) {
                runner.answer(id, std::nullopt);
                return;
            }
            const QString what = q.kind == SshQuestion::Kind::KeyPassphrase ? QStringLiteral("Passphrase for %1: ")
                : q.kind == SshQuestion::Kind::LoginPassword               ? QStringLiteral("Password for %1: ")
                                                                           : QStringLiteral("sudo password for %1: ");
            runner.answer(id, readLineFromTty(what.arg(q.detail), false));
            return;
        }
        }
    });
    QObject::connect(&runner, &DeployRunner::finished, &ctx, [&](DeployRunner::Outcome o, const QString &summary) {
        out() << stamp() << " " << summary << "\n";
        out() << "journal: " << runner.journal().path() << "\n";
        out().flush();
        switch (o) {
        case DeployRunner::Outcome::Done:
        case DeployRunner::Outcome::NothingChanged: exitCode = 0; break;
        case DeployRunner::Outcome::Failed: exitCode = 1; break;
        case DeployRunner::Outcome::HostKeyRefused: exitCode = 3; break;
        case DeployRunner::Outcome::Cancelled: exitCode = 4; break;
        }
        QCoreApplication::exit(0);
    });
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &ctx, [&] {
        if (g_interrupted.load() && runner.isRunning()) {
            interruptPoll.stop();
            runner.cancel();
        }
    });
    interruptPoll.start(100);
    out() << "pgha deploy: cluster \"" << topology->cluster.name << "\", " << plan.steps.size() << " steps on "
          << plan.targets.size() << " hosts\n";
    out().flush();
    if (!runner.start(plan, setup->journal))
        return 1;
    if (runner.resumed())
        out() << "resuming the interrupted run recorded in " << journalPath << "\n";
    QCoreApplication::exec();
    return exitCode;
}

} // namespace pgha::cli
