// SPDX-License-Identifier: GPL-3.0-or-later
// parseEndpointUrl: the -L/--url forms mosquitto_sub/pub take, plus ws(s) paths.
#include "transport/endpoint.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

class EndpointTest : public QObject
{
    Q_OBJECT
private slots:
    void defaultPorts_data();
    void defaultPorts();
    void parses_data();
    void parses();
    void credentials_data();
    void credentials();
    void rejects_data();
    void rejects();
};

void EndpointTest::defaultPorts_data()
{
    QTest::addColumn<TransportKind>("kind");
    QTest::addColumn<int>("port");
    QTest::newRow("tcp") << TransportKind::Tcp << 1883;
    QTest::newRow("tls") << TransportKind::Tls << 8883;
    QTest::newRow("ws") << TransportKind::WebSocket << 80;
    QTest::newRow("wss") << TransportKind::SecureWebSocket << 443;
}

void EndpointTest::defaultPorts()
{
    QFETCH(TransportKind, kind);
    QFETCH(int, port);
    QCOMPARE(Endpoint::defaultPort(kind), port);
}

void EndpointTest::parses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<TransportKind>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path"); // ws(s) only
    QTest::addColumn<QString>("topic"); // mqtt(s) only

    const QString defaultPath = u"/mqtt"_s;
    QTest::newRow("mqtt, defaults") << u"mqtt://broker.example"_s << TransportKind::Tcp
                                    << u"broker.example"_s << 1883 << defaultPath << QString();
    QTest::newRow("mqtt, port") << u"mqtt://127.0.0.1:1884"_s << TransportKind::Tcp
                                << u"127.0.0.1"_s << 1884 << defaultPath << QString();
    QTest::newRow("mqtt, topic as mosquitto -L")
        << u"mqtt://h:1/sensors/+/temp"_s << TransportKind::Tcp << u"h"_s << 1 << defaultPath
        << u"sensors/+/temp"_s;
    QTest::newRow("mqtt, topic with #")
        << u"mqtt://h/a/#"_s << TransportKind::Tcp << u"h"_s << 1883 << defaultPath << u"a/#"_s;
    QTest::newRow("mqtt, trailing slash")
        << u"mqtt://h/"_s << TransportKind::Tcp << u"h"_s << 1883 << defaultPath << QString();
    QTest::newRow("tcp alias") << u"tcp://h"_s << TransportKind::Tcp << u"h"_s << 1883
                               << defaultPath << QString();
    QTest::newRow("mqtts") << u"mqtts://h"_s << TransportKind::Tls << u"h"_s << 8883 << defaultPath
                           << QString();
    QTest::newRow("ssl alias") << u"ssl://h:9"_s << TransportKind::Tls << u"h"_s << 9 << defaultPath
                               << QString();
    QTest::newRow("tls alias") << u"tls://h"_s << TransportKind::Tls << u"h"_s << 8883
                               << defaultPath << QString();
    QTest::newRow("scheme case-insensitive")
        << u"MQTTS://h"_s << TransportKind::Tls << u"h"_s << 8883 << defaultPath << QString();
    QTest::newRow("ws, no path") << u"ws://h"_s << TransportKind::WebSocket << u"h"_s << 80
                                 << defaultPath << QString();
    QTest::newRow("ws, root path")
        << u"ws://h:9001/"_s << TransportKind::WebSocket << u"h"_s << 9001 << u"/"_s << QString();
    QTest::newRow("wss, path and query")
        << u"wss://h/a/b?x=1&y=2"_s << TransportKind::SecureWebSocket << u"h"_s << 443
        << u"/a/b?x=1&y=2"_s << QString();
    QTest::newRow("IPv6") << u"mqtt://[::1]:1884/t"_s << TransportKind::Tcp << u"::1"_s << 1884
                          << defaultPath << u"t"_s;
    QTest::newRow("IPv6, default port")
        << u"wss://[fe80::1]/mqtt"_s << TransportKind::SecureWebSocket << u"fe80::1"_s << 443
        << u"/mqtt"_s << QString();
    QTest::newRow("surrounding spaces")
        << u"  mqtt://h  "_s << TransportKind::Tcp << u"h"_s << 1883 << defaultPath << QString();
}

