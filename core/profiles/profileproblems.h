// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"

#include <QMap>
#include <QString>

namespace mqttscope {

// The fields of a profile a problem can be attached to, so an editor can show the message next
// to the field it is about.
enum class ProfileField {
    Name,
    Host,
    WebSocketPath,
    ClientId,
    CaFile,
    CertFile,
    KeyFile,
    Pkcs12File,
    WillTopic,
    Subscriptions,
    ProxyHost,
    ProxyUsername,
};

// What is wrong with a profile, one translated message per field; empty when it can be used.
// Checks what would otherwise only fail at connect time: empty host, missing files, a will topic
// or subscription filter the broker would refuse, a client id 3.1.1 brokers may refuse.
QMap<ProfileField, QString> profileProblems(const ConnectionProfile &profile);

} // namespace mqttscope
