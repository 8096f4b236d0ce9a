#include "gui/dialogs/AboutDialog.h"

#include "deploy/DeployInfo.h"
#include "ui_AboutDialog.h"

#include <QIcon>
#include <QPushButton>

#include <archive.h>

#ifndef PGHA_YAMLCPP_VERSION
#define PGHA_YAMLCPP_VERSION "unknown"
#endif

namespace pgha {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::AboutDialog)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("aboutDialog"));
    m_ui->aboutIcon->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(64, 64));
    m_ui->aboutText->setText(
        tr("<h3>PG HA Designer %1</h3>"
           "<p>Design, validate, generate, deploy and monitor highly available PostgreSQL clusters "
           "(PostgreSQL + Patroni + etcd + HAProxy).</p>")
            .arg(QStringLiteral(PGHA_VERSION))
        + versionsText());
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog()
{
    delete m_ui;
}

QString AboutDialog::versionsText()
{
    return tr("<p>Built with:</p><ul><li>Qt %1</li><li>libssh %2</li><li>yaml-cpp %3</li><li>%4</li></ul>")
        .arg(QString::fromLatin1(qVersion()), libsshVersion(), QStringLiteral(PGHA_YAMLCPP_VERSION),
             QString::fromLatin1(archive_version_string()));
}

} // namespace pgha
