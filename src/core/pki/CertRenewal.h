#pragma once

#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "core/util/Result.h"

#include <QStringList>

namespace pgha {

// New leaf certificates from the existing cluster CA (`pgha certs renew`): every host that needs one
// (ClusterTls::needsCertificate) and the admin client certificate, each with a fresh key, the topology's SANs
// and ClusterTls::kLeafDays. The CA itself is kept (replacing it is a different operation: every daemon must
// trust both during the change).
namespace CertRenewal {

struct Renewed
{
    Secrets secrets;        // the input with the leaves replaced
    QStringList issued;     // "host node1", ..., "admin"
};

// An error when TLS is off, the secrets hold no CA or no CA key (a supplied CA without its key cannot sign).
Result<Renewed> renewLeaves(const Topology &topology, const Secrets &secrets);

} // namespace CertRenewal
} // namespace pgha
