// SPDX-License-Identifier: GPL-3.0-or-later
#include "freeport.h"

#include <QTcpServer>

namespace mqttscope::test {

quint16 unusedLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort(); // released when `server` goes
}

} // namespace mqttscope::test
