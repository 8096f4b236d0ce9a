#pragma once

// Helpers shared by the GUI tests: reach widgets by objectName, wait for the analysis.
#include "core/validation/Finding.h"
#include "gui/MainWindow.h"
#include "gui/analysis/Analyzer.h"

#include <QLineEdit>
#include <QTest>

namespace pgha::test {

template <typename T>
T *child(QObject *root, const char *name)
{
    T *w = root->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

inline bool waitAnalysed(MainWindow &w, int timeoutMs = 15000)
{
    // The analysis is debounced and runs on its own thread; results are applied on the GUI thread.
    return QTest::qWaitFor([&] { return !w.analyzer()->isBusy(); }, timeoutMs);
}

inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    emit edit->editingFinished();
}

inline bool hasFinding(const Findings &findings, const QString &rule, Severity *severity = nullptr)
{
    for (const Finding &f : findings) {
        if (f.ruleId == rule) {
            if (severity)
                *severity = f.severity;
            return true;
        }
    }
    return false;
}

} // namespace pgha::test
