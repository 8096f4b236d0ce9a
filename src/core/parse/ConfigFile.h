#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace pgha {

// One value of a configuration file (patroni.yml, etcd's YAML or environment file) with where it stands, so that
// checks on real files can name file:line:column and the key.
struct ConfigEntry
{
    QString key;       // dotted path as the file spells it: "bootstrap.dcs.ttl", "bootstrap.pg_hba[2]", "ETCD_NAME"
    QString value;     // the scalar's text; empty for a mapping, a sequence or null
    int line = 0;      // 1-based
    int column = 0;    // 1-based
    bool scalar = true;
};

// A configuration file as keyed entries in file order (mappings and sequences have an entry of their own).
struct ConfigFile
{
    QString path;
    QList<ConfigEntry> entries;
    QList<ConfigEntry> invalidLines;  // environment files: lines that are not NAME=value (key empty, value the text)
    QByteArray text;                  // the file as read (LintLoader::add): pgha import keeps what it cannot map from it

    const ConfigEntry *find(const QString &key) const;
    QString value(const QString &key) const { const ConfigEntry *e = find(key); return e ? e->value : QString(); }
    bool has(const QString &key) const { return find(key) != nullptr; }
    // The entries one level below key: "key.name" and "key[i]" (not deeper), in file order.
    QList<const ConfigEntry *> children(const QString &key) const;
    // The last path element of an entry below key ("bootstrap.users.admin" under "bootstrap.users" -> "admin").
    static QString childName(const QString &parent, const QString &key);
};

} // namespace pgha
