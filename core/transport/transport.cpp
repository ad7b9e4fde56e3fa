// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/transport.h"

#include "transport/httpproxyprobe.h"
#include "transport/tcptransport.h"
#include "transport/tlstransport.h"
#include "transport/transporterrors.h"
#include "transport/websockettransport.h"

namespace mqttscope {

namespace {

// How long close() waits for written bytes to go out before dropping the connection.
constexpr int kCloseTimeoutMs = 3000;

} // namespace

Transport::Transport(const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_deadline(this) // a child, so that moveToThread() takes it along
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &Transport::onDeadline);
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

Transport::FailureKind Transport::failureKindOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
        // A handshake the server rejects (no shared protocol, a client certificate it wants or
        // refuses) fails the same way every time.
        return FailureKind::TlsSetup;
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return FailureKind::ProxyAuthentication;
    default:
        return FailureKind::Network;
    }
}

bool Transport::prepareOpen()
{
    if (m_state == State::Opening || m_state == State::Open)
        return false;
    if (m_state == State::Closing) {
        abortConnection();
        finishClosing();
    }
    m_state = State::Opening;
    ++m_attempt;
    if (m_endpoint.connectTimeoutMs > 0)
        m_deadline.start(m_endpoint.connectTimeoutMs);
    return true;
}

void Transport::finishOpening()
{
    m_deadline.stop();
    m_state = State::Open;
    emit connected();
}

void Transport::fail(const QString &message, FailureKind kind)
{
    if (m_state == State::Closed)
        return;
    m_lastFailureKind = kind;
    const bool expected = m_state == State::Closing;
    m_deadline.stop();
    m_state = State::Closed;
    abortConnection();
    if (!expected)
        emit errorOccurred(message);
    emit closed();
}

void Transport::failSoon(const QString &message, FailureKind kind)
{
    QMetaObject::invokeMethod(
        this,
        [this, message, kind, attempt = m_attempt] {
            if (attempt == m_attempt)
                fail(message, kind);
        },
        Qt::QueuedConnection);
}

bool Transport::failWithHttpProxyAnswer(QAbstractSocket::SocketError error,
                                        const QNetworkProxy &proxy, const QString &qtMessage)
{
    if (error != QAbstractSocket::ProxyProtocolError || proxy.type() != QNetworkProxy::HttpProxy
        || m_state != State::Opening)
        return false;
    // A new step of the attempt: a failSoon() queued before (ws signals disconnected() first)
    // no longer applies.
    const quint64 attempt = ++m_attempt;
    const QString unanswered =
        transporterrors::describeSocketError(error, qtMessage, m_endpoint, proxy);
    auto *probe = new HttpProxyProbe(proxy, m_endpoint.host, m_endpoint.port, this);
    connect(probe, &HttpProxyProbe::answered, this,
            [this, attempt, proxy, unanswered](int status, const QString &statusLine) {
                if (attempt != m_attempt || m_state != State::Opening)
                    return;
                if (status == 0) {
                    fail(unanswered);
                    return;
                }
                const bool credentials = status == 401 || status == 407;
                fail(
                    transporterrors::describeHttpProxyAnswer(status, statusLine, m_endpoint, proxy),
                    credentials ? FailureKind::ProxyAuthentication : FailureKind::Network);
            });
    probe->start();
    return true;
}

bool Transport::beginClosing()
{
    if (m_state == State::Opening) {
        abortConnection();
        finishClosing();
        return false;
    }
    if (m_state != State::Open)
        return false;
    m_state = State::Closing;
    m_deadline.start(kCloseTimeoutMs);
    return true;
}

void Transport::finishClosing()
{
    m_deadline.stop();
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    emit closed();
}

void Transport::onDeadline()
{
    if (m_state == State::Opening) {
        fail(transporterrors::describeTimeout(m_endpoint));
    } else if (m_state == State::Closing) {
        abortConnection();
        finishClosing();
    }
}

} // namespace mqttscope
