// SPDX-License-Identifier: GPL-3.0-or-later
#include "mutedtopicseditor.h"

#include "fieldmessage.h"
#include "protocol/topic.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {
const QString suggestedPattern = u"$SYS/#"_s;
}

MutedTopicsEditor::MutedTopicsEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_pattern(new QLineEdit(this))
    , m_problem(new FieldMessage(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_suggestion(new QPushButton(tr("Mute %1").arg(suggestedPattern), this))
{
    m_list->setObjectName(u"mutedTopicsList"_s);
    m_pattern->setObjectName(u"mutedTopicsPattern"_s);
    m_pattern->setPlaceholderText(tr("Topic filter, e.g. $SYS/# or sensors/+/debug"));
    m_suggestion->setObjectName(u"mutedTopicsSuggestion"_s);
    m_suggestion->setToolTip(tr("The broker's own statistics topics"));
    auto *explanation = new QLabel(tr("Messages on these topics are counted but not shown in the "
                                      "tree, the history or the plot. The subscriptions stay "
                                      "as they are."),
                                   this);
    explanation->setWordWrap(true);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_pattern, 1);
    addRow->addWidget(m_add);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_suggestion);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_list, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { addPattern(m_pattern->text()); });
    connect(m_pattern, &QLineEdit::returnPressed, this, [this] { addPattern(m_pattern->text()); });
    connect(m_pattern, &QLineEdit::textChanged, m_problem, &FieldMessage::clearMessage);
    connect(m_suggestion, &QPushButton::clicked, this, [this] { addPattern(suggestedPattern); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        delete m_list->currentItem();
        updateButtons();
        emit changed();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &MutedTopicsEditor::updateButtons);
    updateButtons();
}

QStringList MutedTopicsEditor::patterns() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row)
        result.append(m_list->item(row)->text());
    return result;
}

void MutedTopicsEditor::setPatterns(const QStringList &patterns)
{
    m_list->clear();
    m_list->addItems(patterns);
    m_pattern->clear();
    updateButtons();
}

void MutedTopicsEditor::addPattern(const QString &text)
{
    const QString pattern = text.trimmed();
    if (pattern.isEmpty())
        return;
    const QString problem = Topic::filterProblem(pattern.toUtf8());
    if (!problem.isEmpty()) {
        m_problem->showMessage(problem);
        return;
    }
    if (!patterns().contains(pattern))
        m_list->addItem(pattern);
    if (pattern == m_pattern->text().trimmed())
        m_pattern->clear();
    updateButtons();
    emit changed();
}

void MutedTopicsEditor::updateButtons()
{
    m_remove->setEnabled(m_list->currentItem() != nullptr);
    m_suggestion->setVisible(!patterns().contains(suggestedPattern));
}

} // namespace mqttscope
