#pragma once

#include "core/util/Net.h"

#include <QList>
#include <QSet>
#include <QString>

class QUrl;

namespace pgha {

// Where the Patroni REST API's basic-auth credentials may be sent. A cluster's /cluster answer names every
// member's api_url, and anyone who can write to the DCS (or run a fake member) chooses those: credentials go
// only to endpoints the design names, to the host the user gave with --url, or to addresses inside the design's
// subnets. Everything else (etcd, HAProxy, discovered URLs outside the scope) gets no Authorization header.
struct CredentialScope
{
    QSet<QString> endpoints;   // "host:port" exactly (the design's REST endpoints)
    QSet<QString> hosts;       // any port on these hosts (the --url host)
    QList<Cidr> subnets;       // any address inside (the design's subnets, with --url)

    void addEndpoint(const QUrl &url);
    void addHost(const QString &host);
    bool addSubnet(const QString &cidr);   // false when the text is not a CIDR

    // True for http(s) URLs whose host:port, host or address lies in the scope.
    bool allows(const QUrl &url) const;
    bool isEmpty() const { return endpoints.isEmpty() && hosts.isEmpty() && subnets.isEmpty(); }

    static QString endpointKey(const QUrl &url);   // "host:port" with the scheme's default port filled in
};

} // namespace pgha
