// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A connection profile with every field set away from its default, each to a value that tells
// fields apart (present-and-zero where that differs from absent), for round trips through the
// profile file, the JSON export and the profile editor.

#include "profiles/connectionprofile.h"

namespace mqttscope::test {

inline ConnectionProfile profileWithEveryField()
{
    using namespace Qt::Literals::StringLiterals;
    ConnectionProfile p;
    p.name = u"Factory floor ☃"_s;
    p.folder = u"Production"_s;
    p.tags = {u"plant-a"_s, u"tls"_s};
    p.transport = TransportKind::SecureWebSocket;
    p.host = u"broker.example.com"_s;
    p.port = 8443;
    p.webSocketPath = u"/ws"_s;
    p.proxy = ProfileProxy{.kind = ProxyKind::Socks5,
                           .host = u"proxy.example.com"_s,
                           .port = 1081,
                           .username = u"bob"_s,
                           .hasPassword = true};
    p.webSocketHeaders = {{u"Authorization"_s, QString(), true},
                          {u"X-Tenant"_s, u"plant-a"_s, false}};
    p.version = VersionChoice::V5;
    p.clientId = u"scope-42"_s;
    p.username = u"alice"_s;
    p.hasPassword = true;
    p.sasTokenLifetimeSeconds = 7200;
    p.keepAliveSeconds = 15;
    p.cleanStart = false;
    p.sessionExpiryInterval = 3600;
    p.caFile = u"/etc/ssl/ca.pem"_s;
    p.certFile = u"/home/a/client.pem"_s;
    p.keyFile = u"/home/a/client.key"_s;
    p.pkcs12File = u"/home/a/client.p12"_s;
    p.verifyPeer = false;
    p.alpn = {u"mqtt"_s};
    p.will = ProfileWill{.enabled = true,
                         .topic = u"clients/scope/status"_s,
                         .payload = QByteArray("\x00\xffoffline", 9),
                         .qos = 1,
                         .retain = true,
                         .delayInterval = 5,
                         .messageExpiryInterval = 0,
                         .contentType = u"text/plain"_s,
                         .payloadIsUtf8 = true};
    p.receiveMaximum = 100;
    p.maximumPacketSize = 1 << 20;
    p.topicAliasMaximum = 0; // present and zero differs from absent
    p.requestResponseInformation = true;
    p.requestProblemInformation = false;
    p.userProperties = {{u"site"_s, u"a"_s}, {u"site"_s, u"b"_s}};
    p.subscriptions = {Subscription{.filter = u"plant/+/temp"_s,
                                    .qos = 2,
                                    .noLocal = true,
                                    .retainAsPublished = true,
                                    .retainHandling = RetainHandling::DoNotSend}};
    p.autoReconnect = false;
    p.historyMessagesPerTopic = 50;
    p.historyByteBudget = qint64(3) * 1024 * 1024; // the editor edits it in MiB
    p.maximumInflight = 7;
    return p;
}

} // namespace mqttscope::test
