#include "core/parse/ParsedRecords.h"

namespace pgha {

bool MemberState::operator==(const MemberState &o) const
{
    return name == o.name && host == o.host && port == o.port && apiUrl == o.apiUrl && role == o.role
        && state == o.state && streaming == o.streaming && timeline == o.timeline && lagBytes == o.lagBytes
        && receiveLagBytes == o.receiveLagBytes && replayLagBytes == o.replayLagBytes
        && pendingRestart == o.pendingRestart && tags == o.tags && reachable == o.reachable
        && patroniVersion == o.patroniVersion;
}

QStringList HaproxyPool::upServers() const
{
    QStringList up;
    for (const HaproxyServerState &s : servers) {
        if (s.isUp())
            up << s.name;
    }
    return up;
}

} // namespace pgha
