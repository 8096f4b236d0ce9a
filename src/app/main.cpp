#include "gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// Resident memory in MiB (Linux only; elsewhere -1).
double residentMiB()
{
#ifdef Q_OS_LINUX
    QFile f(QStringLiteral("/proc/self/status"));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &l : lines) {
            if (l.startsWith("VmRSS:"))
                return l.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
#endif
    return -1;
}

// Our strings from the translations resource (":/i18n/pgha_<lang>.qm", built by translations/), and Qt's
// own for the standard dialogs. Missing files are fine: the English source strings remain.
void installTranslations(QApplication &app, const QString &override)
{
    const QLocale locale = override.isEmpty() ? QLocale::system() : QLocale(override);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("pgha"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PG HA Designer"));
    QApplication::setOrganizationName(QStringLiteral("PG HA Designer"));
    QApplication::setOrganizationDomain(QStringLiteral("pgha.example.org"));
    QApplication::setApplicationVersion(QStringLiteral(PGHA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pghadesigner.PgHaDesigner"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design highly available PostgreSQL clusters."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A design (*.pgha.yaml) to open."));
    const QCommandLineOption quitAfterShow(QStringLiteral("quit-after-show"),
                                           QStringLiteral("Print the time to the shown window and the resident memory, then quit."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window once shown, then quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language (e.g. de), overriding the preference."),
                                  QStringLiteral("LANG"));
    parser.addOption(quitAfterShow);
    parser.addOption(screenshot);
    parser.addOption(lang);
    parser.process(app);

    const QString language = parser.isSet(lang) ? parser.value(lang) : QSettings().value(QStringLiteral("ui/language")).toString();
    installTranslations(app, language);

    pgha::MainWindow window;
    const bool batch = parser.isSet(quitAfterShow) || parser.isSet(screenshot);
    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    window.show();
    if (!batch)
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });

    if (batch) {
        // Zero-timer after show: runs once the window has been laid out and exposed.
        QTimer::singleShot(0, &window, [&] {
            const qint64 shownMs = sinceStart.elapsed();
            if (parser.isSet(quitAfterShow))
                QTextStream(stdout) << "shown_ms " << shownMs << "\nrss_mib " << QString::number(residentMiB(), 'f', 1) << Qt::endl;
            if (parser.isSet(screenshot)) {
                // Let the first analysis arrive so that findings and preview are filled in.
                QTimer::singleShot(600, &window, [&] {
                    const bool ok = window.grab().save(parser.value(screenshot));
                    QTextStream(stdout) << (ok ? "wrote " : "could not write ") << parser.value(screenshot) << Qt::endl;
                    app.exit(ok ? 0 : 1);
                });
                return;
            }
            app.exit(0);
        });
    }
    return app.exec();
}
