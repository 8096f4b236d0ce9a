#pragma once

#include "core/model/Topology.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace pgha {

class Document;

// Inspector page for one subnet: name, CIDR, client range. Each edit is one ChangeValueCommand (a rename carries
// the subnet's hosts along, EditRules::hostsFollowingRename).
class SubnetEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SubnetEditor(Document *document, QWidget *parent = nullptr);
    void setSubnet(quint32 uid);
    quint32 subnetUid() const { return m_uid; }

private:
    void refresh();
    void edit(const std::function<void(Subnet &)> &change);

    Document *m_doc;
    quint32 m_uid = 0;
    QLabel *m_title;
    QLineEdit *m_name;
    QLineEdit *m_cidr;
    QCheckBox *m_clients;
    QCheckBox *m_admin;
    QCheckBox *m_membersOnly;
    QCheckBox *m_autoSize;
    QLabel *m_summary;
};

} // namespace pgha
