// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace mqttscope {

// TLS settings of a connection. Peer verification is on unless `insecure` is set explicitly.
struct TlsOptions
{
    QString caFile; // PEM bundle; empty = the OS trust store
    QString caPath; // directory of PEM certificates, added to the above
    QString certFile; // client certificate (PEM)
    QString keyFile; // client key (PEM), possibly encrypted
    QByteArray keyPassphrase;
    QString pkcs12File; // client certificate + key (+ chain) in one file, alternative to cert/key
    QByteArray pkcs12Passphrase;
    bool insecure = false; // skip peer verification (certificate and host name)
    bool skipHostNameCheck = false; // verify the chain but accept any name (mosquitto's --insecure)
    QString serverName; // SNI / verification name; empty = the host
    QList<QByteArray> alpn; // e.g. {"mqtt"} or {"x-amzn-mqtt-ca"}
    friend bool operator==(const TlsOptions &, const TlsOptions &) = default;
};

} // namespace mqttscope
