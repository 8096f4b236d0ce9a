// exactNetworks(): folding a set of addresses into the CIDR blocks that hold exactly them (core/util/Net.h).
#include "core/util/Net.h"

#include <algorithm>

namespace pgha {

namespace {

// An address as a 128-bit number (IPv4 in the low 32 bits); no __int128, which MSVC lacks.
struct U128
{
    quint64 hi = 0;
    quint64 lo = 0;
    bool operator==(const U128 &o) const { return hi == o.hi && lo == o.lo; }
    bool operator<(const U128 &o) const { return hi != o.hi ? hi < o.hi : lo < o.lo; }
    bool operator<=(const U128 &o) const { return !(o < *this); }
};

U128 toNumber(const IpAddress &a)
{
    U128 n;
    if (a.family == IpAddress::Family::V4) {
        for (int i = 0; i < 4; ++i)
            n.lo = (n.lo << 8) | a.bytes[size_t(i)];
        return n;
    }
    for (int i = 0; i < 8; ++i)
        n.hi = (n.hi << 8) | a.bytes[size_t(i)];
    for (int i = 8; i < 16; ++i)
        n.lo = (n.lo << 8) | a.bytes[size_t(i)];
    return n;
}

IpAddress fromNumber(const U128 &n, IpAddress::Family family)
{
    IpAddress a;
    a.family = family;
    if (family == IpAddress::Family::V4) {
        for (int i = 0; i < 4; ++i)
            a.bytes[size_t(i)] = quint8(n.lo >> (8 * (3 - i)));
        return a;
    }
    for (int i = 0; i < 8; ++i)
        a.bytes[size_t(i)] = quint8(n.hi >> (8 * (7 - i)));
    for (int i = 0; i < 8; ++i)
        a.bytes[size_t(8 + i)] = quint8(n.lo >> (8 * (7 - i)));
    return a;
}

// The low k bits set (0 <= k <= 128).
U128 lowMask(int k)
{
    U128 m;
    if (k >= 64) {
        m.lo = ~quint64(0);
        m.hi = k >= 128 ? ~quint64(0) : ((quint64(1) << (k - 64)) - 1);
    } else if (k > 0) {
        m.lo = (quint64(1) << k) - 1;
    }
    return m;
}

U128 orMask(const U128 &a, const U128 &m)
{
    return {a.hi | m.hi, a.lo | m.lo};
}

bool aligned(const U128 &a, int k)
{
    const U128 m = lowMask(k);
    return (a.hi & m.hi) == 0 && (a.lo & m.lo) == 0;
}

U128 plusOne(const U128 &a)
{
    U128 r = a;
    if (++r.lo == 0)
        ++r.hi;
    return r;
}

// Appends the blocks covering exactly [first, last].
void cover(U128 first, const U128 &last, IpAddress::Family family, int bits, QList<Cidr> *out)
{
    for (;;) {
        int k = 0;
        while (k < bits && aligned(first, k + 1) && orMask(first, lowMask(k + 1)) <= last)
            ++k;
        Cidr c;
        c.network = fromNumber(first, family);
        c.prefix = bits - k;
        c.hadPrefix = true;
        out->append(c);
        const U128 end = orMask(first, lowMask(k));
        if (!(end < last))
            return;
        first = plusOne(end);
    }
}

} // namespace

bool operator<(const IpAddress &a, const IpAddress &b)
{
    if (a.family != b.family)
        return a.family == IpAddress::Family::V4;
    return a.bytes < b.bytes;
}

QList<Cidr> exactNetworks(QList<IpAddress> addresses)
{
    std::sort(addresses.begin(), addresses.end());
    addresses.erase(std::unique(addresses.begin(), addresses.end()), addresses.end());
    QList<Cidr> out;
    int i = 0;
    while (i < addresses.size()) {
        const IpAddress::Family family = addresses.at(i).family;
        const int bits = addresses.at(i).bitCount();
        const U128 first = toNumber(addresses.at(i));
        U128 last = first;
        int j = i + 1;
        while (j < addresses.size() && addresses.at(j).family == family && toNumber(addresses.at(j)) == plusOne(last)) {
            last = plusOne(last);
            ++j;
        }
        cover(first, last, family, bits, &out);
        i = j;
    }
    return out;
}

} // namespace pgha
