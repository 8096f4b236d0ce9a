#pragma once

#include "monitor/ClusterState.h"

#include <QAbstractTableModel>

namespace pgha {

// The members as `patronictl list` shows them: Member, Host, Role, State, TL, Lag in MB, Pending restart, Tags;
// plus Patroni 4.1's receive and replay lag apart (empty for older releases and for the leader).
class MemberTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Member, Host, Role, State, Timeline, LagMb, ReceiveLagMb, ReplayLagMb, PendingRestart, Tags, ColumnCount };

    explicit MemberTableModel(QObject *parent = nullptr);

    void setMembers(const QList<MemberState> &members);
    const QList<MemberState> &members() const { return m_members; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString roleTitle(const MemberState &m);

private:
    QList<MemberState> m_members;
};

} // namespace pgha
