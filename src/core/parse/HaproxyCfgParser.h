#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace pgha {

// One line of haproxy.cfg: its keyword and arguments (comments removed, quotes resolved).
struct HaproxyDirective
{
    QString keyword;     // "bind", "server", "default-server", "option", "maxconn", ...
    QStringList args;
    int line = 0;        // 1-based
    QString text;        // the line as written, trimmed

    // The argument after `name` ("inter" -> "3s"); empty when absent.
    QString argAfter(const QString &name) const;
    bool hasArg(const QString &name) const { return args.contains(name); }
};

struct HaproxySection
{
    QString type;        // global, defaults, listen, frontend, backend, resolvers, peers, userlist, ...
    QString name;        // empty for global and an unnamed defaults
    int line = 0;
    QList<HaproxyDirective> directives;

    const HaproxyDirective *first(const QString &keyword) const;
    QList<const HaproxyDirective *> all(const QString &keyword) const;
};

struct HaproxyCfg
{
    QString path;
    QList<HaproxySection> sections;
};

// haproxy.cfg as HAProxy reads it: sections opened by their keyword at any indentation, '#' comments, words split
// on blanks, "..." and '...' quoting and backslash escapes. A directive before the first section is an error with
// its line, as HAProxy refuses it too.
namespace HaproxyCfgParser {

Result<HaproxyCfg> parse(const QByteArray &text, const QString &path);

// A time as HAProxy reads it ("3s", "1000ms", "1000" = milliseconds, "2m"); -1 when it is not one.
qint64 timeMs(const QString &text);

} // namespace HaproxyCfgParser
} // namespace pgha
