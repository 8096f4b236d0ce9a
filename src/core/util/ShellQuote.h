#pragma once

#include <QString>
#include <QStringList>

namespace pgha {

// The one place remote command lines are built: POSIX single-quote escaping. Any byte sequence (spaces,
// quotes, $(...), ;, newlines) comes out as one literal word for sh.
QString shellQuote(const QString &word);
// The same, quoted even when the word needs no quotes ('abc'): for lines a reader compares as written (the
// install script's markers, pip's pinned version line), so that they read the same whatever they hold.
QString shellQuoteAlways(const QString &word);

// The inside of a double-quoted sh word ("...%1..."): \ " $ ` escaped, so that the text stays one literal
// word part (used where a script prints a message: step "Done on <host>").
QString shellDoubleQuoted(const QString &text);

// Quotes every word and joins them with spaces: an argv for `sh -c`.
QString shellJoin(const QStringList &words);

} // namespace pgha
