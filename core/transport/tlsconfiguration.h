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

} // namespace mqttscope