void EndpointTest::parses()
{
    QFETCH(QString, url);
    QFETCH(TransportKind, kind);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(QString, topic);
    QString error;
    const auto parsed = parseEndpointUrl(url, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->endpoint.kind, kind);
    QCOMPARE(parsed->endpoint.host, host);
    QCOMPARE(parsed->endpoint.port, port);
    QCOMPARE(parsed->endpoint.path, path);
    QCOMPARE(parsed->topic, topic);
    QVERIFY(!parsed->username);
    QVERIFY(!parsed->password);
    // Everything else keeps its default: TLS verification stays on.
    QCOMPARE(parsed->endpoint.tls, TlsOptions());
    QCOMPARE(parsed->endpoint.connectTimeoutMs, Endpoint().connectTimeoutMs);
}

void EndpointTest::credentials_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("hasPassword");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("host");
    QTest::newRow("user only") << u"mqtt://alice@h"_s << u"alice"_s << false << QByteArray()
                               << u"h"_s;
    QTest::newRow("user and password")
        << u"mqtt://alice:secret@h:1/t"_s << u"alice"_s << true << "secret"_ba << u"h"_s;
    QTest::newRow("empty password")
        << u"mqtt://alice:@h"_s << u"alice"_s << true << ""_ba << u"h"_s;
    QTest::newRow("percent-encoded")
        << u"mqtts://al%40ice:p%3Aw%2Fd%25@h"_s << u"al@ice"_s << true << "p:w/d%"_ba << u"h"_s;
    QTest::newRow("UTF-8 user") << u"ws://j%C3%BCrgen:x@h"_s << u"jürgen"_s << true << "x"_ba
                                << u"h"_s;
    QTest::newRow("binary password")
        << u"mqtt://u:%00%FF@h"_s << u"u"_s << true << QByteArray("\x00\xff", 2) << u"h"_s;
    QTest::newRow("unencoded @ in password, last @ ends it")
        << u"mqtt://u:a@b@h"_s << u"u"_s << true << "a@b"_ba << u"h"_s;
    QTest::newRow("IPv6 with user")
        << u"mqtt://u:p@[::1]:2"_s << u"u"_s << true << "p"_ba << u"::1"_s;
}

void EndpointTest::credentials()
{
    QFETCH(QString, url);
    QFETCH(QString, username);
    QFETCH(bool, hasPassword);
    QFETCH(QByteArray, password);
    QFETCH(QString, host);
    QString error;
    const auto parsed = parseEndpointUrl(url, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->username, std::optional<QString>(username));
    QCOMPARE(parsed->password.has_value(), hasPassword);
    if (hasPassword)
        QCOMPARE(*parsed->password, password);
    QCOMPARE(parsed->endpoint.host, host);
}

void EndpointTest::rejects_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("empty") << QString() << u"Not a broker URL"_s;
    QTest::newRow("no scheme") << u"broker.example:1883"_s << u"Not a broker URL"_s;
    QTest::newRow("unknown scheme") << u"http://h"_s << u"Unknown URL scheme: http"_s;
    QTest::newRow("no host") << u"mqtt://"_s << u"Missing host"_s;
    QTest::newRow("no host, port only") << u"mqtt://:1883"_s << u"Missing host"_s;
    QTest::newRow("no host after user") << u"mqtt://u:p@/t"_s << u"Missing host"_s;
    QTest::newRow("port zero") << u"mqtt://h:0"_s << u"Invalid port: 0"_s;
    QTest::newRow("port too big") << u"mqtt://h:65536"_s << u"Invalid port: 65536"_s;
    QTest::newRow("port not a number") << u"mqtt://h:abc"_s << u"Invalid port: abc"_s;
    QTest::newRow("empty port") << u"mqtt://h:"_s << u"Invalid port"_s;
    QTest::newRow("unterminated IPv6") << u"mqtt://[::1:1883"_s << u"IPv6"_s;
    QTest::newRow("junk after IPv6") << u"mqtt://[::1]x"_s << u"after the IPv6 address"_s;
    QTest::newRow("empty IPv6") << u"mqtt://[]:1"_s << u"Missing host"_s;
}

void EndpointTest::rejects()
{
    QFETCH(QString, url);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!parseEndpointUrl(url, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(!parseEndpointUrl(url, nullptr)); // no error out-parameter is fine too
}

QTEST_GUILESS_MAIN(EndpointTest)
#include "tst_endpoint.moc"
