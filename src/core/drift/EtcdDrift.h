#pragma once

#include "core/drift/DriftCompute.h"

namespace pgha {

// etcd's membership against the design's etcd hosts (part of computeDrift). view: the design's etcd host whose
// member list was read (nullptr: none answered). Members are matched by peer URL, else by name. A design host the
// list lacks is DriftItem::Fix::EtcdAddMember (its own file items join that fix: its files are written by the
// member's own steps), a member the design lacks EtcdRemoveMember; both Manual when the change, made one member
// at a time (core/validation/EtcdTransition), would leave etcd without quorum, or when the new host is a
// PostgreSQL host that is not a running Patroni member yet. report->leader/replicas must be filled already.
void addEtcdMemberDrift(const DriftDesign &design, const ObservedHost *view, DriftReport *report);

} // namespace pgha
