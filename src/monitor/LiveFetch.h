#pragma once

#include "core/importer/LiveImport.h"
#include "core/util/Result.h"

namespace pgha {

// What pgha import (and the designer's File ▸ Import Running Cluster…) reads over HTTP from a running cluster:
// Patroni's /cluster, /config and /patroni of one member, optionally etcd's member list and HAProxy's stats CSV.
// GET requests only (etcd's member list is a POST that changes nothing). Blocking, with a deadline per request;
// callable from any thread (each call has its own QNetworkAccessManager and event loop).
struct LiveFetchOptions
{
    QString url;             // Patroni REST URL of any member
    QString etcdUrl;         // optional etcd client URL
    QString statsUrl;        // optional HAProxy stats URL (";csv")
    QString statsUser;       // basic auth for the stats page only
    QString statsPassword;
    QString caFile;          // PEM of the CA(s) to trust instead of the system's
    bool insecure = false;   // accept any certificate
    int timeoutMs = 5000;
};

namespace LiveFetch {

// The answers (LiveSources without files); an error names the URL that failed.
Result<LiveSources> fetch(const LiveFetchOptions &options);

} // namespace LiveFetch
} // namespace pgha
