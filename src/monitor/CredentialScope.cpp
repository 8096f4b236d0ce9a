#include "monitor/CredentialScope.h"

#include <QUrl>

namespace pgha {

namespace {

bool httpScheme(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

} // namespace

QString CredentialScope::endpointKey(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

void CredentialScope::addEndpoint(const QUrl &url)
{
    if (httpScheme(url) && !url.host().isEmpty())
        endpoints.insert(endpointKey(url));
}

void CredentialScope::addHost(const QString &host)
{
    if (!host.isEmpty())
        hosts.insert(host.toLower());
}

bool CredentialScope::addSubnet(const QString &cidr)
{
    const std::optional<Cidr> c = Cidr::parse(cidr);
    // A subnet that admits every address would make the scope meaningless.
    if (!c || c->isAnyAddress())
        return false;
    subnets.append(*c);
    return true;
}

bool CredentialScope::allows(const QUrl &url) const
{
    // User info in a URL would be a second way to send credentials; such a URL is out of scope.
    if (!url.isValid() || !httpScheme(url) || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (endpoints.contains(endpointKey(url)) || hosts.contains(url.host().toLower()))
        return true;
    const std::optional<IpAddress> address = IpAddress::parse(url.host());
    if (!address)
        return false;  // a name: only an exact match above can admit it
    for (const Cidr &c : subnets) {
        if (c.contains(*address))
            return true;
    }
    return false;
}

} // namespace pgha
