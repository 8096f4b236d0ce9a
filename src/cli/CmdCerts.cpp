#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/PlanRun.h"
#include "deploy/DeploySetup.h"
#include "deploy/RenewSetup.h"
#include "monitor/ClusterPoller.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <unistd.h>

// pgha certs renew: new leaf certificates from the cluster CA, rolled out host by host by the deploy runner
// (docs/cli.md "certs renew", docs/deploy.md). Exit codes as deploy: 0 done, 1 a step failed, 2 bad input,
// 3 host key refused, 4 cancelled or not confirmed.
namespace pgha::cli {

namespace {

// The current leader from /cluster (with the secrets as they are), or empty when nobody answers.
QString currentLeader(const Topology &topology, const Secrets &secrets)
{
    MonitorTarget target = MonitorTarget::fromTopology(topology, secrets);
    target.timeoutMs = 5000;
    ClusterPoller poller(target);
    QString leader;
    QObject::connect(&poller, &ClusterPoller::polled, &poller, [&](const ClusterState &st) {
        if (const MemberState *l = st.leader())
            leader = l->name;
        QCoreApplication::exit(0);
    });
    poller.poll();
    QCoreApplication::exec();
    return leader;
}

} // namespace

int certs(const QStringList &args)
{
    if (args.value(0) != QLatin1String("renew")) {
        err() << "usage: pgha certs renew FILE [--dry-run] [--yes] [--secrets FILE] [--journal FILE] "
                 "[--leader MEMBER] [--known-hosts FILE] [--accept-new-host-keys]\n";
        return 2;
    }
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (*.pgha.yaml)."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the rollout (every command, every file); change nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Do not ask for confirmation."));
    const QCommandLineOption secretsOpt(QStringLiteral("secrets"),
                                        QStringLiteral("Secrets file holding the CA and its key (mode 0600); "
                                                       "default: the one kept beside the deploy journal."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption journalOpt(QStringLiteral("journal"), QStringLiteral("Journal of the rollout (JSON)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption leaderOpt(QStringLiteral("leader"),
                                       QStringLiteral("The current leader (default: asked from /cluster)."),
                                       QStringLiteral("MEMBER"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       QStringLiteral("Accept and remember host keys never seen before."));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"), QStringLiteral("known_hosts file."),
                                        QStringLiteral("FILE"));
    for (const auto &o : {dryRun, yes, secretsOpt, journalOpt, leaderOpt, acceptNew, knownHosts})
        p.addOption(o);
    int code = 0;
    if (!parseArgs(p, QStringLiteral("certs renew"), args.mid(1), &code))
        return code;
    if (p.positionalArguments().size() != 1) {
        err() << "pgha certs renew: give one project FILE\n";
        return 2;
    }
    const QString projectArg = p.positionalArguments().first();
    const std::optional<Topology> topology = loadProjectArg(projectArg);
    if (!topology)
        return 2;
    RenewSetupOptions ro;
    ro.secretsFile = p.value(secretsOpt);
    ro.journalPath = p.value(journalOpt);
    ro.knownHostsFile = p.value(knownHosts);
    ro.acceptNewHostKeys = p.isSet(acceptNew);
    ro.leader = p.value(leaderOpt);
    Result<RenewSetup> setup = prepareRenewal(*topology, ro);
    if (!setup.ok()) {
        err() << "pgha certs renew: " << setup.error().toString() << "\n";
        return 2;
    }
    if (!p.isSet(leaderOpt)) {
        // Who leads now, asked with the secrets as they are (PGHA_* overrides for this run only).
        Secrets current = setup->old;
        SecretStore::applyEnvironment(&current);
        ro.leader = currentLeader(*topology, current);
        replanRenewal(*topology, &setup.value(), ro.leader);
    }
    const DeployPlan &plan = setup->plan;
    out() << "# pgha certs renew: new certificates for " << setup->issued.join(QLatin1String(", "))
          << "; the CA is kept\n# leader: " << (ro.leader.isEmpty() ? QStringLiteral("unknown (nobody answered)") : ro.leader)
          << " (renewed last, after a switchover)\n";
    if (p.isSet(dryRun)) {
        out() << "# --dry-run: " << plan.steps.size() << " steps on " << plan.targets.size()
              << " hosts; nothing is changed, the secrets file is not written\n"
              << plan.dryRunText();
        out().flush();
        return 0;
    }
    if (!p.isSet(yes)) {
        if (!isatty(STDIN_FILENO)) {
            err() << "pgha certs renew: stdin is not a terminal, so I cannot ask for confirmation: pass --yes\n";
            return 4;
        }
        const QString a = readLineFromTerminal(
            QStringLiteral("Renew the certificates of cluster \"%1\" on %2 host(s)? [y/N] ")
                .arg(topology->cluster.name)
                .arg(plan.targets.size()),
            true);
        if (a.trimmed().toLower() != QLatin1String("y") && a.trimmed().toLower() != QLatin1String("yes")) {
            err() << "pgha certs renew: not confirmed; nothing was changed\n";
            return 4;
        }
    }
    if (Result<void> k = keepRenewedSecrets(setup.value()); !k.ok()) {
        err() << "error: " << k.error().toString() << "\n";
        return 2;
    }
    out() << "new certificates written to " << setup->secretsFile << " (the previous secrets: " << setup->secretsFile
          << ".before-renew)\n";
    out() << "pgha certs renew: cluster \"" << topology->cluster.name << "\", " << plan.steps.size() << " steps on "
          << plan.targets.size() << " hosts\n";
    out().flush();
    return runPlan(plan, setup->journal);
}

} // namespace pgha::cli
