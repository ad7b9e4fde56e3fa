// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyvaluetable.h"
#include "profiles/websocketheader.h"

#include <QByteArray>
#include <QList>
#include <QMap>

namespace mqttscope {

// The extra headers of a profile's WebSocket upgrade request: name, value, and whether the value
// is a secret (shown as dots, kept in the keychain with the password, never in the profile file).
class WebSocketHeadersEditor : public KeyValueTable
{
    Q_OBJECT
public:
    explicit WebSocketHeadersEditor(QWidget *parent = nullptr);

    // The secret rows stay empty ("Stored in the keychain") until setSecretValues().
    void setHeaders(const QList<WebSocketHeader> &headers);
    void setSecretValues(const QMap<QString, QByteArray> &values);
    QList<WebSocketHeader> headers() const; // secret ones without a value; nameless rows skipped
    QMap<QString, QByteArray> secretValues() const;
};

} // namespace mqttscope
