#include "core/validation/PgParameters.h"

#include <QCoreApplication>

namespace pgha::PgParameters {

namespace {

const PgParameterFact kFacts[] = {
    // Removed or renamed (PostgreSQL release notes, "Migration" / "Server Configuration").
    {"replication_timeout", 0, 9, "wal_sender_timeout", false},               // 9.3
    {"checkpoint_segments", 0, 9, "max_wal_size", false},                     // 9.5
    {"sql_inheritance", 0, 10, nullptr, false},
    {"min_parallel_relation_size", 0, 10, "min_parallel_table_scan_size", false},
    {"replacement_sort_tuples", 0, 11, nullptr, false},
    {"standby_mode", 0, 12, nullptr, false},                                  // standby.signal; Patroni writes it
    {"trigger_file", 0, 12, "promote_trigger_file", false},
    {"wal_keep_segments", 0, 13, "wal_keep_size", true},
    {"operator_precedence_warning", 0, 14, nullptr, false},
    {"vacuum_cleanup_index_scale_factor", 0, 14, nullptr, false},
    {"stats_temp_directory", 0, 15, nullptr, false},
    {"vacuum_defer_cleanup_age", 0, 16, nullptr, false},
    {"promote_trigger_file", 12, 16, nullptr, false},                         // pg_ctl promote / pg_promote()
    {"force_parallel_mode", 0, 16, "debug_parallel_query", false},
    {"old_snapshot_threshold", 0, 17, nullptr, false},
    {"db_user_namespace", 0, 17, nullptr, false},
    {"trace_recovery_messages", 0, 17, nullptr, false},
    // Added: older servers refuse them as unknown.
    {"wal_keep_size", 13, 0, nullptr, true},
    {"max_slot_wal_keep_size", 13, 0, nullptr, false},
    {"hash_mem_multiplier", 13, 0, nullptr, false},
    {"idle_session_timeout", 14, 0, nullptr, false},
    {"client_connection_check_interval", 14, 0, nullptr, false},
    {"debug_parallel_query", 16, 0, nullptr, false},
    {"reserved_connections", 16, 0, nullptr, false},
    {"summarize_wal", 17, 0, nullptr, false},
    {"transaction_timeout", 17, 0, nullptr, false},
    {"io_method", 18, 0, nullptr, false},
};

} // namespace

const PgParameterFact *find(const QString &name)
{
    for (const PgParameterFact &f : kFacts) {
        if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QString managedByPatroni(const QString &name)
{
    // patroni/postgresql/config.py (3.0): get_server_parameters() and CMDLINE_OPTIONS.
    const QString n = name.toLower();
    if (n == QLatin1String("listen_addresses") || n == QLatin1String("port"))
        return QCoreApplication::translate("pgha::Rules", "Patroni sets it from postgresql.listen");
    if (n == QLatin1String("cluster_name"))
        return QCoreApplication::translate("pgha::Rules", "Patroni sets it to the cluster's scope");
    if (n == QLatin1String("hot_standby") || n == QLatin1String("wal_log_hints"))
        return QCoreApplication::translate("pgha::Rules", "Patroni always runs with it on");
    if (n == QLatin1String("synchronous_standby_names"))
        return QCoreApplication::translate("pgha::Rules", "Patroni manages it (synchronous_mode)");
    if (n == QLatin1String("data_directory") || n == QLatin1String("hba_file") || n == QLatin1String("ident_file")
        || n == QLatin1String("config_file"))
        return QCoreApplication::translate("pgha::Rules", "Patroni writes the configuration files and chooses their paths");
    if (n == QLatin1String("primary_conninfo") || n == QLatin1String("primary_slot_name")
        || n == QLatin1String("recovery_target_timeline"))
        return QCoreApplication::translate("pgha::Rules", "Patroni writes the recovery settings of every replica");
    return {};
}

} // namespace pgha::PgParameters
