// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/websockettransport.h"

#include "transport/networkproxy.h"
#include "transport/socketlifetime.h"
#include "transport/tlsconfiguration.h"
#include "transport/transporterrors.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

Q_DECLARE_LOGGING_CATEGORY(lcTransport)

namespace {

QUrl urlOf(const Endpoint &endpoint)
{
    QUrl url;
    url.setScheme(endpoint.kind == TransportKind::SecureWebSocket ? u"wss"_s : u"ws"_s);
    url.setHost(endpoint.host);
    url.setPort(endpoint.port);
    // The path may carry a query (e.g. a signed URL): keep it as given.
    const qsizetype query = endpoint.path.indexOf(u'?');
    const QString path = endpoint.path.isEmpty() ? u"/"_s : endpoint.path;
    if (query < 0) {
        url.setPath(path, QUrl::TolerantMode);
    } else {
        url.setPath(path.first(query), QUrl::TolerantMode);
        url.setQuery(path.mid(query + 1), QUrl::TolerantMode);
    }
    return url;
}

} // namespace

WebSocketTransport::WebSocketTransport(const Endpoint &endpoint, QObject *parent)
    : Transport(endpoint, parent)
{
}

WebSocketTransport::~WebSocketTransport() = default;

void WebSocketTransport::open()
{
    if (!prepareOpen())
        return;
    socketlifetime::discard(m_socket, this);
    m_received.clear();
    m_sslErrors.clear();

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Unbounded, unlike tcp/tls: QWebSocket hands over a frame only once all of it is in the
    // socket's buffer, so a bound smaller than a frame (a 1 MiB PUBLISH in one frame) stalls it
    // for good. It also drains every complete frame at once, so a bound would not hold the
    // sender back anyway: over WebSocket the bytes of a paused client wait here, in memory.
    m_socket->setReadBufferSize(0);
    m_socket->setProxy(networkProxyFor(endpoint()));
    const bool secure = endpoint().kind == TransportKind::SecureWebSocket;
    if (secure) {
        QString error;
        const auto config = makeSslConfiguration(endpoint().tls, &error);
        if (!config) {
            failSoon(error, FailureKind::TlsSetup);
            return;
        }
        m_socket->setSslConfiguration(*config);
        connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            m_sslErrors =
                transporterrors::relevantSslErrors(errors, endpoint().tls.skipHostNameCheck);
            if (m_sslErrors.isEmpty())
                m_socket->ignoreSslErrors(errors);
        });
        if (!endpoint().tls.serverName.isEmpty() && endpoint().tls.serverName != endpoint().host)
            qCWarning(lcTransport) << "wss: serverName" << endpoint().tls.serverName
                                   << "not supported, verifying" << endpoint().host;
    }
    connect(m_socket, &QWebSocket::connected, this, [this] {
        qCDebug(lcTransport) << "websocket open to" << transporterrors::hostAndPort(endpoint());
        finishOpening();
    });
    // Qt 6.4 names this signal error(); errorOccurred() arrived in 6.5.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &WebSocketTransport::onError);
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        const QString closed = transporterrors::describeSocketError(
            QAbstractSocket::RemoteHostClosedError, QString(), endpoint());
        // While opening, a socket that failed (a proxy that refused, say) signals disconnected()
        // before error(), which has the cause: that one goes first.
        if (state() == State::Opening)
            failSoon(closed);
        else
            fail(closed);
    });
    connect(m_socket, &QWebSocket::binaryFrameReceived, this, &WebSocketTransport::onFrame);
    connect(m_socket, &QWebSocket::textFrameReceived, this, [this] {
        // [MQTT-6.0.0-1]: MQTT travels in binary frames only.
        fail(tr("%1 sent a text WebSocket frame; MQTT needs binary frames")
                 .arg(transporterrors::hostAndPort(endpoint())));
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, &Transport::bytesWritten);

    QNetworkRequest request(urlOf(endpoint()));
    for (const auto &[name, value] : endpoint().webSocketHeaders)
        request.setRawHeader(name, value);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({u"mqtt"_s});
    qCDebug(lcTransport) << "opening" << request.url();
    m_socket->open(request, options);
}

void WebSocketTransport::onFrame(const QByteArray &frame)
{
    m_received += frame;
    emit readyRead();
}

void WebSocketTransport::onError()
{
    if (!m_socket)
        return;
    if (!m_sslErrors.isEmpty()) {
        fail(transporterrors::describeSslErrors(m_sslErrors), FailureKind::TlsVerification);
        return;
    }
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::ConnectionRefusedError && state() == State::Open) {
        // QWebSocket reports a refused upgrade or a close frame this way.
        fail(tr("WebSocket closed by %1: %2")
                 .arg(transporterrors::hostAndPort(endpoint()), m_socket->errorString()));
        return;
    }
    if (failWithHttpProxyAnswer(error, m_socket->proxy(), m_socket->errorString()))
        return;
    fail(transporterrors::describeSocketError(error, m_socket->errorString(), endpoint(),
                                              m_socket->proxy()),
         failureKindOf(error));
}

void WebSocketTransport::close()
{
    if (!beginClosing())
        return;
    // A close frame after what is queued; disconnected() then ends the close.
    if (m_socket)
        m_socket->close();
    else
        finishClosing();
}

void WebSocketTransport::abortConnection()
{
    socketlifetime::discard(m_socket, this);
}

bool WebSocketTransport::write(const QByteArray &bytes)
{
    if (state() != State::Open || !m_socket)
        return false;
    return m_socket->sendBinaryMessage(bytes) == bytes.size();
}

QByteArray WebSocketTransport::readAll()
{
    return std::exchange(m_received, {});
}

qint64 WebSocketTransport::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool WebSocketTransport::isOpen() const
{
    return state() == State::Open;
}

} // namespace mqttscope
