#pragma once

#include "core/model/Topology.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QTableWidget;

namespace pgha {

class Document;

// Inspector page for the cluster (shown when nothing is selected): PostgreSQL, Patroni, etcd and HAProxy
// settings, the floating address, PgBouncer, backups and the PostgreSQL parameters. Spin boxes merge their steps into one undo command per field.
class ClusterEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterEditor(Document *document, QWidget *parent = nullptr);

private:
    void refresh();
    void edit(const QString &key, const QString &text, const std::function<void(Cluster &)> &change);
    void addSpin(QFormLayout *form, const QString &key, const QString &label, int min, int max, const QString &suffix,
                 int Cluster::*dummy, std::function<int &(Cluster &)> field);
    void addCheck(QFormLayout *form, const QString &key, const QString &label, std::function<bool &(Cluster &)> field);
    void addText(QFormLayout *form, const QString &key, const QString &label, std::function<QString &(Cluster &)> field);
    void parametersEdited();
    void refreshBackup(const Topology &topology);

    Document *m_doc;
    QList<std::function<void(const Cluster &)>> m_refreshers;
    QTableWidget *m_params;
    QComboBox *m_repository = nullptr;
    QGroupBox *m_backupBox = nullptr;
    bool m_refreshing = false;
};

} // namespace pgha
