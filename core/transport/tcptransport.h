// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/sockettransport.h"

namespace mqttscope {

// mqtt:// - plain TCP.
class TcpTransport : public SocketTransport
{
    Q_OBJECT
public:
    explicit TcpTransport(const Endpoint &endpoint, QObject *parent = nullptr);

protected:
    QAbstractSocket *createSocket() override;
    void connectSocket(QAbstractSocket *socket) override;
};

} // namespace mqttscope
