// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/endpoint.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QSslSocket;

namespace mqttscope {

// What a TLS handshake showed of the broker: its certificate, and what was agreed.
struct TlsPeer
{
    QString subject; // "CN=broker.example.com, O=Example"
    QString issuer;
    QDateTime expiry;
    QString protocol; // "TLS 1.3"; empty when the handshake did not finish
    QString cipher; // "TLS_AES_256_GCM_SHA384"
    QString problem; // why the certificate is not trusted, or why there was no handshake
};

// Shakes hands with a tls/wss endpoint as the client would (same trust, client certificate,
// SNI, ALPN) to see its certificate, then hangs up. The certificate is reported even when it is
// not trusted, since that is when a user most needs to see it. The client keeps its socket to
// itself, so this is a connection of its own.
class TlsPeerProbe : public QObject
{
    Q_OBJECT
public:
    explicit TlsPeerProbe(QObject *parent = nullptr);
    ~TlsPeerProbe() override;

    // Emits finished() once, from the event loop; bounded by endpoint.connectTimeoutMs.
    void start(const Endpoint &endpoint);

signals:
    void finished(const mqttscope::TlsPeer &peer);

private:
    void takeCertificate();
    void finish();

    enum class State { Idle, Handshaking };
    State m_state = State::Idle;
    std::unique_ptr<QSslSocket> m_socket;
    TlsPeer m_peer;
};

} // namespace mqttscope
