#include "gui/dashboard/HistoryCharts.h"

#include "monitor/StateHistory.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <functional>

namespace pgha {

namespace {

constexpr int kChartSeconds = 600;  // the charts show the last ten minutes

QChartView *makeChart(const QString &title, const QString &yTitle, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QValueAxis;
    x->setRange(-kChartSeconds, 0);
    x->setTitleText(HistoryCharts::tr("seconds"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    y->setRange(0, 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

// Keeps one line series per key in the chart, fed from the history.
void syncSeries(QChart *chart, const QStringList &keys, const std::function<QList<QPointF>(const QString &)> &points)
{
    QHash<QString, QLineSeries *> byName;
    const QList<QAbstractSeries *> existing = chart->series();
    for (QAbstractSeries *s : existing)
        byName.insert(s->name(), static_cast<QLineSeries *>(s));
    const auto axes = chart->axes();
    QValueAxis *x = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0));
    QValueAxis *y = qobject_cast<QValueAxis *>(chart->axes(Qt::Vertical).value(0));
    double maxY = 1;
    for (const QString &key : keys) {
        QLineSeries *series = byName.take(key);
        if (!series) {
            series = new QLineSeries;
            series->setName(key);
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        const QList<QPointF> pts = points(key);
        for (const QPointF &p : pts)
            maxY = std::max(maxY, p.y());
        series->replace(pts);
    }
    for (QLineSeries *gone : std::as_const(byName)) {
        chart->removeSeries(gone);
        delete gone;
    }
    if (y)
        y->setRange(0, maxY * 1.15);
    Q_UNUSED(axes)
}

} // namespace

HistoryCharts::HistoryCharts(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    m_lagChart = makeChart(tr("Replication lag"), tr("MB"), this);
    m_lagChart->setObjectName(QStringLiteral("lagChart"));
    m_sessionsChart = makeChart(tr("HAProxy sessions per pool"), tr("sessions"), this);
    m_sessionsChart->setObjectName(QStringLiteral("sessionsChart"));
    layout->addWidget(m_lagChart);
    layout->addWidget(m_sessionsChart);
}

void HistoryCharts::showHistory(const StateHistory &h)
{
    const qint64 now = h.size() > 0 ? h.at(h.size() - 1).msecsSinceEpoch : 0;
    int first = 0;
    while (first < h.size() && now - h.at(first).msecsSinceEpoch > kChartSeconds * 1000LL)
        ++first;
    syncSeries(m_lagChart->chart(), h.replicas(), [&](const QString &name) {
        QList<QPointF> pts;
        for (int i = first; i < h.size(); ++i) {
            const HistorySample &s = h.at(i);
            const auto it = s.lagBytes.constFind(name);
            if (it != s.lagBytes.cend())
                pts << QPointF(double(s.msecsSinceEpoch - now) / 1000.0, double(it.value()) / 1048576.0);
        }
        return pts;
    });
    syncSeries(m_sessionsChart->chart(), h.pools(), [&](const QString &name) {
        QList<QPointF> pts;
        for (int i = first; i < h.size(); ++i) {
            const HistorySample &s = h.at(i);
            const auto it = s.poolSessions.constFind(name);
            if (it != s.poolSessions.cend())
                pts << QPointF(double(s.msecsSinceEpoch - now) / 1000.0, it.value());
        }
        return pts;
    });
}

} // namespace pgha
