#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace pgha {

// A literal IPv4 or IPv6 address. pgha_core may not link QtNetwork, so QHostAddress is not available here.
struct IpAddress
{
    enum class Family : quint8 { V4, V6 };

    Family family = Family::V4;
    std::array<quint8, 16> bytes{};  // IPv4 uses the first 4, in network order

    // Strict literals only: dotted quad without leading zeros ("10.0.0.1"), or RFC 4291 text with
    // optional "::" and an embedded IPv4 tail ("::ffff:10.0.0.1"). No zone ids, no host names.
    static std::optional<IpAddress> parse(QStringView text);

    int bitCount() const { return family == Family::V4 ? 32 : 128; }
    bool bit(int i) const { return (bytes[size_t(i / 8)] >> (7 - i % 8)) & 1; }
    bool isUnspecified() const;  // 0.0.0.0, ::
    bool isLoopback() const;     // 127.0.0.0/8, ::1
    bool isMulticast() const;    // 224.0.0.0/4, ff00::/8
    bool isBroadcast() const;    // 255.255.255.255
    QString toString() const;    // canonical form (RFC 5952 for IPv6)

    bool operator==(const IpAddress &o) const { return family == o.family && bytes == o.bytes; }
    bool operator!=(const IpAddress &o) const { return !(*this == o); }
};

size_t qHash(const IpAddress &address, size_t seed = 0) noexcept;
bool operator<(const IpAddress &a, const IpAddress &b);  // IPv4 before IPv6, then numerically

// A network in CIDR notation. A bare address parses as a host network (/32 or /128) with hadPrefix false,
// so that callers for whom the mask is mandatory (subnets, pg_hba) can say so.
struct Cidr
{
    IpAddress network;  // as written; host bits may be set (see hostBitsSet)
    int prefix = 0;
    bool hadPrefix = false;

    static std::optional<Cidr> parse(QStringView text);

    bool contains(const IpAddress &address) const;
    bool hostBitsSet() const;
    bool isAnyAddress() const { return prefix == 0; }  // 0.0.0.0/0, ::/0
    QString toString() const;
};

// The fewest CIDR networks that together hold exactly the given addresses, no other one (duplicates are
// ignored): contiguous addresses fold into aligned blocks, so 10.0.0.8 - 10.0.0.15 become 10.0.0.8/29. Sorted
// by address, IPv4 first. Used for pg_hba lines that must admit the cluster's members and nobody else.
QList<Cidr> exactNetworks(QList<IpAddress> addresses);

} // namespace pgha
