// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/tlsoptions.h"

#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace mqttscope {

// The QSslConfiguration for TlsOptions, shared by mqtts:// and wss://: trust (caFile or the OS
// store, plus caPath), the client identity (PEM cert + key, the key possibly encrypted, or
// PKCS#12), peer verification (on unless `insecure`) and ALPN.
// Every file is read here, so a bad one is reported before connecting: on failure returns
// nullopt with *error naming the file and the problem. Never ignores a file silently.
std::optional<QSslConfiguration> makeSslConfiguration(const TlsOptions &options, QString *error);

// Whether a PEM private key is encrypted (PKCS#8 "ENCRYPTED PRIVATE KEY" or a legacy
// "Proc-Type: 4,ENCRYPTED" header), so that its passphrase can be asked for before connecting.
// False for a file that cannot be read: connecting then says why.
bool isEncryptedKeyFile(const QString &path);
bool isEncryptedKey(const QByteArray &pem);

} // namespace mqttscope
