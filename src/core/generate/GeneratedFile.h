#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace pgha {

// How the preview highlights a file.
enum class FileSyntax { Yaml, Ini, HAProxy, Systemd, Shell, Hosts, Markdown, Text };
QString fileSyntaxKey(FileSyntax s);  // "yaml", "ini", "haproxy", "systemd", "shell", "hosts", "markdown", "text"

struct GeneratedFile
{
    QString host;       // host name; empty for files of the bundle itself (README.md runbook)
    QString path;       // target path on the host, absolute ("/etc/patroni/patroni.yml"), or relative for bundle files
    QByteArray content;
    int mode = 0644;    // POSIX permission bits; 0600 for anything holding a secret, 0755 for scripts
    FileSyntax syntax = FileSyntax::Text;
    bool secret = false;

    // Where the file lands inside an exported bundle: "<host>/<path without leading slash>" or "<path>".
    QString bundlePath() const;
};

struct Bundle
{
    QString clusterName;
    QList<GeneratedFile> files;  // sorted by bundlePath()

    const GeneratedFile *find(const QString &host, const QString &path) const;
    QList<const GeneratedFile *> filesOf(const QString &host) const;
};

} // namespace pgha
