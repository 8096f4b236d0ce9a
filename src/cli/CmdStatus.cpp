#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/StatusTable.h"
#include "cli/TargetOptions.h"

#include "deploy/BackupInfo.h"
#include "deploy/VipProbe.h"
#include "monitor/ClusterMonitor.h"
#include "monitor/ClusterPoller.h"
#include "monitor/RepositoryView.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

// `pgha status` (docs/cli.md, "status"); the day-2 actions are CmdAction.cpp, the table StatusTable.cpp.
namespace pgha::cli {

namespace {

constexpr int kBadInput = 3;  // status: 0 healthy, 1 degraded, 2 unavailable, 3 bad input

int verdictExit(Verdict v)
{
    return v == Verdict::Healthy ? 0 : (v == Verdict::Degraded ? 1 : 2);
}

} // namespace

int status(const QStringList &args)
{
    QCommandLineParser p;
    TargetOptions t;
    t.addTo(p);
    const QCommandLineOption watch(QStringLiteral("watch"), QStringLiteral("Poll until interrupted, printing events."));
    const QCommandLineOption interval(QStringLiteral("interval"), QStringLiteral("Watch interval (default 2000)."),
                                      QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("With --watch: stop after N polls."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("table (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"),
                                        QStringLiteral("known_hosts file for asking the HAProxy hosts over SSH which one "
                                                       "holds the floating address (default ~/.ssh/known_hosts)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption noVip(QStringLiteral("no-vip"),
                                   QStringLiteral("Do not ask the HAProxy hosts over SSH who holds the floating address."));
    const QCommandLineOption noBackups(QStringLiteral("no-backups"),
                                       QStringLiteral("Do not read the backup repository over SSH (pgbackrest info)."));
    p.addOptions({watch, interval, count, format, knownHosts, noVip, noBackups});
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Project file (or template:NAME)."));
    int code = 0;
    if (!parseArgs(p, QStringLiteral("status"), args, &code))
        return code == 2 ? kBadInput : code;
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("table") && fmt != QLatin1String("json")) {
        err() << "pgha status: --format is table or json\n";
        return kBadInput;
    }
    if (p.positionalArguments().size() > 1) {
        err() << "pgha status: one FILE at most\n";
        return kBadInput;
    }
    std::optional<MonitorTarget> target = t.resolve(p, p.positionalArguments().value(0));
    if (!target)
        return kBadInput;
    const bool json = fmt == QLatin1String("json");
    // The repository view (pgbackrest info over SSH, host keys from --known-hosts, never accepted unasked): FILE
    // designs with backups only.
    std::optional<Topology> design;
    if (!p.isSet(t.url) && !p.positionalArguments().isEmpty())
        design = loadProjectArg(p.positionalArguments().first());
    const bool readRepository = design && target->repository && !p.isSet(noBackups);
    const QString knownHostsFile = p.value(knownHosts);
    PlanOptions sshOptions;
    sshOptions.knownHostsFile = knownHostsFile;  // acceptNewHostKeys stays false: status never accepts a key
    const auto fetchRepository = [design, sshOptions](const QString &leader, const std::atomic_bool *cancel) {
        return fetchBackupInfo(*design, sshOptions, sshSessionFactory(), leader, cancel, 60);
    };

    if (!p.isSet(watch)) {
        // The floating address's holder: over SSH, which the poller has not (docs/vip.md); FILE designs only.
        VipState vip;
        if (!p.isSet(noVip) && design)
            vip = askVipHolders(*design, sshSessionFactory(), knownHostsFile);
        ClusterPoller poller(*target);
        int exitCode = 2;
        bool answered = false;
        QObject::connect(&poller, &ClusterPoller::polled, &poller, [&](const ClusterState &polled) {
            ClusterState st = polled;
            st.applyVip(vip);
            if (readRepository) {
                const MemberState *leader = st.leader();
                const RepositoryState repo = RepositoryView::fromInfo(
                    fetchRepository(leader ? leader->name : QString(), nullptr), target->clusterName,
                    QDateTime::currentDateTimeUtc());
                RepositoryView::apply(&st, repo, RepositoryView::schedulesOf(*target));
            }
            if (json)
                out() << QJsonDocument(st.toJson()).toJson(QJsonDocument::Indented);
            else
                printStatusTable(out(), st);
            out().flush();
            exitCode = verdictExit(st.verdict);
            answered = true;
            QCoreApplication::exit(0);
        });
        poller.poll();
        // exit() before exec() is lost: only enter the loop while the answer is still to come.
        if (!answered)
            QCoreApplication::exec();
        return exitCode;
    }

    ClusterMonitor monitor(*target);
    if (readRepository)
        monitor.setRepositoryFetch(fetchRepository);
    monitor.setIntervalMs(p.value(interval).toInt() > 0 ? p.value(interval).toInt() : 2000);
    const int maxPolls = p.value(count).toInt();
    int polls = 0;
    int exitCode = 2;
    QObject::connect(&monitor, &ClusterMonitor::updated, &monitor, [&](const ClusterState &st) {
        if (json) {
            out() << QJsonDocument(st.toJson()).toJson(QJsonDocument::Compact) << "\n";
        } else {
            out() << "\n" << st.time.toString(Qt::ISODate) << " (" << st.pollMs << " ms)\n";
            printStatusTable(out(), st);
        }
        out().flush();
        exitCode = verdictExit(st.verdict);
        if (maxPolls > 0 && ++polls >= maxPolls)
            QCoreApplication::exit(0);
    });
    QObject::connect(&monitor, &ClusterMonitor::eventsAdded, &monitor, [&](const QList<ClusterEvent> &events) {
        for (const ClusterEvent &e : events) {
            if (json)
                out() << QJsonDocument(QJsonObject{{QStringLiteral("event"), e.toJson()}}).toJson(QJsonDocument::Compact)
                      << "\n";
            else
                out() << "event " << e.toString() << "\n";
        }
        out().flush();
    });
    monitor.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace pgha::cli
