// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketheaderseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

enum Column { NameColumn, ValueColumn, SecretColumn };

} // namespace

WebSocketHeadersEditor::WebSocketHeadersEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    m_table->setObjectName(u"webSocketHeaders"_s);
    m_table->setHorizontalHeaderLabels({tr("Header"), tr("Value"), tr("Secret")});
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 3);
    m_table->setToolTip(tr("Sent with the WebSocket upgrade request, e.g. Authorization: Bearer "
                           "…; a secret value is kept in the system keychain"));

    auto *add = new QToolButton(this);
    add->setObjectName(u"addWebSocketHeader"_s);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a header"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected header"));
    connect(add, &QToolButton::clicked, this, [this] {
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
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void WebSocketHeadersEditor::setHeaders(const QList<WebSocketHeader> &headers)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const WebSocketHeader &h : headers)
        addRow(h);
}

void WebSocketHeadersEditor::setSecretValues(const QMap<QString, QByteArray> &values)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        const QString name = m_table->item(row, NameColumn)->text();
        if (m_table->item(row, SecretColumn)->checkState() == Qt::Checked && values.contains(name))
            value->setText(QString::fromUtf8(values.value(name)));
    }
}

QList<WebSocketHeader> WebSocketHeadersEditor::headers() const
{
    QList<WebSocketHeader> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, NameColumn)->text().trimmed();
        const bool secret = m_table->item(row, SecretColumn)->checkState() == Qt::Checked;
        const auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        if (!name.isEmpty())
            result.append({name, secret ? QString() : value->text(), secret});
    }
    return result;
}

QMap<QString, QByteArray> WebSocketHeadersEditor::secretValues() const
{
    QMap<QString, QByteArray> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, NameColumn)->text().trimmed();
        const auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        if (!name.isEmpty() && m_table->item(row, SecretColumn)->checkState() == Qt::Checked)
            result.insert(name, value->text().toUtf8());
    }
    return result;
}

void WebSocketHeadersEditor::addRow(const WebSocketHeader &header)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(header.name));
    auto *value = new QLineEdit(header.value, m_table);
    value->setFrame(false);
    connect(value, &QLineEdit::textEdited, this, [this, value] {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            if (m_table->cellWidget(r, ValueColumn) == value
                && m_table->item(r, SecretColumn)->checkState() == Qt::Checked)
                emit secretEdited();
        }
        emit changed();
    });
    m_table->setCellWidget(row, ValueColumn, value);
    auto *secret = new QTableWidgetItem;
    secret->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    secret->setCheckState(header.secret ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, SecretColumn, secret);
    updateRow(row);
}

void WebSocketHeadersEditor::updateRow(int row)
{
    auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
    const bool secret = m_table->item(row, SecretColumn)->checkState() == Qt::Checked;
    value->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
    value->setPlaceholderText(secret ? tr("Stored in the keychain") : QString());
}

} // namespace mqttscope
