// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QNetworkProxy>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttscope {

// One byte stream to a broker, whatever carries it (tcp, tls, ws, wss). The session reads and
// writes bytes and never learns which. Lives on the thread of its owner.
//
// Life cycle: open() -> connected() (for tls/wss after the handshake, for ws after the HTTP
// upgrade) or errorOccurred() + closed(); open() itself never signals. While open, a lost or
// remotely closed connection emits errorOccurred("Connection closed by host:port" ...) +
// closed(). close() emits only closed(): at once while opening; when open, after what was
// written (e.g. DISCONNECT) has gone out and the connection has ended (at most 3 s later), so
// a process may quit on closed() without losing its DISCONNECT. Every errorOccurred() is
// followed by exactly one closed(). A closed transport may be open()ed again. Don't delete it
// from a slot connected to its signals (use deleteLater()).
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // What the last errorOccurred() was about: whether trying again later can help.
    enum class FailureKind {
        Network, // refused, reset, timed out, host not found: may pass
        TlsVerification, // the server's certificate is not trusted: the user must decide
        TlsSetup, // our certificate, key, passphrase or TLS settings cannot work: the user must fix
                  // them
        ProxyAuthentication, // the proxy wants other credentials: the user must fix them
    };
    FailureKind lastFailureKind() const { return m_lastFailureKind; }

    // Starts connecting; emits connected() or errorOccurred() (then closed()).
    virtual void open() = 0;
    // Closes; emits closed() once (see above) when it was open or opening.
    virtual void close() = 0;
    // Queues bytes to send (for ws, one binary frame per call). Returns false when not open
    // (also once close() was called).
    virtual bool write(const QByteArray &bytes) = 0;
    // Everything received since the last call (may be empty); after a failure, still what
    // arrived before the end (a v5 DISCONNECT, a refusing CONNACK).
    virtual QByteArray readAll() = 0;
    // Bytes queued but not yet handed to the OS.
    virtual qint64 bytesToWrite() const = 0;
    virtual bool isOpen() const = 0;

    // Creates the transport for an endpoint's kind.
    static std::unique_ptr<Transport> create(const Endpoint &endpoint, QObject *parent = nullptr);

    const Endpoint &endpoint() const { return m_endpoint; }

signals:
    void connected();
    void readyRead();
    void bytesWritten(qint64 bytes);
    // One human-readable line: "Connection refused by 127.0.0.1:1883", "Host not found: xyz",
    // "Timed out connecting to h:8883 after 10 s", "TLS certificate verification failed: The
    // host name did not match ...", "Cannot read CA file /x/ca.pem: No such file or directory",
    // "h:8883 requires a client certificate (TLS alert: certificate required)", "Connection
    // refused by SOCKS5 proxy 127.0.0.1:1080" ...
    void errorOccurred(const QString &message);
    void closed();

protected:
    explicit Transport(const Endpoint &endpoint, QObject *parent = nullptr);

    // The most an implementation reads from the network ahead of readAll(). Bounded reads are
    // the back-pressure: unbounded, Qt reads whatever the kernel holds (loopback autotuning lets
    // that reach tens of MB) before the reader sees a byte; full, the socket stops reading and
    // TCP's window makes the sender wait. Big enough for thousands of small PUBLISHes per read.
    static constexpr qint64 readBufferBytes = 256 * 1024;

    // What a socket error means for trying again.
    static FailureKind failureKindOf(QAbstractSocket::SocketError error);

    enum class State { Closed, Opening, Open, Closing };
    State state() const { return m_state; }

    // The shared life cycle, so that every kind signals alike. An implementation's open() starts
    // with prepareOpen(), its close() with beginClosing().
    bool prepareOpen(); // false when already opening/open; ends a pending close
    void finishOpening(); // state Open, emits connected()
    // Emits errorOccurred() + closed() and drops the connection. While closing the end of the
    // connection is expected: then only closed().
    void fail(const QString &message, FailureKind kind = FailureKind::Network);
    // fail() from the event loop: open() never signals inside.
    void failSoon(const QString &message, FailureKind kind = FailureKind::Network);
    // Open: state Closing, true (the caller starts a graceful close, then finishClosing()).
    // Opening: drops the attempt, emits closed(), false. Otherwise false.
    bool beginClosing();
    void finishClosing(); // state Closed, emits closed() when it was not closed
    // Drops the underlying connection at once without signals.
    virtual void abortConnection() = 0;
    // While opening, for the HTTP proxy answers Qt words vaguely (see HttpProxyProbe): asks the
    // proxy for its status line and fails with what it means, or as describeSocketError() when it
    // does not answer. True when it took the error over (the caller then does not fail).
    bool failWithHttpProxyAnswer(QAbstractSocket::SocketError error, const QNetworkProxy &proxy,
                                 const QString &qtMessage);

private:
    void onDeadline();

    Endpoint m_endpoint;
    State m_state = State::Closed;
    FailureKind m_lastFailureKind = FailureKind::Network;
    quint64 m_attempt = 0; // counts open()s, so that a late failSoon() hits only its own attempt
    QTimer m_deadline; // bounds connecting (connectTimeoutMs) and closing
};

} // namespace mqttscope
