#pragma once

#include "monitor/MonitorTarget.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace pgha::cli {

// The connection options `pgha status` and the day-2 actions share (docs/cli.md), and how they become a
// MonitorTarget: from FILE (with the cluster's kept secrets, DataPaths) or from --url.
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
    std::optional<MonitorTarget> resolve(const QCommandLineParser &p, const QString &file) const;
};

} // namespace pgha::cli
