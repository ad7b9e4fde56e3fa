// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkProxy>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

namespace mqttscope {

// Asks an HTTP proxy for a CONNECT tunnel once more and reads the status line of its answer,
// then closes. Why: Qt reports every CONNECT answer but 200, 403, 404, 405, 407 and 503 as
// "Error communicating with HTTP proxy" without the status, so a wrong password answered with
// 401 (tinyproxy does) and an unreachable broker answered with 500 or 502 read alike. Deletes
// itself after answered().
class HttpProxyProbe : public QObject
{
    Q_OBJECT
public:
    // `proxy` with its credentials (sent as Basic authentication when there is a user).
    HttpProxyProbe(const QNetworkProxy &proxy, const QString &host, quint16 port,
                   QObject *parent = nullptr);
    void start();

signals:
    // status 0 and an empty line when the proxy gave no HTTP answer within 5 s.
    void answered(int status, const QString &statusLine);

private:
    void onReadyRead();
    void finish(int status, const QString &statusLine);

    QNetworkProxy m_proxy;
    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QTimer m_timeout;
    QByteArray m_received;
    bool m_finished = false;
};

} // namespace mqttscope
