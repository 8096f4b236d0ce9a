#pragma once

#include <QTableWidget>

namespace pgha {

struct ClusterState;

// The dashboard's TLS tab: per https endpoint, the certificate it presented this poll and the days it has left
// (orange within cluster.security.cert_warn_days, red once expired or not accepted).
class TlsTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit TlsTable(QWidget *parent = nullptr);
    void setState(const ClusterState &state);
};

} // namespace pgha
