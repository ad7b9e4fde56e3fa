// SPDX-License-Identifier: GPL-3.0-or-later
#include "userpropertieseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttscope {

UserPropertiesEditor::UserPropertiesEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 3);

    auto *add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a user property"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected user property"));
    connect(add, &QToolButton::clicked, this, [this] {
        addRow({});
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QList<UserProperty> UserPropertiesEditor::properties() const
{
    QList<UserProperty> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text() : QString();
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        if (!name.isEmpty())
            result.append({name, value});
    }
    return result;
}

void UserPropertiesEditor::setProperties(const QList<UserProperty> &properties)
{
    m_table->setRowCount(0);
    for (const UserProperty &p : properties)
        addRow(p);
}

void UserPropertiesEditor::addRow(const UserProperty &property)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(property.first));
    m_table->setItem(row, 1, new QTableWidgetItem(property.second));
}

} // namespace mqttscope
