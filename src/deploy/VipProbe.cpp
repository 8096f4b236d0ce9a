#include "deploy/VipProbe.h"

#include "core/parse/VipHolderParser.h"

namespace pgha {

VipState askVipHolders(const Topology &topology, const SessionFactory &factory, const QString &knownHostsFile,
                       int timeoutSec)
{
    VipState st;
    if (!topology.cluster.vip.enabled())
        return st;
    st.address = topology.cluster.vip.address;
    for (const Host *h : topology.hostsWith(Role::HAProxy)) {
        SshTarget t = sshTargetOf(*h);
        t.knownHostsFile = knownHostsFile;
        t.connectTimeoutSec = timeoutSec;
        t.commandTimeoutSec = timeoutSec;
        const std::unique_ptr<RemoteSession> s = factory(t, nullptr, nullptr);
        if (const std::optional<SshError> e = s->connect()) {
            st.unreachable << h->name + QStringLiteral(": ") + e->message;
            continue;
        }
        const ExecResult r = s->run(VipHolderParser::command(st.address), {}, timeoutSec);
        s->disconnect();
        if (!r.ok()) {
            st.unreachable << h->name + QStringLiteral(": ")
                    + (r.error ? r.error->message : QString::fromUtf8(r.err).trimmed());
            continue;
        }
        if (!VipHolderParser::interfaceHolding(r.out, st.address).isEmpty())
            st.holders << h->name;
    }
    return st;
}

} // namespace pgha
