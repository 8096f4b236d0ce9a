#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgha::test {

// One <message> of a Qt Linguist .ts file, as the tests need it.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;       // disambiguation passed to tr()
    bool numerus = false;
    QString type;          // "" (finished), "unfinished", "vanished", "obsolete"
    QString translation;   // non-numerus
    QStringList forms;     // numerus forms
};

struct TsFile
{
    QString language;
    QString sourceLanguage;
    QList<TsMessage> messages;
    QString error;         // empty when the file was read completely
};

TsFile readTsFile(const QString &path);

// Messages still to translate: unfinished, empty, or a numerus message missing a form (German has two).
QList<TsMessage> untranslated(const TsFile &ts, int numerusForms = 2);

} // namespace pgha::test
