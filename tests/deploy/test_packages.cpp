// One package list: for every OS x distribution x role set, the exported install script and the SSH deploy's
// "install packages" step install exactly the same packages (issue 12, defect 2).
#include "core/generate/GeneratedFile.h"
#include "core/generate/InstallScript.h"
#include "core/model/Platform.h"
#include "core/model/Secrets.h"
#include "core/model/Topology.h"
#include "deploy/DeployPlan.h"

#include <QRegularExpression>
#include <QTest>

using namespace pgha;

namespace {

QStringList words(const QString &line)
{
    QStringList out;
    const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString w : parts) {
        if (w.startsWith(QLatin1Char('\'')) && w.endsWith(QLatin1Char('\'')) && w.size() >= 2)
            w = w.mid(1, w.size() - 2);
        out << w;
    }
    return out;
}

// The packages of the install script's "Packages" step: the dnf / apt-get line right after it.
QStringList scriptPackages(const QByteArray &script)
{
    const QStringList lines = QString::fromUtf8(script).split(QLatin1Char('\n'));
    const int step = int(lines.indexOf(QStringLiteral("step \"Packages\"")));
    if (step < 0)
        return {};
    for (int i = step + 1; i < lines.size() && !lines.at(i).startsWith(QLatin1String("step ")); ++i) {
        const QString &l = lines.at(i);
        if (l.startsWith(QLatin1String("dnf install -y ")))
            return words(l.mid(15));
        const QString apt = QStringLiteral("apt-get install -y \"${APT_OPTS[@]}\" ");
        if (l.startsWith(apt))
            return words(l.mid(apt.size()));
    }
    return {};  // "# no role, no repositories and no packages"
}

// The packages the deploy's step installs, read from its command.
QStringList deployPackages(const DeployPlan &plan, const QString &host)
{
    const DeployStep *s = plan.step(QStringLiteral("packages:") + host);
    if (!s)
        return {};
    if (s->ops.isEmpty())
        return {QStringLiteral("<no op>")};
    const QString script = s->ops.first().script;
    QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^dnf install -y (.*?) \\|\\|")).match(script);
    if (!m.hasMatch())
        m = QRegularExpression(QStringLiteral("--no-install-recommends (.*)$")).match(script);
    return m.hasMatch() ? words(m.captured(1)) : QStringList{QStringLiteral("<unparsed: ") + script + QLatin1Char('>')};
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace

class TestPackages : public QObject
{
    Q_OBJECT
private slots:
    void sameSetEverywhere_data()
    {
        QTest::addColumn<QString>("os");
        QTest::addColumn<QString>("distribution");
        QTest::addColumn<int>("roles");
        for (const QString &os : Platform::knownOsIds()) {
            for (const QString &dist : Platform::knownDistributions()) {
                for (int r = 0; r < 16; ++r) {
                    QTest::addRow("%s/%s/%s%s%s%s", qPrintable(os), qPrintable(dist), (r & 1) ? "pg" : "",
                                  (r & 2) ? "+etcd" : "", (r & 4) ? "+haproxy" : "", (r & 8) ? " tls" : "")
                        << os << dist << r;
                }
            }
        }
    }
    void sameSetEverywhere()
    {
        QFETCH(QString, os);
        QFETCH(QString, distribution);
        QFETCH(int, roles);
        Topology t;
        t.cluster.name = QStringLiteral("pkgs");
        t.cluster.postgres.distribution = distribution;
        t.cluster.security.tls = (roles & 8) != 0;
        const QList<int> versions = Platform::postgresVersions(os, distribution);
        t.cluster.postgres.version = versions.isEmpty() ? 16 : versions.last();
        Host h;
        h.name = QStringLiteral("node1");
        h.address = QStringLiteral("10.0.0.11");
        h.os = os;
        if (roles & 1)
            h.roles |= Role::Postgres;
        if (roles & 2)
            h.roles |= Role::Etcd;
        if (roles & 4)
            h.roles |= Role::HAProxy;
        t.hosts << h;

        const QStringList list = InstallScript::packages(t, h);
        const QStringList fromScript = scriptPackages(InstallScript::script(t, h, {}));
        const DeployPlan plan = buildPlan(t, Bundle{}, Secrets{}, PlanOptions{});
        const QStringList fromDeploy = deployPackages(plan, h.name);

        QCOMPARE(fromScript, list);
        QCOMPARE(sorted(fromDeploy), sorted(fromScript));
        QCOMPARE(list.isEmpty(), (roles & 7) == 0);
        // Every role brings its daemon.
        auto any = [&list](const QString &needle) {
            for (const QString &p : list)
                if (p.contains(needle))
                    return true;
            return false;
        };
        if (roles & 1) {
            QVERIFY(any(QStringLiteral("patroni")));
            QVERIFY(any(QStringLiteral("etcd")));  // Patroni's etcd client library
        }
        if (roles & 2)
            QVERIFY(any(QStringLiteral("etcd")));
        if (roles & 4)
            QVERIFY(any(QStringLiteral("haproxy")));
    }
};

QTEST_GUILESS_MAIN(TestPackages)
#include "test_packages.moc"
