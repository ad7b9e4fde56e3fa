// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyvaluetable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mqttscope {
namespace {

enum Column { NameColumn, ValueColumn, SecretColumn };

} // namespace

KeyValueTable::KeyValueTable(const Texts &texts, QWidget *parent)
    : QWidget(parent)
    , m_texts(texts)
    , m_table(new QTableWidget(0, texts.secretColumn.isEmpty() ? 2 : 3, this))
    , m_add(new QToolButton(this))
{
    QStringList titles{texts.nameColumn, texts.valueColumn};
    if (!texts.secretColumn.isEmpty())
        titles.append(texts.secretColumn);
    m_table->setHorizontalHeaderLabels(titles);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    if (!texts.secretColumn.isEmpty())
        m_table->horizontalHeader()->setSectionResizeMode(SecretColumn,
                                                          QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 3);

    m_add->setText(texts.add);
    m_add->setToolTip(texts.addToolTip);
    auto *remove = new QToolButton(this);
    remove->setText(texts.remove);
    remove->setToolTip(texts.removeToolTip);
    connect(m_add, &QToolButton::clicked, this, [this] {
        addRow({});
        m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
        emit changed();
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_table->removeRow(m_table->currentRow());
        emit changed();
        emit secretEdited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == SecretColumn) {
            updateRow(item->row());
            emit secretEdited(); // a value moves between the profile and the keychain
        }
        emit changed();
    });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QList<KeyValueTable::Row> KeyValueTable::rows() const
{
    QList<Row> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, NameColumn);
        result.append({name ? name->text() : QString(), value(row), isSecret(row)});
    }
    return result;
}

void KeyValueTable::setRows(const QList<Row> &rows)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const Row &row : rows)
        addRow(row);
}

void KeyValueTable::setValue(int row, const QString &value)
{
    const QSignalBlocker blocker(m_table);
    if (auto *edit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn)))
        edit->setText(value);
    else if (QTableWidgetItem *item = m_table->item(row, ValueColumn))
        item->setText(value);
}

void KeyValueTable::addRow(const Row &row)
{
    const QSignalBlocker blocker(m_table);
    const int index = m_table->rowCount();
    m_table->insertRow(index);
    m_table->setItem(index, NameColumn, new QTableWidgetItem(row.name));
    if (m_texts.secretColumn.isEmpty()) {
        m_table->setItem(index, ValueColumn, new QTableWidgetItem(row.value));
        return;
    }
    // A line edit, not an item: only it can show a secret as dots.
    auto *value = new QLineEdit(row.value, m_table);
    value->setFrame(false);
    connect(value, &QLineEdit::textEdited, this, [this, value] {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, ValueColumn) == value && isSecret(r))
                emit secretEdited();
        }
        emit changed();
    });
    m_table->setCellWidget(index, ValueColumn, value);
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    secret->setCheckState(row.secret ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(index, SecretColumn, secret);
    updateRow(index);
}

void KeyValueTable::updateRow(int row)
{
    auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
    const bool secret = isSecret(row);
    value->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
    value->setPlaceholderText(secret ? m_texts.secretPlaceholder : QString());
}

bool KeyValueTable::isSecret(int row) const
{
    const QTableWidgetItem *secret = m_table->item(row, SecretColumn);
    return secret && secret->checkState() == Qt::Checked;
}

QString KeyValueTable::value(int row) const
{
    if (const auto *edit = qobject_cast<const QLineEdit *>(m_table->cellWidget(row, ValueColumn)))
        return edit->text();
    const QTableWidgetItem *item = m_table->item(row, ValueColumn);
    return item ? item->text() : QString();
}

} // namespace mqttscope
