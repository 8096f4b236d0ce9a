#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

#include <QStringList>

namespace pgha::InstallScript {

QString path();  // /root/pgha-install.sh

// Packages a host needs for its roles, OS family and the cluster's distribution, in install order.
QStringList packages(const Topology &topology, const Host &host);

// The bash script that installs and configures one host. hostFiles are the other files generated for the
// host: the script places them (from the bundle folder it sits in) with the right owner and mode.
QByteArray script(const Topology &topology, const Host &host, const QList<GeneratedFile> &hostFiles);
GeneratedFile file(const Topology &topology, const Host &host, const QList<GeneratedFile> &hostFiles);

} // namespace pgha::InstallScript
