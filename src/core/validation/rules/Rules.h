#pragma once

#include "core/validation/Finding.h"

namespace pgha {

class RuleContext;

// One function per rule; RuleTable.cpp registers them. Grouped in files by the component they concern.
namespace rules {

// Naming (NamingRules.cpp)
void invalidClusterName(const RuleContext &c, Findings &out);
void invalidHostName(const RuleContext &c, Findings &out);
void duplicateHostName(const RuleContext &c, Findings &out);
// Addresses and subnets (AddressRules.cpp)
void invalidAddress(const RuleContext &c, Findings &out);
void duplicateAddress(const RuleContext &c, Findings &out);
void invalidSubnet(const RuleContext &c, Findings &out);
void unknownSubnet(const RuleContext &c, Findings &out);
void addressOutsideSubnet(const RuleContext &c, Findings &out);
// Hosts (HostRules.cpp)
void hostWithoutRole(const RuleContext &c, Findings &out);
void unknownOs(const RuleContext &c, Findings &out);
void mixedOsFamily(const RuleContext &c, Findings &out);
void postgresOsMismatch(const RuleContext &c, Findings &out);
void sshPortInvalid(const RuleContext &c, Findings &out);
// Ports (PortRules.cpp)
void portConflict(const RuleContext &c, Findings &out);
void reservedPort(const RuleContext &c, Findings &out);
// etcd (EtcdRules.cpp)
void etcdQuorum(const RuleContext &c, Findings &out);
void etcdColocated(const RuleContext &c, Findings &out);
// Patroni (PatroniRules.cpp)
void tooFewPostgres(const RuleContext &c, Findings &out);
void noFailoverCandidate(const RuleContext &c, Findings &out);
void noReadReplica(const RuleContext &c, Findings &out);
void patroniTiming(const RuleContext &c, Findings &out);
void syncNeedsReplicas(const RuleContext &c, Findings &out);
void failoverEstimate(const RuleContext &c, Findings &out);
// What the chosen Patroni release accepts (PatroniVersionRules.cpp)
void patroniPipUnpinned(const RuleContext &c, Findings &out);
void patroniVersionTiming(const RuleContext &c, Findings &out);
void patroniVersionSetting(const RuleContext &c, Findings &out);
// HAProxy (HAProxyRules.cpp)
void haproxyMissing(const RuleContext &c, Findings &out);
void haproxySinglePoint(const RuleContext &c, Findings &out);
void haproxyMaxconn(const RuleContext &c, Findings &out);
void haproxySlowChecks(const RuleContext &c, Findings &out);
void lbInDbSubnet(const RuleContext &c, Findings &out);
// PgBouncer (PoolerRules.cpp)
void poolerPlacement(const RuleContext &c, Findings &out);
void poolerPoolSize(const RuleContext &c, Findings &out);
void poolerHaproxyMaxconn(const RuleContext &c, Findings &out);
void poolerPreparedStatements(const RuleContext &c, Findings &out);
// PostgreSQL (PostgresRules.cpp)
void pgVersionUnsupported(const RuleContext &c, Findings &out);
void pgParamUnsupported(const RuleContext &c, Findings &out);
void pgParamManaged(const RuleContext &c, Findings &out);
void maxWalSenders(const RuleContext &c, Findings &out);
void maxReplicationSlots(const RuleContext &c, Findings &out);
void dataDirUnsafe(const RuleContext &c, Findings &out);
// Client access (HbaRules.cpp)
void hbaTooOpen(const RuleContext &c, Findings &out);
void hbaInvalid(const RuleContext &c, Findings &out);
void clientsSubnetMissing(const RuleContext &c, Findings &out);
// Input grammars (InputRules.cpp)
void invalidRoleName(const RuleContext &c, Findings &out);
void invalidEtcdToken(const RuleContext &c, Findings &out);
void pgParamInvalid(const RuleContext &c, Findings &out);
void dataDirInvalid(const RuleContext &c, Findings &out);
// Secrets (SecretRules.cpp, InputRules.cpp)
void weakSecret(const RuleContext &c, Findings &out);
void secretInvalid(const RuleContext &c, Findings &out);
// A password seen in guides and images (qaz123, replPasswd, postgres, ...), case-insensitive; pgha lint uses it too.
bool isKnownDefaultSecret(const QString &secret);
// Floating address, keepalived (VipRules.cpp)
void vipInvalid(const RuleContext &c, Findings &out);
void vipRouterId(const RuleContext &c, Findings &out);
void vipTooFewHAProxy(const RuleContext &c, Findings &out);
void vipOutsideSubnet(const RuleContext &c, Findings &out);
void vipCollision(const RuleContext &c, Findings &out);
// TLS
void tlsOff(const RuleContext &c, Findings &out);
void tlsCaMissing(const RuleContext &c, Findings &out);
void tlsCertExpiring(const RuleContext &c, Findings &out);
// Backups (BackupRules.cpp)
void noBackups(const RuleContext &c, Findings &out);
void backupRepository(const RuleContext &c, Findings &out);
void backupInvalid(const RuleContext &c, Findings &out);
void backupRetention(const RuleContext &c, Findings &out);
void backupArchiveTimeout(const RuleContext &c, Findings &out);
// Extra settings, cluster.extra / hosts[].extra (ExtraRules.cpp)
void extraInvalid(const RuleContext &c, Findings &out);
void extraOverridesGenerated(const RuleContext &c, Findings &out);

} // namespace rules
} // namespace pgha
