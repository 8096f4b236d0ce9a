#include "gui/canvas/CanvasStyle.h"

#include <QPalette>

namespace pgha::CanvasStyle {

QColor roleColor(Role role)
{
    switch (role) {
    case Role::Postgres: return QColor(0x33, 0x67, 0x91);  // the PostgreSQL elephant's blue
    case Role::Etcd: return QColor(0x2e, 0x9e, 0x6b);
    case Role::HAProxy: return QColor(0xc7, 0x6a, 0x1c);
    case Role::Backup: return QColor(0x6a, 0x4c, 0x93);
    }
    return Qt::gray;
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::Error: return QColor(0xd3, 0x2f, 0x2f);
    case Severity::Warning: return QColor(0xe8, 0x9a, 0x0c);
    case Severity::Info: return QColor(0x1e, 0x88, 0xe5);
    }
    return Qt::gray;
}

QColor hostAccent(const Roles &roles)
{
    if (roles.testFlag(Role::Postgres))
        return roleColor(Role::Postgres);
    if (roles.testFlag(Role::Etcd))
        return roleColor(Role::Etcd);
    if (roles.testFlag(Role::HAProxy))
        return roleColor(Role::HAProxy);
    if (roles.testFlag(Role::Backup))
        return roleColor(Role::Backup);
    return Qt::gray;
}

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}

QColor linkColor(Link link)
{
    switch (link) {
    case Link::HAProxy: return roleColor(Role::HAProxy);
    case Link::Dcs: return roleColor(Role::Etcd);
    case Link::EtcdPeer: return QColor(0x1b, 0x6e, 0x4a);
    case Link::Replication: return QColor(0x6a, 0x4c, 0xb0);
    }
    return Qt::gray;
}

Qt::PenStyle linkStyle(Link link)
{
    switch (link) {
    case Link::HAProxy: return Qt::SolidLine;
    case Link::Dcs: return Qt::DashLine;
    case Link::EtcdPeer: return Qt::DotLine;
    case Link::Replication: return Qt::DashDotLine;
    }
    return Qt::SolidLine;
}

} // namespace pgha::CanvasStyle
