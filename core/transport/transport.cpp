// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/transport.h"

#include "transport/tcptransport.h"
#include "transport/tlstransport.h"
#include "transport/transporterrors.h"
#include "transport/websockettransport.h"

namespace mqttscope {

Transport::Transport(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this] { fail(transporterrors::describeTimeout(m_endpoint)); });
}

std::unique_ptr<Transport> Transport::create(const Endpoint &endpoint, QObject *parent)
{
    switch (endpoint.kind) {
    case TransportKind::Tcp:
        return std::make_unique<TcpTransport>(endpoint, parent);
    case TransportKind::Tls:
        return std::make_unique<TlsTransport>(endpoint, parent);
    case TransportKind::WebSocket:
    case TransportKind::SecureWebSocket:
        return std::make_unique<WebSocketTransport>(endpoint, parent);
    }
    return nullptr;
}

void Transport::beginOpening()
{
    m_state = State::Opening;
    ++m_attempt;
    if (m_endpoint.connectTimeoutMs > 0)
        m_connectTimer.start(m_endpoint.connectTimeoutMs);
}

void Transport::finishOpening()
{
    m_connectTimer.stop();
    m_state = State::Open;
    emit connected();
}

void Transport::fail(const QString &message)
{
    if (m_state == State::Closed)
        return;
    m_connectTimer.stop();
    m_state = State::Closed;
    abortConnection();
    emit errorOccurred(message);
    emit closed();
}

void Transport::failSoon(const QString &message)
{
    QMetaObject::invokeMethod(
        this,
        [this, message, attempt = m_attempt] {
            if (attempt == m_attempt)
                fail(message);
        },
        Qt::QueuedConnection);
}

void Transport::finishClosing()
{
    m_connectTimer.stop();
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    emit closed();
}

} // namespace mqttscope
