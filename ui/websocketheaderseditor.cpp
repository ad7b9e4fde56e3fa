// SPDX-License-Identifier: GPL-3.0-or-later
#include "websocketheaderseditor.h"

#include <QTableWidget>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

WebSocketHeadersEditor::WebSocketHeadersEditor(QWidget *parent)
    : KeyValueTable({.nameColumn = tr("Header"),
                     .valueColumn = tr("Value"),
                     .secretColumn = tr("Secret"),
                     .add = tr("Add"),
                     .addToolTip = tr("Add a header"),
                     .remove = tr("Remove"),
                     .removeToolTip = tr("Remove the selected header"),
                     .secretPlaceholder = tr("Stored in the keychain")},
                    parent)
{
    table()->setObjectName(u"webSocketHeaders"_s);
    table()->setToolTip(tr("Sent with the WebSocket upgrade request, e.g. Authorization: Bearer "
                           "…; a secret value is kept in the system keychain"));
    addButton()->setObjectName(u"addWebSocketHeader"_s);
}

void WebSocketHeadersEditor::setHeaders(const QList<WebSocketHeader> &headers)
{
    QList<Row> rows;
    for (const WebSocketHeader &h : headers)
        rows.append({h.name, h.value, h.secret});
    setRows(rows);
}

void WebSocketHeadersEditor::setSecretValues(const QMap<QString, QByteArray> &values)
{
    const QList<Row> all = rows();
    for (int row = 0; row < all.size(); ++row) {
        if (all.at(row).secret && values.contains(all.at(row).name))
            setValue(row, QString::fromUtf8(values.value(all.at(row).name)));
    }
}

QList<WebSocketHeader> WebSocketHeadersEditor::headers() const
{
    QList<WebSocketHeader> result;
    for (const Row &row : rows()) {
        const QString name = row.name.trimmed();
        if (!name.isEmpty())
            result.append({name, row.secret ? QString() : row.value, row.secret});
    }
    return result;
}

QMap<QString, QByteArray> WebSocketHeadersEditor::secretValues() const
{
    QMap<QString, QByteArray> result;
    for (const Row &row : rows()) {
        const QString name = row.name.trimmed();
        if (!name.isEmpty() && row.secret)
            result.insert(name, row.value.toUtf8());
    }
    return result;
}

} // namespace mqttscope
