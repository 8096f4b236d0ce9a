#include "gui/deploy/PlanTree.h"

#include "gui/deploy/DeployPage.h"

#include <QHeaderView>
#include <QStyle>

namespace pgha {

namespace {
constexpr int kStepIdRole = Qt::UserRole + 1;
constexpr int kStateRole = Qt::UserRole + 2;

// What a step row shows in its State column; Pending and Running come before any outcome.
enum StepState { Pending = 0, Running, Changed, Unchanged, Failed, Cancelled, DoneEarlier };

StepState stateOf(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Changed: return Changed;
    case StepOutcome::Unchanged: return Unchanged;
    case StepOutcome::Failed: return Failed;
    case StepOutcome::Cancelled: return Cancelled;
    case StepOutcome::SkippedDone: return DoneEarlier;
    }
    return Pending;
}

QString stateText(int s)
{
    switch (s) {
    case Pending: return DeployPage::tr("pending");
    case Running: return DeployPage::tr("running");
    case Changed: return DeployPage::tr("done (changed)");
    case Unchanged: return DeployPage::tr("done (nothing to change)");
    case Failed: return DeployPage::tr("FAILED");
    case Cancelled: return DeployPage::tr("cancelled");
    case DoneEarlier: return DeployPage::tr("done earlier");
    }
    return {};
}

// Readable on light and dark palettes.
QColor stateColour(int s)
{
    switch (s) {
    case Running: return QColor(0x1e, 0x88, 0xe5);
    case Changed: return QColor(0x2e, 0x9d, 0x3e);
    case Unchanged:
    case DoneEarlier: return QColor(0x5f, 0x8f, 0x62);
    case Failed: return QColor(0xe5, 0x39, 0x35);
    case Cancelled: return QColor(0xef, 0x8a, 0x00);
    }
    return QColor(0x80, 0x80, 0x80);
}

bool finished(int s)
{
    return s >= Changed && s != Failed && s != Cancelled;
}

// What a step will change on its host, in one line: the files it writes, then what it runs.
QString changesOf(const DeployStep &step)
{
    QStringList files;
    QStringList actions;
    for (const DeployOp &op : step.ops) {
        switch (op.kind) {
        case DeployOp::Kind::WriteFiles:
            for (const FileToWrite &f : op.files)
                files << f.path;
            break;
        case DeployOp::Kind::CheckHost:
            actions << DeployPage::tr("checks the host, changes nothing");
            break;
        case DeployOp::Kind::WaitFor:
        case DeployOp::Kind::Run:
            if (!op.title.isEmpty())
                actions << op.title;
            break;
        }
    }
    QStringList parts;
    if (!files.isEmpty())
        parts << DeployPage::tr("writes %1").arg(files.join(QStringLiteral(", ")));
    parts << actions;
    return parts.join(QStringLiteral("; "));
}
} // namespace

PlanTree::PlanTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("hostTree"));
    setHeaderLabels({DeployPage::tr("Host / step"), DeployPage::tr("State"), DeployPage::tr("What it changes / detail")});
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::Interactive);  // wide enough for every state: fitStateColumn
    setUniformRowHeights(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
}

void PlanTree::showPlan(const Topology &topology, const DeployPlan &plan)
{
    setUpdatesEnabled(false);
    clear();
    m_hostItems.clear();
    m_stepItems.clear();
    for (const Host &h : topology.hosts) {
        if (!plan.targets.contains(h.name))
            continue;
        auto *item = new QTreeWidgetItem(this, {h.name, QString(), h.address});
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        m_hostItems.insert(h.name, item);
    }
    for (const DeployStep &s : plan.steps) {
        QTreeWidgetItem *parent = m_hostItems.value(s.host);
        if (!parent)
            continue;
        const QString changes = changesOf(s);
        auto *item = new QTreeWidgetItem(parent, {s.title, QString(), changes});
        item->setData(0, kStepIdRole, s.id);
        item->setToolTip(0, s.id);
        item->setToolTip(2, changes);
        setStepState(item, Pending, QString());
        m_stepItems.insert(s.id, item);
    }
    for (auto it = m_hostItems.begin(); it != m_hostItems.end(); ++it) {
        it.value()->setExpanded(true);
        updateHostRow(it.key());
    }
    fitStateColumn(QString());
    setUpdatesEnabled(true);
}

void PlanTree::fitStateColumn(const QString &text)
{
    // Wide enough for the longest state from the start (the column does not jump as states change), and
    // for a host row's "3/12 steps, now: ..." when that is longer.
    const QFontMetrics fm(font());
    int needed = fm.horizontalAdvance(text);
    for (int s = Pending; s <= DoneEarlier; ++s)
        needed = qMax(needed, fm.horizontalAdvance(stateText(s)));
    needed += 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 24;
    if (columnWidth(1) < needed)
        setColumnWidth(1, needed);
}

void PlanTree::setStepState(QTreeWidgetItem *item, int state, const QString &message)
{
    item->setData(1, kStateRole, state);
    item->setText(1, stateText(state));
    item->setForeground(1, QBrush(stateColour(state)));
    QFont f = item->font(1);
    f.setBold(state == Running || state == Failed);
    item->setFont(1, f);
    if (!message.isEmpty()) {
        item->setText(2, message);
        item->setToolTip(2, message);
    }
}

void PlanTree::updateHostRow(const QString &host)
{
    QTreeWidgetItem *item = m_hostItems.value(host);
    if (!item)
        return;
    int done = 0;
    int failed = 0;
    QString current;
    for (int i = 0; i < item->childCount(); ++i) {
        const int st = item->child(i)->data(1, kStateRole).toInt();
        if (finished(st))
            ++done;
        else if (st == Failed)
            ++failed;
        else if (st == Running)
            current = item->child(i)->text(0);
    }
    QString text = DeployPage::tr("%1/%2 steps").arg(done).arg(item->childCount());
    int colour = done == item->childCount() ? Changed : Pending;
    if (failed) {
        text += DeployPage::tr(", failed");
        colour = Failed;
    } else if (!current.isEmpty()) {
        text += DeployPage::tr(", now: %1").arg(current);
        colour = Running;
    }
    item->setText(1, text);
    item->setForeground(1, QBrush(stateColour(colour)));
    fitStateColumn(text);
}

int PlanTree::stepsDone() const
{
    int done = 0;
    for (QTreeWidgetItem *item : std::as_const(m_stepItems))
        done += finished(item->data(1, kStateRole).toInt()) ? 1 : 0;
    return done;
}

void PlanTree::stepStarted(const QString &stepId, const QString &host)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId))
        setStepState(item, Running, QString());
    updateHostRow(host);
}

void PlanTree::stepFinished(const QString &stepId, const QString &host, StepOutcome outcome, const QString &message)
{
    if (QTreeWidgetItem *item = m_stepItems.value(stepId))
        setStepState(item, stateOf(outcome), message);
    updateHostRow(host);
}

} // namespace pgha
