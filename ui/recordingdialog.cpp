// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingdialog.h"

#include "protocol/topic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr qint64 MiB = 1024 * 1024;

} // namespace

RecordingDialog::RecordingDialog(const QString &defaultPath, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(defaultPath, this))
    , m_filters(new QPlainTextEdit(this))
    , m_published(new QCheckBox(tr("Also what this connection publishes"), this))
    , m_budgetMiB(new QSpinBox(this))
    , m_whenFull(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Record"));
    setObjectName(u"recordingDialog"_s);
    m_path->setObjectName(u"recordingPath"_s);
    m_filters->setObjectName(u"recordingFilters"_s);
    m_filters->setPlaceholderText(tr("Every message received; or topic filters, one per line"));
    m_filters->setFixedHeight(m_filters->fontMetrics().height() * 4 + 12);
    m_published->setChecked(true);
    const RecordingOptions defaults;
    m_budgetMiB->setObjectName(u"recordingBudget"_s);
    m_budgetMiB->setRange(1, 1024 * 1024);
    m_budgetMiB->setSuffix(tr(" MiB"));
    m_budgetMiB->setValue(int(defaults.byteBudget / MiB));
    m_whenFull->setObjectName(u"recordingWhenFull"_s);
    m_whenFull->addItem(tr("Stop recording"), int(RecordingOptions::WhenFull::Stop));
    m_whenFull->addItem(tr("Drop the oldest messages"),
                        int(RecordingOptions::WhenFull::DropOldest));
    m_problem->setObjectName(u"recordingProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &RecordingDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Topics:"), m_filters);
    form->addRow(QString(), m_published);
    form->addRow(tr("Size budget:"), m_budgetMiB);
    form->addRow(tr("When full:"), m_whenFull);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecordingDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString RecordingDialog::path() const
{
    return m_path->text().trimmed();
}

QList<QString> RecordingDialog::filters() const
{
    QList<QString> filters;
    const QStringList lines = m_filters->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            filters.append(line.trimmed());
    }
    return filters;
}

RecordingOptions RecordingDialog::options() const
{
    RecordingOptions options;
    options.byteBudget = qint64(m_budgetMiB->value()) * MiB;
    options.whenFull = RecordingOptions::WhenFull(m_whenFull->currentData().toInt());
    options.topicFilters = filters();
    options.recordPublished = m_published->isChecked();
    return options;
}

QString RecordingDialog::problem() const
{
    if (path().isEmpty())
        return tr("Choose the file to record to.");
    const QList<QString> topicFilters = filters();
    for (const QString &filter : topicFilters) {
        if (const QString p = Topic::filterProblem(filter.toUtf8()); !p.isEmpty())
            return tr("%1: %2").arg(filter, p);
    }
    return {};
}

void RecordingDialog::accept()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

void RecordingDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Record to"), path(), tr("Recordings (*.mqttrec);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

} // namespace mqttscope
