#include "cli/PlanRun.h"

#include "cli/Commands.h"
#include "deploy/DeployRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace pgha::cli {

namespace {

std::atomic_bool g_interrupted{false};

extern "C" void onSigint(int)
{
    if (g_interrupted.exchange(true))
        std::_Exit(130);  // a second Ctrl-C: the user insists
}

} // namespace

QString readLineFromTerminal(const QString &prompt, bool echo)
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

int runPlan(const DeployPlan &plan, const DeployJournal &journal)
{
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
            if (tty && readLineFromTerminal(QStringLiteral("Accept and remember it in %1? [y/N] ").arg(q.detail), true)
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
            runner.answer(id, readLineFromTerminal(what.arg(q.detail), false));
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
    if (!runner.start(plan, journal))
        return 1;
    if (runner.resumed())
        out() << "resuming the interrupted run recorded in " << journal.path() << "\n";
    QCoreApplication::exec();
    return exitCode;
}

} // namespace pgha::cli
