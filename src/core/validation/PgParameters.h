#pragma once

#include <QString>

namespace pgha {

// What we know about PostgreSQL parameters that exist only in some major versions (from the release notes of the
// version named; the rows up to 15 also checked against PostgreSQL 15's own binary here). Major versions below
// 10 are compared as 9 (9.x).
struct PgParameterFact
{
    const char *name;
    int addedIn;              // first major that accepts it; 0 = all we support
    int removedIn;            // first major that rejects it; 0 = still accepted
    const char *replacement;  // what replaces it, or nullptr
    bool patroniTranslates;   // Patroni rewrites it for the running version (wal_keep_segments <-> wal_keep_size)
};

namespace PgParameters {

// The fact for a parameter name (case-insensitive), or nullptr when the parameter is not version-bound.
const PgParameterFact *find(const QString &name);

// Patroni's own: set from the Patroni configuration or forced, whatever the parameters say.
// Returns the reason, or an empty string when Patroni leaves the parameter alone.
QString managedByPatroni(const QString &name);

} // namespace PgParameters
} // namespace pgha
