// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/httpproxyprobe.h"

#include "transport/transporterrors.h"

namespace mqttscope {

namespace {

constexpr int kTimeoutMs = 5000;
constexpr qsizetype kMaximumStatusLine = 1024;

} // namespace

HttpProxyProbe::HttpProxyProbe(const QNetworkProxy &proxy, const QString &host, quint16 port,
                               QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_host(host)
    , m_port(port)
    , m_socket(this)
    , m_timeout(this)
{
    m_socket.setProxy(QNetworkProxy::NoProxy); // we speak to the proxy ourselves
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(0, {}); });
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] { finish(0, {}); });
    connect(&m_socket, &QIODevice::readyRead, this, &HttpProxyProbe::onReadyRead);
    connect(&m_socket, &QAbstractSocket::connected, this, [this] {
        const QByteArray target = transporterrors::hostAndPort(m_host, m_port).toUtf8();
        QByteArray request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n";
        if (!m_proxy.user().isEmpty()) {
            const QByteArray credentials = (m_proxy.user() + u':' + m_proxy.password()).toUtf8();
            request += "Proxy-Authorization: Basic " + credentials.toBase64() + "\r\n";
        }
        m_socket.write(request + "\r\n");
    });
}

void HttpProxyProbe::start()
{
    m_timeout.start(kTimeoutMs);
    m_socket.connectToHost(m_proxy.hostName(), m_proxy.port());
}

void HttpProxyProbe::onReadyRead()
{
    m_received += m_socket.readAll();
    const qsizetype end = m_received.indexOf("\r\n");
    if (end < 0 && m_received.size() < kMaximumStatusLine)
        return;
    // "HTTP/1.0 401 Unauthorized": the status, then the proxy's words for it.
    const QString line = QString::fromUtf8(m_received.first(end < 0 ? m_received.size() : end));
    const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
    const int status =
        parts.size() >= 2 && parts.first().startsWith(u"HTTP/") ? parts[1].toInt() : 0;
    finish(status, parts.mid(1).join(u' '));
}

void HttpProxyProbe::finish(int status, const QString &statusLine)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_socket.abort();
    emit answered(status, statusLine);
    deleteLater();
}

} // namespace mqttscope
