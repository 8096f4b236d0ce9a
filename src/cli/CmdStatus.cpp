#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "core/util/DataPaths.h"

#include "monitor/ActionRequest.h"
#include "monitor/ActionRunner.h"
#include "monitor/ClusterMonitor.h"
#include "monitor/ClusterPoller.h"
#include "monitor/MonitorTarget.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

// `pgha status` and the day-2 actions (docs/cli.md, "status and actions").
namespace pgha::cli {

namespace {

constexpr int kBadInput = 3;  // status: 0 healthy, 1 degraded, 2 unavailable, 3 bad input

struct TargetOptions
{
    QCommandLineOption url{QStringLiteral("url"), QStringLiteral("Patroni REST URL of any member (instead of FILE)."),
                           QStringLiteral("URL")};
    QCommandLineOption secrets{QStringLiteral("secrets"),
                               QStringLiteral("Secrets file (REST API and HAProxy stats passwords); default: the "
                                              "cluster's, kept by pgha deploy."),
                               QStringLiteral("FILE")};
    QCommandLineOption etcd{QStringLiteral("etcd"), QStringLiteral("etcd client URL to watch (with --url)."),
                            QStringLiteral("URL")};
    QCommandLineOption haproxy{QStringLiteral("haproxy"),
                               QStringLiteral("HAProxy stats URL to watch (with --url), e.g. http://h:7000/;csv."),
                               QStringLiteral("URL")};
    QCommandLineOption https{QStringLiteral("https"), QStringLiteral("The REST API uses TLS (with FILE).")};
    QCommandLineOption insecure{QStringLiteral("insecure"),
                                QStringLiteral("Accept any TLS certificate (warns; the errors are still shown).")};
    QCommandLineOption cacert{{QStringLiteral("ca"), QStringLiteral("cacert")},
                              QStringLiteral("PEM file of the CA(s) to trust instead of the system's."),
                              QStringLiteral("FILE")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Total deadline per request (default 2000)."), QStringLiteral("MS"),
                               QStringLiteral("2000")};

    void addTo(QCommandLineParser &p) const
    {
        p.addOptions({url, secrets, etcd, haproxy, https, insecure, cacert, timeout});
    }

