#include "core/parse/ConfigFile.h"

namespace pgha {

const ConfigEntry *ConfigFile::find(const QString &key) const
{
    for (const ConfigEntry &e : entries) {
        if (e.key == key)
            return &e;
    }
    return nullptr;
}

QString ConfigFile::childName(const QString &parent, const QString &key)
{
    if (parent.isEmpty())
        return key;
    if (key.size() <= parent.size() || !key.startsWith(parent))
        return {};
    const QChar sep = key.at(parent.size());
    if (sep == QLatin1Char('.'))
        return key.mid(parent.size() + 1);
    if (sep == QLatin1Char('['))
        return key.mid(parent.size());
    return {};
}

QList<const ConfigEntry *> ConfigFile::children(const QString &key) const
{
    QList<const ConfigEntry *> out;
    for (const ConfigEntry &e : entries) {
        const QString rest = childName(key, e.key);
        if (rest.isEmpty())
            continue;
        // One level: no further '.' or '[' after the first element (a sequence index "[3]" is one element).
        const qsizetype start = rest.startsWith(QLatin1Char('[')) ? rest.indexOf(QLatin1Char(']')) + 1 : 0;
        if (rest.indexOf(QLatin1Char('.'), start) >= 0 || rest.indexOf(QLatin1Char('['), start) >= 0)
            continue;
        out << &e;
    }
    return out;
}

} // namespace pgha
