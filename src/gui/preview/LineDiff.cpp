#include "gui/preview/LineDiff.h"

#include <vector>

namespace pgha::LineDiff {

QStringList diff(const QStringList &a, const QStringList &b)
{
    // Trim the common head and tail first: an edit usually touches a few lines of a config file.
    int head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const int n = int(a.size()) - head - tail;
    const int m = int(b.size()) - head - tail;
    QStringList out;
    for (int i = 0; i < head; ++i)
        out << QStringLiteral("  ") + a[i];
    if (qint64(n) * m > 4'000'000) {  // too big for the table: show it as replaced
        for (int i = 0; i < n; ++i)
            out << QStringLiteral("- ") + a[head + i];
        for (int j = 0; j < m; ++j)
            out << QStringLiteral("+ ") + b[head + j];
    } else {
        std::vector<int> lcs(size_t(n + 1) * size_t(m + 1), 0);
        const auto at = [&](int i, int j) -> int & { return lcs[size_t(i) * size_t(m + 1) + size_t(j)]; };
        for (int i = n - 1; i >= 0; --i) {
            for (int j = m - 1; j >= 0; --j)
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i] == b[head + j]) {
                out << QStringLiteral("  ") + a[head + i];
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out << QStringLiteral("- ") + a[head + i];  // removals first, as diff(1) shows them
                ++i;
            } else {
                out << QStringLiteral("+ ") + b[head + j];
                ++j;
            }
        }
    }
    for (int k = int(a.size()) - tail; k < a.size(); ++k)
        out << QStringLiteral("  ") + a[k];
    return out;
}

QString unified(const QString &before, const QString &after)
{
    if (before == after)
        return {};
    return diff(before.split(QLatin1Char('\n')), after.split(QLatin1Char('\n'))).join(QLatin1Char('\n'));
}

} // namespace pgha::LineDiff