    // nullopt (after printing why) on bad input.
    std::optional<MonitorTarget> resolve(const QCommandLineParser &p, const QString &file) const
    {
        Secrets secretsValue;
        if (p.isSet(secrets)) {
            Result<Secrets> r = SecretStore::loadFile(p.value(secrets));
            if (!r.ok()) {
                err() << "error: " << r.error().toString() << "\n";
                return std::nullopt;
            }
            secretsValue = r.value();
        }
        // Environment overrides; nothing is generated: a status must not invent passwords.
        SecretStore::applyEnvironment(&secretsValue);
        MonitorTarget t;
        if (p.isSet(url)) {
            Result<MonitorTarget> r = MonitorTarget::fromUrl(p.value(url));
            if (!r.ok()) {
                err() << "error: " << r.error().message << "\n";
                return std::nullopt;
            }
            t = r.value();
            if (!file.isEmpty()) {
                // The design widens where the REST credentials may go: its members and its subnets.
                std::optional<Topology> topo = loadProjectArg(file);
                if (!topo)
                    return std::nullopt;
                const MonitorTarget fromDesign = MonitorTarget::fromTopology(*topo, secretsValue);
                t.restScope.endpoints += fromDesign.restScope.endpoints;
                for (const Subnet &s : std::as_const(topo->subnets))
                    t.restScope.addSubnet(s.cidr);
            }
            t.restUser = secretsValue.restApiUser;
            t.restPassword = secretsValue.restApiPassword;
            t.statsUser = secretsValue.haproxyStatsUser;
            t.statsPassword = secretsValue.haproxyStatsPassword;
        } else {
            if (file.isEmpty()) {
                err() << "error: give a project FILE or --url URL\n";
                return std::nullopt;
            }
            std::optional<Topology> topo = loadProjectArg(file);
            if (!topo)
                return std::nullopt;
            if (!p.isSet(secrets)) {
                // The passwords a deploy generated for this cluster (the one data location, DataPaths).
                const Result<QString> kept = DataPaths::secretsFile(topo->cluster.name);
                if (kept.ok() && QFileInfo::exists(kept.value())) {
                    Result<Secrets> r = SecretStore::loadFile(kept.value());
                    if (!r.ok()) {
                        err() << "error: " << r.error().toString() << "\n";
                        return std::nullopt;
                    }
                    secretsValue = r.value();
                    SecretStore::applyEnvironment(&secretsValue);
                }
            }
            t = MonitorTarget::fromTopology(*topo, secretsValue, p.isSet(https));
        }
        const QStringList etcdUrls = p.values(etcd);
        for (const QString &u : etcdUrls)
            t.etcd.append({QString(), u});
        const QStringList haproxyUrls = p.values(haproxy);
        for (const QString &u : haproxyUrls)
            t.haproxy.append({QString(), u});
        t.ignoreTlsErrors = p.isSet(insecure);
        if (t.ignoreTlsErrors) {
            err() << "WARNING: --insecure: TLS certificates are NOT verified; anyone on the path can read the REST "
                     "credentials and forge every answer.\n";
        }
        if (p.isSet(cacert)) {
            Result<void> ca = t.loadCaFile(p.value(cacert));
            if (!ca.ok()) {
                err() << "error: " << ca.error().message << "\n";
                return std::nullopt;
            }
        }
        bool ok = false;
        t.timeoutMs = p.value(timeout).toInt(&ok);
        if (!ok || t.timeoutMs <= 0) {
            err() << "error: --timeout wants a positive number of milliseconds\n";
            return std::nullopt;
        }
        return t;
    }
};

QString roleTitle(const MemberState &m)
{
    if (m.role.isEmpty())
        return {};
    QString r = m.role;
    r.replace(QLatin1Char('_'), QLatin1Char(' '));
    QStringList words = r.split(QLatin1Char(' '));
    for (QString &w : words)
        w[0] = w[0].toUpper();
    return words.join(QLatin1Char(' '));
}

QString lagMb(qint64 bytes)
{
    if (bytes < 0)
        return {};
    // Like patronictl: whole MB, rounded.
    return QString::number((bytes + 524288) / 1048576);
}

QString tagsText(const MemberState &m)
{
    QStringList parts;
    for (auto it = m.tags.cbegin(); it != m.tags.cend(); ++it) {
        if (it.value() != QLatin1String("false"))
            parts << it.key() + QLatin1String(": ") + it.value();
    }
    return parts.join(QLatin1String(", "));
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1048576)
        return QString::number(double(bytes) / 1048576.0, 'f', 1) + QStringLiteral(" MiB");
    return QString::number((bytes + 1023) / 1024) + QStringLiteral(" KiB");
}

void printTable(QTextStream &s, const ClusterState &st)
{
    const QStringList head = {QStringLiteral("Member"), QStringLiteral("Host"), QStringLiteral("Role"),
                              QStringLiteral("State"), QStringLiteral("TL"), QStringLiteral("Lag in MB"),
                              QStringLiteral("Pending restart"), QStringLiteral("Tags")};
    QList<QStringList> rows;
    for (const MemberState &m : st.members) {
        QString host = m.host;
        if (m.port > 0 && m.port != 5432)
            host += QLatin1Char(':') + QString::number(m.port);
        rows << QStringList{m.name, host, roleTitle(m), m.state,
                            m.timeline > 0 ? QString::number(m.timeline) : QString(), lagMb(m.lagBytes),
                            m.pendingRestart ? QStringLiteral("*") : QString(), tagsText(m)};
    }
    QList<int> width;
    for (int c = 0; c < head.size(); ++c) {
        int w = int(head.at(c).size());
        for (const QStringList &r : rows)
            w = std::max(w, int(r.at(c).size()));
        width << w;
    }
    QString rule = QStringLiteral("+");
    for (int w : width)
        rule += QString(w + 2, QLatin1Char('-')) + QLatin1Char('+');
    QString title = QStringLiteral("+ Cluster: ") + (st.scope.isEmpty() ? QStringLiteral("?") : st.scope)
        + (st.paused ? QStringLiteral(" (maintenance mode) ") : QStringLiteral(" "));
    s << (title.size() < rule.size() ? title + rule.mid(title.size()) : title) << "\n";
    auto line = [&](const QStringList &cells) {
        s << "|";
        for (int c = 0; c < cells.size(); ++c) {
            const bool right = c == 4 || c == 5;
            s << " " << (right ? cells.at(c).rightJustified(width.at(c)) : cells.at(c).leftJustified(width.at(c)))
              << " |";
        }
        s << "\n";
    };
    line(head);
    s << rule << "\n";
    for (const QStringList &r : rows)
        line(r);
    s << rule << "\n";

    if (st.etcdMonitored) {
        QString leader;
        qint64 term = 0;
        for (const EtcdMemberState &e : st.etcd) {
            if (e.isLeader)
                leader = e.name;
            term = std::max(term, e.raftTerm);
        }
        s << "etcd: " << st.etcdHealthyCount() << "/" << st.etcd.size() << " healthy, quorum "
          << (st.etcdHasQuorum() ? "ok" : "LOST") << ", leader " << (leader.isEmpty() ? QStringLiteral("none") : leader)
          << ", raft term " << term << "\n";
        for (const EtcdMemberState &e : st.etcd) {
            s << "  " << (e.name.isEmpty() ? QStringLiteral("?") : e.name) << "  " << e.clientUrl << "  "
              << (e.healthy ? "healthy" : (e.reachable ? "unhealthy" : "unreachable"));
            if (e.isLeader)
                s << "  leader";
            if (!e.version.isEmpty())
                s << "  v" << e.version << "  db " << sizeText(e.dbSize);
            if (!e.healthy && !e.error.isEmpty())
                s << "  (" << e.error << ")";
            s << "\n";
        }
    }
    if (st.haproxyMonitored) {
        for (const HaproxyInstance &h : st.haproxy) {
            s << "HAProxy " << h.name << ":";
            if (!h.reachable) {
                s << " unreachable (" << h.error << ")\n";
                continue;
            }
            s << "\n";
            for (const HaproxyPool &p : h.pools) {
                const QStringList up = p.upServers();
                s << "  " << p.name << " (" << p.kind << "): "
                  << (up.isEmpty() ? QStringLiteral("NO SERVER UP") : QStringLiteral("UP ") + up.join(QLatin1String(", ")))
                  << ", " << p.sessions << " sessions\n";
            }
        }
    }
    s << "Verdict: " << verdictKey(st.verdict) << "\n";
    for (const QString &r : st.reasons)
        s << "  - " << r << "\n";
}

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
    p.addOptions({watch, interval, count, format});
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

    if (!p.isSet(watch)) {
        ClusterPoller poller(*target);
        int exitCode = 2;
        bool answered = false;
        QObject::connect(&poller, &ClusterPoller::polled, &poller, [&](const ClusterState &st) {
            if (json)
                out() << QJsonDocument(st.toJson()).toJson(QJsonDocument::Indented);
            else
                printTable(out(), st);
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
    monitor.setIntervalMs(p.value(interval).toInt() > 0 ? p.value(interval).toInt() : 2000);
    const int maxPolls = p.value(count).toInt();
    int polls = 0;
    int exitCode = 2;
    QObject::connect(&monitor, &ClusterMonitor::updated, &monitor, [&](const ClusterState &st) {
        if (json) {
            out() << QJsonDocument(st.toJson()).toJson(QJsonDocument::Compact) << "\n";
        } else {
            out() << "\n" << st.time.toString(Qt::ISODate) << " (" << st.pollMs << " ms)\n";
            printTable(out(), st);
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
            err() << "cancelled\n";
            return 1;
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
