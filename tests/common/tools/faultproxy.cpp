// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultproxy.h"

#include "loopbackendpoint.h"

#include <QTcpSocket>

#include <algorithm>

namespace mqttscope::test {

// One proxied connection. The sockets are deleted later, never inside one of their own signals.
struct FaultProxy::Link
{
    QTcpSocket *client = nullptr; // accepted from the client under test
    QTcpSocket *server = nullptr; // opened to the target
    QByteArray pendingToServer; // client bytes that came before the target accepted
    qint64 forwarded = 0;

    ~Link()
    {
        for (QTcpSocket *socket : {client, server}) {
            socket->disconnect();
            socket->abort();
            socket->deleteLater();
        }
    }
};

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
    connect(&m_intervalTimer, &QTimer::timeout, this, [this] {
        if (m_links.empty())
            return;
        if (!cutsLeft()) {
            m_intervalTimer.stop();
            return;
        }
        ++m_automaticCuts;
        m_links.clear();
        emit connectionCut(m_automaticCuts);
    });
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen(const QString &targetHost, quint16 targetPort)
{
    m_targetHost = targetHost;
    m_targetPort = targetPort;
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

quint16 FaultProxy::port() const
{
    return m_server.serverPort();
}

Endpoint FaultProxy::endpoint() const
{
    return loopbackEndpoint(port());
}

void FaultProxy::cutAll()
{
    m_links.clear();
}

void FaultProxy::setCutAfterBytes(qint64 bytes)
{
    m_cutAfterBytes = bytes;
}

void FaultProxy::setCutInterval(int ms)
{
    if (ms > 0)
        m_intervalTimer.start(ms);
    else
        m_intervalTimer.stop();
}

void FaultProxy::setMaximumCuts(int cuts)
{
    m_maximumCuts = cuts;
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        client->setParent(nullptr); // the Link owns it from here
        auto link = std::make_unique<Link>();
        link->client = client;
        link->server = new QTcpSocket;
        Link *raw = link.get();
        m_links.push_back(std::move(link));

        // Lambdas capture the Link pointer; every handler first checks it is still listed,
        // because a cut or close may have removed it while the signal was queued.
        connect(raw->server, &QTcpSocket::connected, this, [this, raw] {
            if (!isListed(raw))
                return;
            raw->server->write(std::exchange(raw->pendingToServer, {}));
            forward(raw, raw->server, raw->client);
        });
        connect(raw->client, &QTcpSocket::readyRead, this, [this, raw] {
            if (isListed(raw))
                forward(raw, raw->client, raw->server);
        });
        connect(raw->server, &QTcpSocket::readyRead, this, [this, raw] {
            if (isListed(raw))
                forward(raw, raw->server, raw->client);
        });
        connect(raw->client, &QTcpSocket::disconnected, this, [this, raw] {
            if (isListed(raw))
                closeGracefully(raw, raw->client);
        });
        connect(raw->server, &QTcpSocket::disconnected, this, [this, raw] {
            if (isListed(raw))
                closeGracefully(raw, raw->server);
        });
        connect(raw->server, &QTcpSocket::errorOccurred, this, [this, raw] {
            // The target refused or vanished before accepting: nothing to forward to.
            if (isListed(raw) && raw->server->state() != QAbstractSocket::ConnectedState)
                abortLink(raw);
        });
        raw->server->connectToHost(m_targetHost, m_targetPort);
    }
}

bool FaultProxy::isListed(const Link *link) const
{
    return std::any_of(m_links.begin(), m_links.end(),
                       [link](const auto &listed) { return listed.get() == link; });
}

void FaultProxy::forward(Link *link, QTcpSocket *from, QTcpSocket *to)
{
    QByteArray bytes = from->readAll();
    if (bytes.isEmpty())
        return;
    bool cutNow = false;
    if (m_cutAfterBytes > 0 && cutsLeft() && link->forwarded + bytes.size() >= m_cutAfterBytes) {
        bytes.truncate(m_cutAfterBytes - link->forwarded);
        cutNow = true;
    }
    link->forwarded += bytes.size();
    if (to == link->server && to->state() != QAbstractSocket::ConnectedState)
        link->pendingToServer += bytes;
    else
        to->write(bytes);
    if (cutNow) {
        to->flush(); // hand the bytes before the cut to the OS, so the peer sees a partial packet
        cutAutomatically(link);
    }
}

void FaultProxy::closeGracefully(Link *link, QTcpSocket *closedSide)
{
    QTcpSocket *other = closedSide == link->client ? link->server : link->client;
    if (other->state() == QAbstractSocket::ConnectedState) {
        other->write(closedSide->readAll());
        other->disconnectFromHost(); // may re-enter through `disconnected`
        if (!isListed(link))
            return;
    }
    if (other->state() == QAbstractSocket::UnconnectedState
        || other->state() == QAbstractSocket::HostLookupState
        || other->state() == QAbstractSocket::ConnectingState)
        abortLink(link);
}

void FaultProxy::abortLink(Link *link)
{
    std::erase_if(m_links, [link](const auto &listed) { return listed.get() == link; });
}

void FaultProxy::cutAutomatically(Link *link)
{
    ++m_automaticCuts;
    abortLink(link);
    emit connectionCut(m_automaticCuts);
}

} // namespace mqttscope::test
