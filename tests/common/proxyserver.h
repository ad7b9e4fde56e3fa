// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/proxysettings.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mqttscope::test {

// A real proxy on a free 127.0.0.1 port, run in the foreground and stopped (SIGTERM, then
// SIGKILL) by stop() or the destructor; everything it logs goes to log().
//
//   ProxyServer socks(ProxyServer::Kind::Microsocks);
//   socks.setCredentials(u"alice"_s, "secret");        // optional: user/password required
//   MQTTSCOPE_START_PROXY(socks);                       // QFAILs with the cause
//   endpoint.proxy = socks.settings();
//   QCOMPARE(socks.tunnelsTo(u"localhost"_s, brokerPort), 1);
//
// Microsocks and Dante (danted) speak SOCKS5, Tinyproxy HTTP CONNECT (to the connectPorts only,
// as tinyproxy allows CONNECT to listed ports alone; with credentials it wants Basic auth).
class ProxyServer
{
public:
    enum class Kind { Microsocks, Dante, Tinyproxy };

    explicit ProxyServer(Kind kind);
    ~ProxyServer();
    ProxyServer(const ProxyServer &) = delete;
    ProxyServer &operator=(const ProxyServer &) = delete;

    // Before start(): what a client must give; none by default.
    void setCredentials(const QString &username, const QByteArray &password);
    // Before start(), Tinyproxy: the ports CONNECT may reach (the brokers').
    void setConnectPorts(const QList<quint16> &ports) { m_connectPorts = ports; }

    // Starts and waits (at most 10 s) until it accepts connections; false with errorString()
    // (e.g. "microsocks not installed: run scripts/install-deps.sh").
    bool start();
    void stop();
    bool isRunning() const;

    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // The settings that reach it, with the credentials given (the right ones).
    ProxySettings settings() const;
    // "socks5h://user:pass@127.0.0.1:port" or "http://...", for --proxy.
    QString url() const;
    QString name() const; // "microsocks", "danted", "tinyproxy"
    QByteArray log() const;
    // How many tunnels to host:port the log reports: that a connection really went through.
    int tunnelsTo(const QString &host, quint16 port) const;

private:
    bool writeConfig();
    QStringList arguments() const;
    QString program() const;

    Kind m_kind;
    QString m_username;
    QByteArray m_password;
    QList<quint16> m_connectPorts;
    quint16 m_port = 0;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace mqttscope::test

#define MQTTSCOPE_START_PROXY(proxy)                                                               \
    do {                                                                                           \
        if (!(proxy).start())                                                                      \
            QFAIL(qPrintable((proxy).errorString()));                                              \
    } while (false)
