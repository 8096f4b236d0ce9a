#include "gui/dashboard/MemberTableModel.h"

#include <QBrush>
#include <QColor>

namespace pgha {

MemberTableModel::MemberTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MemberTableModel::setMembers(const QList<MemberState> &members)
{
    // Same rows: update in place so that the selection and scroll position survive every poll.
    bool sameRows = members.size() == m_members.size();
    for (int i = 0; sameRows && i < members.size(); ++i)
        sameRows = members.at(i).name == m_members.at(i).name;
    if (sameRows) {
        if (members == m_members)
            return;
        m_members = members;
        emit dataChanged(index(0, 0), index(int(m_members.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_members = members;
    endResetModel();
}

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MemberTableModel::roleTitle(const MemberState &m)
{
    if (m.role.isEmpty())
        return {};
    QString r = m.role;
    r.replace(QLatin1Char('_'), QLatin1Char(' '));
    r[0] = r[0].toUpper();
    return r;
}

namespace {
QVariant mb(qint64 bytes)
{
    return bytes >= 0 ? QVariant(QString::number(double(bytes) / 1048576.0, 'f', 1)) : QVariant();
}
} // namespace

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size())
        return {};
    const MemberState &m = m_members.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Member: return m.isLeader() ? m.name + QStringLiteral(" \u2605") : m.name;
        case Host: return m.port > 0 && m.port != 5432 ? m.host + QLatin1Char(':') + QString::number(m.port) : m.host;
        case Role: return roleTitle(m);
        case State: return m.streaming && m.state == QLatin1String("running") ? QStringLiteral("running (streaming)") : m.state;
        case Timeline: return m.timeline > 0 ? QVariant(m.timeline) : QVariant();
        case LagMb: return mb(m.lagBytes);
        case ReceiveLagMb: return mb(m.receiveLagBytes);
        case ReplayLagMb: return mb(m.replayLagBytes);
        case PendingRestart: return m.pendingRestart ? QStringLiteral("*") : QString();
        case Tags: {
            QStringList parts;
            for (auto it = m.tags.cbegin(); it != m.tags.cend(); ++it) {
                if (it.value() != QLatin1String("false"))
                    parts << it.key() + QLatin1String(": ") + it.value();
            }
            return parts.join(QLatin1String(", "));
        }
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (!m.isRunning())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (m.isReplica() && !m.streaming)
            return QBrush(QColor(0xe6, 0x7e, 0x00));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Timeline || index.column() == LagMb
                                          || index.column() == ReceiveLagMb || index.column() == ReplayLagMb))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return m.name;
    return {};
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // QT_TR_NOOP: lupdate extracts them, tr() below translates them.
    static const char *const titles[] = {QT_TR_NOOP("Member"), QT_TR_NOOP("Host"), QT_TR_NOOP("Role"),
                                         QT_TR_NOOP("State"), QT_TR_NOOP("TL"), QT_TR_NOOP("Lag in MB"),
                                         QT_TR_NOOP("Receive lag in MB"), QT_TR_NOOP("Replay lag in MB"),
                                         QT_TR_NOOP("Pending restart"), QT_TR_NOOP("Tags")};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace pgha
