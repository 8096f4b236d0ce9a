#include "core/generate/GeneratedFile.h"

namespace pgha {

QString fileSyntaxKey(FileSyntax s)
{
    switch (s) {
    case FileSyntax::Yaml: return QStringLiteral("yaml");
    case FileSyntax::Ini: return QStringLiteral("ini");
    case FileSyntax::HAProxy: return QStringLiteral("haproxy");
    case FileSyntax::Systemd: return QStringLiteral("systemd");
    case FileSyntax::Shell: return QStringLiteral("shell");
    case FileSyntax::Hosts: return QStringLiteral("hosts");
    case FileSyntax::Markdown: return QStringLiteral("markdown");
    case FileSyntax::Text: return QStringLiteral("text");
    }
    return {};
}

QString GeneratedFile::bundlePath() const
{
    QString p = path;
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    return host.isEmpty() ? p : host + QLatin1Char('/') + p;
}

const GeneratedFile *Bundle::find(const QString &host, const QString &path) const
{
    for (const GeneratedFile &f : files) {
        if (f.host == host && f.path == path)
            return &f;
    }
    return nullptr;
}

QList<const GeneratedFile *> Bundle::filesOf(const QString &host) const
{
    QList<const GeneratedFile *> out;
    for (const GeneratedFile &f : files) {
        if (f.host == host)
            out << &f;
    }
    return out;
}

} // namespace pgha
