#pragma once

#include "core/generate/GeneratedFile.h"
#include "core/model/Topology.h"

namespace pgha::SystemdUnits {

QString patroniUnitPath();  // /etc/systemd/system/patroni.service
QByteArray patroniUnit(const Topology &topology, const Host &host);

// The Patroni unit for a postgres host whose OS package ships none (Platform::patroniPackageHasUnit).
QList<GeneratedFile> files(const Topology &topology, const Host &host);

} // namespace pgha::SystemdUnits
