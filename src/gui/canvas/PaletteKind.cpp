#include "gui/canvas/PaletteKind.h"

#include <QCoreApplication>

namespace pgha::Palette {

QList<PaletteKind> all()
{
    return {PaletteKind::Database, PaletteKind::Etcd, PaletteKind::HAProxy, PaletteKind::Combined, PaletteKind::Backup,
            PaletteKind::Subnet};
}

QString key(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Database: return QStringLiteral("database");
    case PaletteKind::Etcd: return QStringLiteral("etcd");
    case PaletteKind::HAProxy: return QStringLiteral("haproxy");
    case PaletteKind::Combined: return QStringLiteral("combined");
    case PaletteKind::Subnet: return QStringLiteral("subnet");
    case PaletteKind::Backup: return QStringLiteral("backup");
    }
    return {};
}

bool fromKey(const QString &k, PaletteKind *out)
{
    for (PaletteKind kind : all()) {
        if (key(kind) == k) {
            *out = kind;
            return true;
        }
    }
    return false;
}

Roles roles(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Database: return Role::Postgres;
    case PaletteKind::Etcd: return Role::Etcd;
    case PaletteKind::HAProxy: return Role::HAProxy;
    case PaletteKind::Combined: return Roles(Role::Postgres) | Role::Etcd;
    case PaletteKind::Subnet: return {};
    case PaletteKind::Backup: return Role::Backup;
    }
    return {};
}

QString baseName(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Database:
    case PaletteKind::Combined: return QStringLiteral("node1");
    case PaletteKind::Etcd: return QStringLiteral("etcd1");
    case PaletteKind::HAProxy: return QStringLiteral("haproxy1");
    case PaletteKind::Subnet: return QStringLiteral("subnet1");
    case PaletteKind::Backup: return QStringLiteral("backup1");
    }
    return {};
}

QString iconPath(PaletteKind kind)
{
    return QStringLiteral(":/icons/node-%1.svg").arg(key(kind));
}

QString title(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Database: return QCoreApplication::translate("pgha::Palette", "Database node");
    case PaletteKind::Etcd: return QCoreApplication::translate("pgha::Palette", "etcd node");
    case PaletteKind::HAProxy: return QCoreApplication::translate("pgha::Palette", "HAProxy node");
    case PaletteKind::Combined: return QCoreApplication::translate("pgha::Palette", "Combined node");
    case PaletteKind::Subnet: return QCoreApplication::translate("pgha::Palette", "Subnet");
    case PaletteKind::Backup: return QCoreApplication::translate("pgha::Palette", "Backup repository");
    }
    return {};
}

QString description(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Database: return QCoreApplication::translate("pgha::Palette", "PostgreSQL managed by Patroni");
    case PaletteKind::Etcd: return QCoreApplication::translate("pgha::Palette", "A dedicated etcd member (the DCS)");
    case PaletteKind::HAProxy: return QCoreApplication::translate("pgha::Palette", "Load balancer routing to the primary (5000) and replicas (5001)");
    case PaletteKind::Combined: return QCoreApplication::translate("pgha::Palette", "PostgreSQL + Patroni + etcd on one host");
    case PaletteKind::Subnet: return QCoreApplication::translate("pgha::Palette", "A network zone; hosts dropped into it get its next free address");
    case PaletteKind::Backup: return QCoreApplication::translate("pgha::Palette", "pgBackRest repository host: backups and the WAL archive");
    }
    return {};
}

} // namespace pgha::Palette
