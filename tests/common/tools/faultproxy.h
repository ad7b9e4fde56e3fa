// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <vector>

class QTcpSocket;

namespace mqttscope::test {

// A loopback TCP proxy that breaks connections on purpose, for fault tests: it listens on
// 127.0.0.1 on a free port and forwards every accepted connection to one target.
//
//   FaultProxy proxy;
//   if (!proxy.listen(u"127.0.0.1"_s, brokerPort)) QFAIL(qPrintable(proxy.errorString()));
//   options.endpoint = proxy.endpoint();
//   proxy.setCutAfterBytes(20000);   // every connection dies after 20,000 forwarded bytes
//   proxy.setMaximumCuts(40);        // ... but at most 40 times, so a test always finishes
//
// A cut aborts both sides (RST, unsent bytes dropped), as a pulled cable or a crashed NAT would.
// Cuts by byte count are deterministic for a given stream; cuts by interval are not.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1, port chosen by the system. False on failure (see errorString()).
    bool listen(const QString &targetHost, quint16 targetPort);
    QString errorString() const { return m_error; }
    quint16 port() const;
    Endpoint endpoint() const; // mqtt:// to this proxy

    // Aborts every open connection now; not counted against maximumCuts().
    void cutAll();
    // Aborts a connection once it has forwarded this many bytes (both directions together);
    // the bytes up to the limit are still delivered, so packets are cut in the middle. 0: never.
    void setCutAfterBytes(qint64 bytes);
    // Aborts all open connections every `ms` milliseconds. 0: never.
    void setCutInterval(int ms);
    // Automatic cuts (by bytes or interval) stop after this many; default 100.
    void setMaximumCuts(int cuts);

    int connectionCount() const { return m_accepted; } // accepted since listen()
    int openConnectionCount() const { return int(m_links.size()); }
    int cutCount() const { return m_automaticCuts; } // automatic cuts so far

signals:
    void connectionCut(int automaticCuts);

private:
    struct Link;

    void accept();
    void forward(Link *link, QTcpSocket *from, QTcpSocket *to);
    void closeGracefully(Link *link, QTcpSocket *closedSide);
    void abortLink(Link *link);
    bool isListed(const Link *link) const;
    void cutAutomatically(Link *link);
    bool cutsLeft() const { return m_automaticCuts < m_maximumCuts; }

    QTcpServer m_server;
    QTimer m_intervalTimer;
    QString m_targetHost;
    quint16 m_targetPort = 0;
    std::vector<std::unique_ptr<Link>> m_links;
    QString m_error;
    qint64 m_cutAfterBytes = 0;
    int m_maximumCuts = 100;
    int m_automaticCuts = 0;
    int m_accepted = 0;
};

} // namespace mqttscope::test
