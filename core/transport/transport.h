// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace mqttscope {

// One byte stream to a broker, whatever carries it (tcp, tls, ws, wss). The session reads and
// writes bytes and never learns which. Lives on the thread of its owner.
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

signals:
    void connected();
    void readyRead();
    void bytesWritten(qint64 bytes);
    // A human-readable cause: "TLS: certificate verify failed: self-signed certificate",
    // "Host not found: broker.example", "Connection refused", "Timed out after 10 s" ...
    void errorOccurred(const QString &message);
    void closed();
};

} // namespace mqttscope
