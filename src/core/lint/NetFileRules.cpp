#include "core/lint/FileRules.h"
#include "core/lint/LintMapper.h"
#include "core/util/Net.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pgha::FileRules {

namespace {

SourceLocation at(const HaproxyCfg &cfg, const HaproxyDirective &d)
{
    return SourceLocation{cfg.path, d.line, 1, d.text};
}

QString sectionName(const HaproxySection &s)
{
    return s.name.isEmpty() ? s.type : s.type + QLatin1Char(' ') + s.name;
}

bool isStats(const HaproxySection &s)
{
    return s.first(QStringLiteral("stats")) != nullptr && s.first(QStringLiteral("server")) == nullptr;
}

QString httpCheck(const HaproxySection &s)
{
    for (const HaproxyDirective *o : s.all(QStringLiteral("option"))) {
        if (o->args.value(0) == QLatin1String("httpchk"))
            return o->args.mid(1).join(QLatin1Char(' '));
    }
    return {};
}

void serversByName(const HaproxyCfg &cfg, const HaproxySection &s, QList<LintFinding> &out)
{
    for (const HaproxyDirective *sv : s.all(QStringLiteral("server"))) {
        QString host;
        int port = 0;
        LintMapper::splitHostPort(sv->args.value(1), &host, &port);
        if (host.isEmpty() || IpAddress::parse(host))
            continue;
        add(out, "haproxy-server-by-name", Severity::Warning, at(cfg, *sv), sectionName(s),
            QCoreApplication::translate("pgha::Lint", "Server %1 is reached by the name %2: HAProxy resolves it once at start "
                                                      "(refusing to start when DNS or /etc/hosts cannot answer) and never "
                                                      "notices a change.").arg(sv->args.value(0), host),
            QCoreApplication::translate("pgha::Lint", "Write the server's IP address: server %1 ADDRESS:%2.").arg(sv->args.value(0)).arg(port));
    }
}

void checkTiming(const HaproxyCfg &cfg, const HaproxySection &s, const HaproxyDirective *defaults,
                 QList<LintFinding> &out)
{
    const QList<const HaproxyDirective *> servers = s.all(QStringLiteral("server"));
    if (servers.isEmpty())
        return;
    const HaproxyDirective *ds = s.first(QStringLiteral("default-server"));
    if (!ds)
        ds = defaults;
    const QString check = httpCheck(s);
    if (check.isEmpty()) {
        add(out, "haproxy-tcp-check", Severity::Error, SourceLocation{cfg.path, s.line, 1, sectionName(s)}, sectionName(s),
            QCoreApplication::translate("pgha::Lint", "%1 has no option httpchk: HAProxy only checks that the port accepts "
                                                      "connections, so every running PostgreSQL server, primary or not, gets "
                                                      "clients.").arg(sectionName(s)),
            QCoreApplication::translate("pgha::Lint", "Add option httpchk OPTIONS /primary (or /replica), http-check expect "
                                                      "status 200 and check port 8008 on each server."));
        return;
    }
    static const QRegularExpression primaryPath(QStringLiteral("/(primary|master|leader|read-write)\\b"));
    if (!primaryPath.match(check).hasMatch())
        return;
    const auto marksDown = [](const HaproxyDirective *d) {
        return d && d->argAfter(QStringLiteral("on-marked-down")) == QLatin1String("shutdown-sessions");
    };
    if (marksDown(ds))
        return;
    for (const HaproxyDirective *sv : servers) {
        if (marksDown(sv))
            continue;
        add(out, "haproxy-no-shutdown-sessions", Severity::Warning, at(cfg, *sv), sectionName(s),
            QCoreApplication::translate("pgha::Lint", "Without on-marked-down shutdown-sessions, connections to %1 stay open "
                                                      "after Patroni demotes it: clients keep writing to a read-only server "
                                                      "until they reconnect.").arg(sv->args.value(0)),
            QCoreApplication::translate("pgha::Lint", "Add on-marked-down shutdown-sessions to the default-server line."));
    }
}

void statsOpen(const HaproxyCfg &cfg, const HaproxySection &s, QList<LintFinding> &out)
{
    for (const HaproxyDirective *d : s.all(QStringLiteral("stats"))) {
        if (d->args.value(0) == QLatin1String("auth"))
            return;
    }
    const HaproxyDirective *bind = s.first(QStringLiteral("bind"));
    QString host;
    int port = 0;
    LintMapper::splitHostPort(bind ? bind->args.value(0) : QString(), &host, &port);
    const auto a = IpAddress::parse(host);
    if (a && a->isLoopback())
        return;
    add(out, "haproxy-stats-open", Severity::Warning,
        bind ? at(cfg, *bind) : SourceLocation{cfg.path, s.line, 1, sectionName(s)}, sectionName(s),
        QCoreApplication::translate("pgha::Lint", "The statistics page has no password: anyone who reaches it sees every "
                                                  "server and its state (and, with stats admin, can take servers down)."),
        QCoreApplication::translate("pgha::Lint", "Add stats auth USER:PASSWORD and bind the page to an admin address."));
}

} // namespace

void checkEtcd(const LintInputs &inputs, QList<LintFinding> &out)
{
    for (const ConfigFile &f : inputs.etcd) {
        for (const ConfigEntry &bad : f.invalidLines) {
            // "[Member]" (an INI header copied from etcd.conf.sample) is harmless; anything else lost a setting.
            const bool header = bad.value.startsWith(QLatin1Char('[')) && bad.value.endsWith(QLatin1Char(']'));
            add(out, "etcd-env-invalid-line", header ? Severity::Info : Severity::Warning,
                SourceLocation{f.path, bad.line, bad.column, bad.value}, QStringLiteral("line %1").arg(bad.line),
                header ? QCoreApplication::translate("pgha::Lint", "\"%1\" is not NAME=value: systemd's EnvironmentFile "
                                                                   "skips it with a warning.").arg(bad.value)
                       : QCoreApplication::translate("pgha::Lint", "\"%1\" is not NAME=value: systemd's EnvironmentFile "
                                                                   "skips it with a warning, so whatever it was meant to "
                                                                   "set is not set.").arg(bad.value),
                QCoreApplication::translate("pgha::Lint", "Remove the line, or write it as ETCD_NAME=\"value\"."));
        }
    }
}

void checkHaproxy(const LintInputs &inputs, QList<LintFinding> &out)
{
    for (const HaproxyCfg &cfg : inputs.haproxy) {
        const HaproxyDirective *defaults = nullptr;
        for (const HaproxySection &s : cfg.sections) {
            if (s.type == QLatin1String("defaults") && s.first(QStringLiteral("default-server")))
                defaults = s.first(QStringLiteral("default-server"));
        }
        for (const HaproxySection &s : cfg.sections) {
            if (s.type != QLatin1String("listen") && s.type != QLatin1String("backend"))
                continue;
            if (isStats(s)) {
                statsOpen(cfg, s, out);
                continue;
            }
            serversByName(cfg, s, out);
            checkTiming(cfg, s, defaults, out);
        }
    }
}

} // namespace pgha::FileRules
