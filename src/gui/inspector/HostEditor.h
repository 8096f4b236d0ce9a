#pragma once

#include "core/model/Topology.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace pgha {

class Document;

// Inspector page for one host. Every edit becomes one ChangeValueCommand.
class HostEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HostEditor(Document *document, QWidget *parent = nullptr);
    void setHost(quint32 uid);
    quint32 hostUid() const { return m_uid; }

private:
    void refresh();
    void edit(const std::function<void(Host &)> &change, const QString &mergeKey = {});

    Document *m_doc;
    quint32 m_uid = 0;
    QLabel *m_title;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QComboBox *m_subnet;
    QComboBox *m_os;
    QCheckBox *m_postgres;
    QCheckBox *m_etcd;
    QCheckBox *m_haproxy;
    QCheckBox *m_backup;
    QLineEdit *m_sshUser;
    QSpinBox *m_sshPort;
    QSpinBox *m_vipPriority;
    QLineEdit *m_identity;
    QCheckBox *m_nofailover;
    QCheckBox *m_noloadbalance;
    QCheckBox *m_nosync;
    QCheckBox *m_clonefrom;
};

} // namespace pgha
