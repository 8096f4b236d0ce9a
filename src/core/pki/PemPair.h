#pragma once

#include <QByteArray>

namespace pgha {

// A certificate and its private key, both PEM. The key is a secret (0600, never in the project file);
// keyPem may be empty for a CA the user supplied without its key.
struct PemPair
{
    QByteArray certPem;
    QByteArray keyPem;

    bool isEmpty() const { return certPem.isEmpty() && keyPem.isEmpty(); }
    bool operator==(const PemPair &o) const { return certPem == o.certPem && keyPem == o.keyPem; }
    bool operator!=(const PemPair &o) const { return !(*this == o); }
};

} // namespace pgha
