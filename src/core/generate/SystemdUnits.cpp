#include "core/generate/SystemdUnits.h"

#include "core/generate/GenUtil.h"
#include "core/model/Platform.h"

namespace pgha::SystemdUnits {

QString patroniUnitPath()
{
    return QStringLiteral("/etc/systemd/system/patroni.service");
}

QByteArray patroniUnit(const Topology &topology, const Host &host)
{
    QString s = QString::fromUtf8(GenUtil::header(
        QStringLiteral("Patroni on %1, cluster %2").arg(host.name, topology.cluster.name)));
    s += QStringLiteral(
             "[Unit]\n"
             "Description=Patroni, PostgreSQL high-availability manager (cluster %1)\n"
             "Documentation=https://patroni.readthedocs.io/\n"
             // Not After=etcd.service: etcd may run on other hosts, and Patroni retries the DCS itself.
             "After=network-online.target\n"
             "Wants=network-online.target\n"
             "\n"
             "[Service]\n"
             "Type=simple\n"
             "User=postgres\n"
             "Group=postgres\n"
             "ExecStart=%2 %3\n"
             "ExecReload=/bin/kill -s HUP $MAINPID\n"
             // Only Patroni is signalled: PostgreSQL must not be killed behind Patroni's back.
             "KillMode=process\n"
             "TimeoutSec=30\n"
             "Restart=on-failure\n"
             "RestartSec=5s\n"
             "\n"
             "[Install]\n"
             "WantedBy=multi-user.target\n")
             // One line of text, '%' doubled: systemd reads %x as a specifier.
             .arg(GenUtil::commentText(topology.cluster.name).replace(QLatin1Char('%'), QStringLiteral("%%")),
                  Platform::patroniBinary(host.os, topology.cluster.patroni.install),
                  Platform::patroniConfigPath(host.os));
    return s.toUtf8();
}

QList<GeneratedFile> files(const Topology &topology, const Host &host)
{
    if (!host.has(Role::Postgres)
        || Platform::patroniHasPackagedUnit(host.os, topology.cluster.postgres.distribution,
                                            topology.cluster.patroni.install))
        return {};
    return {GenUtil::makeFile(host.name, patroniUnitPath(), patroniUnit(topology, host), 0644, FileSyntax::Systemd)};
}

} // namespace pgha::SystemdUnits
