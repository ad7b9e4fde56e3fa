// SPDX-License-Identifier: GPL-3.0-or-later
#include "mosquittoloopwaker.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include <chrono>
#include <future>

namespace mqttscope::test {

namespace {

constexpr int connectTimeoutMs = 5000;
constexpr auto pingInterval = std::chrono::microseconds(500);

// CONNECT, MQTT 3.1.1, clean session, keepalive 60 s, client id "loop-waker".
const QByteArray connectPacket =
    QByteArray::fromHex("101600044d5154540402003c000a6c6f6f702d77616b6572");
const QByteArray connackAccepted = QByteArray::fromHex("20020000");
const QByteArray pingreq = QByteArray::fromHex("c000");
const QByteArray disconnectPacket = QByteArray::fromHex("e000");

} // namespace

bool MosquittoLoopWaker::start(quint16 port)
{
    stop();
    m_error.clear();
    m_stopRequested = false;
    std::promise<QString> started;
    std::future<QString> result = started.get_future();
    // Its own thread: pings go on while the test's thread hashes or waits for a process.
    m_thread = std::thread([this, port, started = std::move(started)]() mutable {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QByteArray connack;
        if (socket.waitForConnected(connectTimeoutMs)) {
            socket.write(connectPacket);
            const QDeadlineTimer deadline(connectTimeoutMs);
            while (connack.size() < connackAccepted.size()
                   && socket.waitForReadyRead(deadline.remainingTime()))
                connack += socket.readAll();
        }
        if (!connack.startsWith(connackAccepted)) {
            started.set_value(QStringLiteral("no CONNACK from 127.0.0.1:%1 (%2)")
                                  .arg(port)
                                  .arg(socket.errorString()));
            return;
        }
        started.set_value({});
        const QDeadlineTimer deadline(maximumRunMs);
        while (!m_stopRequested && !deadline.hasExpired()
               && socket.state() == QAbstractSocket::ConnectedState) {
            socket.write(pingreq);
            socket.waitForBytesWritten(0);
            if (socket.waitForReadyRead(0))
                socket.readAll(); // the PINGRESPs, unread they would fill the broker's buffer
            std::this_thread::sleep_for(pingInterval);
        }
        socket.write(disconnectPacket);
        socket.waitForBytesWritten(1000);
        socket.disconnectFromHost();
    });
    m_error = result.get();
    if (!m_error.isEmpty()) {
        m_thread.join();
        return false;
    }
    return true;
}

void MosquittoLoopWaker::stop()
{
    m_stopRequested = true;
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace mqttscope::test
