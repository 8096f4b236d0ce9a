#include "core/util/Net.h"

#include <QHashFunctions>

namespace pgha {

namespace {

std::optional<std::array<quint8, 4>> parseV4(QStringView text)
{
    std::array<quint8, 4> out{};
    int part = 0;
    int value = -1;
    int digits = 0;
    bool leadingZero = false;
    for (int i = 0; i <= text.size(); ++i) {
        const QChar c = i < text.size() ? text[i] : QLatin1Char('.');
        if (c == QLatin1Char('.')) {
            if (digits == 0 || part > 3)
                return std::nullopt;
            out[size_t(part++)] = quint8(value);
            value = -1;
            digits = 0;
            leadingZero = false;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        // "010" is octal to inet_aton and decimal to others: refuse the ambiguity.
        if (leadingZero)
            return std::nullopt;
        if (digits == 0 && c == QLatin1Char('0'))
            leadingZero = true;
        value = (value < 0 ? 0 : value) * 10 + (c.unicode() - '0');
        if (++digits > 3 || value > 255)
            return std::nullopt;
    }
    if (part != 4)
        return std::nullopt;
    return out;
}

int hexValue(QChar c)
{
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

std::optional<std::array<quint8, 16>> parseV6(QStringView text)
{
    if (text.isEmpty() || text.size() > 45)
        return std::nullopt;
    std::array<quint16, 8> groups{};
    int count = 0;       // groups written
    int gapAt = -1;      // index in groups where "::" stands
    int i = 0;
    const int n = int(text.size());
    if (text.startsWith(QLatin1String("::"))) {
        gapAt = 0;
        i = 2;
        if (i == n)
            return std::array<quint8, 16>{};
    } else if (text[0] == QLatin1Char(':')) {
        return std::nullopt;
    }
    while (i < n) {
        // An IPv4 tail takes the last two groups.
        const int nextColon = int(text.indexOf(QLatin1Char(':'), i));
        const QStringView token = text.mid(i, (nextColon < 0 ? n : nextColon) - i);
        if (nextColon < 0 && token.contains(QLatin1Char('.'))) {
            const auto v4 = parseV4(token);
            if (!v4 || count > 6)
                return std::nullopt;
            groups[size_t(count++)] = quint16(((*v4)[0] << 8) | (*v4)[1]);
            groups[size_t(count++)] = quint16(((*v4)[2] << 8) | (*v4)[3]);
            i = n;
            break;
        }
        if (token.isEmpty() || token.size() > 4 || count >= 8)
            return std::nullopt;
        quint16 v = 0;
        for (QChar c : token) {
            const int h = hexValue(c);
            if (h < 0)
                return std::nullopt;
            v = quint16((v << 4) | h);
        }
        groups[size_t(count++)] = v;
        if (nextColon < 0) {
            i = n;
            break;
        }
        i = nextColon + 1;
        if (i < n && text[i] == QLatin1Char(':')) {
            if (gapAt >= 0)
                return std::nullopt;  // only one "::"
            gapAt = count;
            ++i;
        } else if (i == n) {
            return std::nullopt;  // trailing single ':'
        }
    }
    if (gapAt < 0 && count != 8)
        return std::nullopt;
    if (gapAt >= 0 && count > 7)
        return std::nullopt;
    std::array<quint16, 8> full{};
    if (gapAt < 0) {
        full = groups;
    } else {
        const int tail = count - gapAt;
        for (int k = 0; k < gapAt; ++k)
            full[size_t(k)] = groups[size_t(k)];
        for (int k = 0; k < tail; ++k)
            full[size_t(8 - tail + k)] = groups[size_t(gapAt + k)];
    }
    std::array<quint8, 16> out{};
    for (int k = 0; k < 8; ++k) {
        out[size_t(2 * k)] = quint8(full[size_t(k)] >> 8);
        out[size_t(2 * k + 1)] = quint8(full[size_t(k)] & 0xff);
    }
    return out;
}

} // namespace

std::optional<IpAddress> IpAddress::parse(QStringView text)
{
    IpAddress a;
    if (text.contains(QLatin1Char(':'))) {
        const auto v6 = parseV6(text);
        if (!v6)
            return std::nullopt;
        a.family = Family::V6;
        a.bytes = *v6;
        return a;
    }
    const auto v4 = parseV4(text);
    if (!v4)
        return std::nullopt;
    a.family = Family::V4;
    for (size_t k = 0; k < 4; ++k)
        a.bytes[k] = (*v4)[k];
    return a;
}

bool IpAddress::isUnspecified() const
{
    const int n = family == Family::V4 ? 4 : 16;
    for (int k = 0; k < n; ++k) {
        if (bytes[size_t(k)] != 0)
            return false;
    }
    return true;
}

bool IpAddress::isLoopback() const
{
    if (family == Family::V4)
        return bytes[0] == 127;
    for (int k = 0; k < 15; ++k) {
        if (bytes[size_t(k)] != 0)
            return false;
    }
    return bytes[15] == 1;
}

bool IpAddress::isMulticast() const
{
    return family == Family::V4 ? (bytes[0] & 0xf0) == 0xe0 : bytes[0] == 0xff;
}

bool IpAddress::isBroadcast() const
{
    return family == Family::V4 && bytes[0] == 255 && bytes[1] == 255 && bytes[2] == 255 && bytes[3] == 255;
}

QString IpAddress::toString() const
{
    if (family == Family::V4) {
        return QStringLiteral("%1.%2.%3.%4").arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
    }
    std::array<int, 8> g{};
    for (int k = 0; k < 8; ++k)
        g[size_t(k)] = (bytes[size_t(2 * k)] << 8) | bytes[size_t(2 * k + 1)];
    // RFC 5952: "::" replaces the longest run (>= 2) of zero groups, the first one on ties.
    int bestStart = -1, bestLen = 0;
    for (int k = 0; k < 8;) {
        if (g[size_t(k)] != 0) {
            ++k;
            continue;
        }
        int e = k;
        while (e < 8 && g[size_t(e)] == 0)
            ++e;
        if (e - k > bestLen && e - k >= 2) {
            bestStart = k;
            bestLen = e - k;
        }
        k = e;
    }
    QString s;
    for (int k = 0; k < 8; ++k) {
        if (k == bestStart) {
            s += QLatin1String("::");
            k += bestLen - 1;
            continue;
        }
        if (!s.isEmpty() && !s.endsWith(QLatin1Char(':')))
            s += QLatin1Char(':');
        s += QString::number(g[size_t(k)], 16);
    }
    return s;
}

size_t qHash(const IpAddress &address, size_t seed) noexcept
{
    return qHashBits(address.bytes.data(), address.bytes.size(), seed ^ size_t(address.family));
}

std::optional<Cidr> Cidr::parse(QStringView text)
{
    Cidr c;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto address = IpAddress::parse(slash < 0 ? text : text.left(slash));
    if (!address)
        return std::nullopt;
    c.network = *address;
    c.prefix = address->bitCount();
    if (slash >= 0) {
        const QStringView p = text.mid(slash + 1);
        if (p.isEmpty() || p.size() > 3)
            return std::nullopt;
        int v = 0;
        for (QChar ch : p) {
            if (ch < QLatin1Char('0') || ch > QLatin1Char('9'))
                return std::nullopt;
            v = v * 10 + (ch.unicode() - '0');
        }
        if (v > address->bitCount())
            return std::nullopt;
        c.prefix = v;
        c.hadPrefix = true;
    }
    return c;
}

bool Cidr::contains(const IpAddress &address) const
{
    if (address.family != network.family)
        return false;
    const int full = prefix / 8;
    for (int k = 0; k < full; ++k) {
        if (address.bytes[size_t(k)] != network.bytes[size_t(k)])
            return false;
    }
    const int rest = prefix % 8;
    if (rest == 0)
        return true;
    const quint8 mask = quint8(0xff << (8 - rest));
    return (address.bytes[size_t(full)] & mask) == (network.bytes[size_t(full)] & mask);
}

bool Cidr::hostBitsSet() const
{
    for (int i = prefix; i < network.bitCount(); ++i) {
        if (network.bit(i))
            return true;
    }
    return false;
}

QString Cidr::toString() const
{
    return network.toString() + QLatin1Char('/') + QString::number(prefix);
}

} // namespace pgha
