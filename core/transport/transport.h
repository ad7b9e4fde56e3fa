// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mqttscope {

// One byte stream to a broker, whatever carries it (tcp, tls, ws, wss). The session reads and
// writes bytes and never learns which. Lives on the thread of its owner.
//
// Life cycle: open() -> connected() (for tls/wss after the handshake, for ws after the HTTP
// upgrade) or errorOccurred() + closed(). While open, a lost or remotely closed connection
// emits errorOccurred("Connection closed by host:port" ...) + closed(); close() emits closed()
// only. Every errorOccurred() is followed by exactly one closed(). A closed transport may be
// open()ed again. Don't delete it from a slot connected to its signals (use deleteLater()).
class Transport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // Starts connecting; emits connected() or errorOccurred() (then closed()).
    virtual void open() = 0;
    // Closes; emits closed() once when it was open or opening.
    virtual void close() = 0;
    // Queues bytes to send (for ws, one binary frame per call). Returns false when not open.
    virtual bool write(const QByteArray &bytes) = 0;
    // Everything received since the last call (may be empty).
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
    // A human-readable cause: "TLS: certificate verify failed: self-signed certificate",
    // "Host not found: broker.example", "Connection refused", "Timed out after 10 s" ...
    void errorOccurred(const QString &message);
    void closed();

protected:
    explicit Transport(const Endpoint &endpoint, QObject *parent = nullptr);

    enum class State { Closed, Opening, Open };
    State state() const { return m_state; }
    // For implementations: the shared life cycle, so that every kind signals alike.
    void beginOpening();                 // state Opening, arms the connect timeout
    void finishOpening();                // state Open, emits connected()
    void fail(const QString &message);   // emits errorOccurred() + closed(), drops the connection
    void failSoon(const QString &message); // fail() from the event loop: open() never signals inside
    void finishClosing();                // state Closed, emits closed() when it was not closed
    // Drops the underlying connection at once without signals (on failure).
    virtual void abortConnection() = 0;

private:
    Endpoint m_endpoint;
    State m_state = State::Closed;
    quint64 m_attempt = 0; // counts open()s, so that a late failSoon() hits only its own attempt
    QTimer m_connectTimer;
};

} // namespace mqttscope
