// SPDX-License-Identifier: GPL-3.0-or-later
// Connections through real proxies the fixture starts on loopback ports: microsocks and danted
// (SOCKS5, names resolved by the proxy) and tinyproxy (HTTP CONNECT), with and without a
// password, carrying each transport to a real mosquitto at 3.1.1 and 5.0. The proxies' own logs
// prove the traffic went through them; their failures name the proxy and the reason, and a
// refused password stops the client instead of retrying. mqttscope-cli's --proxy the same.
#include "freeport.h"
#include "mosquittobroker.h"
#include "proxyserver.h"
#include "testclient.h"
#include "testprocess.h"
#include "testversions.h"
#include "transportname.h"
#include "versionchoice.h"

#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

Q_DECLARE_METATYPE(mqttscope::TransportKind)

namespace {

const QString cli = QStringLiteral(MQTTSCOPE_CLI_PATH);
const QString kUser = u"alice"_s;
const QByteArray kPassword = "s3cret";

// Which of the fixture's proxies a row goes through.
enum class Via { Socks, SocksWithPassword, Dante, Http, HttpWithPassword };

constexpr std::pair<Via, const char *> kProxies[] = {
    {Via::Socks, "microsocks"},
    {Via::SocksWithPassword, "microsocks -u -P"},
    {Via::Dante, "danted"},
    {Via::Http, "tinyproxy"},
    {Via::HttpWithPassword, "tinyproxy BasicAuth"},
};

constexpr TransportKind kTransports[] = {TransportKind::Tcp, TransportKind::Tls,
                                         TransportKind::WebSocket, TransportKind::SecureWebSocket};

QString uniqueId(const QString &prefix)
{
    return prefix + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

} // namespace

Q_DECLARE_METATYPE(Via)

class tst_Proxy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void carriesEveryTransport_data();
    void carriesEveryTransport();
    void wrongPasswordStops_data();
    void wrongPasswordStops();
    void deadProxyIsRefused_data();
    void deadProxyIsRefused();
    void unreachableBrokerThroughProxy_data();
    void unreachableBrokerThroughProxy();

    void cliPublishesAndSubscribes_data();
    void cliPublishesAndSubscribes();
    void cliWrongPasswordStops_data();
    void cliWrongPasswordStops();

private:
    ProxyServer &proxy(Via via);
    // The broker's endpoint for a transport, named `localhost` so that the proxy resolves it,
    // reached through `via`'s proxy with its right credentials.
    Endpoint endpointThrough(Via via, TransportKind transport) const;
    ClientOptions optionsThrough(Via via, TransportKind transport, ProtocolVersion version) const;
    QStringList cliConnection(Via via, TransportKind transport) const;

    MosquittoBroker m_broker;
    ProxyServer m_socks{ProxyServer::Kind::Microsocks};
    ProxyServer m_socksWithPassword{ProxyServer::Kind::Microsocks};
    ProxyServer m_dante{ProxyServer::Kind::Dante};
    ProxyServer m_http{ProxyServer::Kind::Tinyproxy};
    ProxyServer m_httpWithPassword{ProxyServer::Kind::Tinyproxy};
    quint16 m_deadBrokerPort = 0; // where tinyproxy may CONNECT to and nobody listens
};

void tst_Proxy::initTestCase()
{
    using L = MosquittoBroker::Listener;
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp, L::Tls, L::Ws, L::Wss});
    m_deadBrokerPort = unusedLoopbackPort();
    QList<quint16> brokerPorts{m_deadBrokerPort};
    for (const TransportKind transport : kTransports)
        brokerPorts << m_broker.endpoint(transport).port;
    m_socksWithPassword.setCredentials(kUser, kPassword);
    m_httpWithPassword.setCredentials(kUser, kPassword);
    m_http.setConnectPorts(brokerPorts);
    m_httpWithPassword.setConnectPorts(brokerPorts);
    for (const auto &[via, name] : kProxies)
        MQTTSCOPE_START_PROXY(proxy(via));
}

ProxyServer &tst_Proxy::proxy(Via via)
{
    switch (via) {
    case Via::Socks:
        return m_socks;
    case Via::SocksWithPassword:
        return m_socksWithPassword;
    case Via::Dante:
        return m_dante;
    case Via::Http:
        return m_http;
    case Via::HttpWithPassword:
        break;
    }
    return m_httpWithPassword;
}

Endpoint tst_Proxy::endpointThrough(Via via, TransportKind transport) const
{
    Endpoint endpoint = m_broker.endpoint(transport);
    endpoint.host = u"localhost"_s; // in the test certificate, and resolved by the proxy
    endpoint.proxy = const_cast<tst_Proxy *>(this)->proxy(via).settings();
    endpoint.connectTimeoutMs = 10000;
    return endpoint;
}

ClientOptions tst_Proxy::optionsThrough(Via via, TransportKind transport,
                                        ProtocolVersion version) const
{
    ClientOptions options;
    options.endpoint = endpointThrough(via, transport);
    options.version = versionChoice(version);
    options.clientId = uniqueId(u"proxy"_s);
    options.reconnect.enabled = false;
    return options;
}

void tst_Proxy::carriesEveryTransport_data()
{
    QTest::addColumn<Via>("via");
    QTest::addColumn<TransportKind>("transport");
    addVersionColumn();
    for (const auto &[via, name] : kProxies) {
        for (const TransportKind transport : kTransports) {
            for (const ProtocolVersion version : testedVersions) {
                QTest::addRow("%s %s %s", name, qPrintable(transportName(transport)),
                              versionName(version))
                    << via << transport << version;
            }
        }
    }
}

// A client subscribes and receives its own QoS 1 message [MQTT-3.3.1-9 ... MQTT-4.3.2-1] over a
// tunnel the proxy logs.
void tst_Proxy::carriesEveryTransport()
{
    QFETCH(Via, via);
    QFETCH(TransportKind, transport);
    QFETCH(ProtocolVersion, version);
    ProxyServer &server = proxy(via);
    const quint16 brokerPort = m_broker.endpoint(transport).port;
    const int tunnelsBefore = server.tunnelsTo(u"localhost"_s, brokerPort);

    TestClient client;
    client->setOptions(optionsThrough(via, transport, version));
    QVERIFY2(connectClient(client), qPrintable(client.recorder.story()));
    const QByteArray topic = "proxy/" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QVERIFY(subscribeAndWait(client, {Subscription{QString::fromUtf8(topic), 1}}));
    Message message;
    message.topic = topic;
    message.payload = "through " + server.name().toUtf8();
    message.qos = 1;
    QVERIFY(client->publish(message) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(client.recorder.messagesOn(topic).size(), 1, 10000);
    QCOMPARE(client.recorder.messagesOn(topic).first().payload, message.payload);
    QTRY_COMPARE_WITH_TIMEOUT(server.tunnelsTo(u"localhost"_s, brokerPort), tunnelsBefore + 1,
                              5000);
    client->disconnectFromBroker();
}

void tst_Proxy::wrongPasswordStops_data()
{
    QTest::addColumn<Via>("via");
    QTest::addColumn<TransportKind>("transport");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("reason");
    const QString rejected = u"rejected the user name or password"_s;
    const QString required = u"requires a user name and password"_s;
    for (const TransportKind transport : kTransports) {
        const QByteArray name = transportName(transport).toUtf8();
        QTest::addRow("socks %s wrong password", name.constData())
            << Via::SocksWithPassword << transport << kUser << rejected;
        QTest::addRow("socks %s no credentials", name.constData())
            << Via::SocksWithPassword << transport << QString() << required;
        QTest::addRow("http %s no credentials", name.constData())
            << Via::HttpWithPassword << transport << QString() << required;
        // tinyproxy answers a wrong password with 401, which Qt words as a protocol error.
        QTest::addRow("http %s wrong password", name.constData())
            << Via::HttpWithPassword << transport << kUser
            << u"%1 (401 Unauthorized)"_s.arg(rejected);
    }
}

// The proxy's refusal is the user's to fix: the client says so once and does not retry.
void tst_Proxy::wrongPasswordStops()
{
    QFETCH(Via, via);
    QFETCH(TransportKind, transport);
    QFETCH(QString, user);
    QFETCH(QString, reason);
    ClientOptions options = optionsThrough(via, transport, ProtocolVersion::V5);
    options.endpoint.proxy.username = user;
    options.endpoint.proxy.password = user.isEmpty() ? QByteArray() : "wrong";
    options.reconnect.enabled = true;
    options.reconnect.initialDelayMs = 100;

    TestClient client;
    QList<ConnectionFailure> failures;
    connect(client.client.get(), &MqttClient::connectFailed, &client.recorder.context,
            [&](const ConnectionFailure &failure) { failures += failure; });
    client->setOptions(options);
    client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    const ConnectionFailure failure = failures.first();
    QCOMPARE(failure.cause, ConnectionFailure::Cause::ProxyCredentials);
    QVERIFY(!failure.retryCanHelp());
    const QString proxyName = (via == Via::HttpWithPassword ? u"HTTP proxy 127.0.0.1:%1"_s
                                                            : u"SOCKS5 proxy 127.0.0.1:%1"_s)
                                  .arg(proxy(via).port());
    QVERIFY2(failure.reason.startsWith(proxyName + u' ' + reason), qPrintable(failure.reason));
    QTRY_COMPARE(client->state(), ClientState::Disconnected);
    QTest::qWait(300); // three times the reconnect delay: no second attempt
    QCOMPARE(failures.size(), 1);
    QVERIFY(client.recorder.reconnects.isEmpty());
    QCOMPARE(client.recorder.connacks.size(), 0);
}

void tst_Proxy::deadProxyIsRefused_data()
{
    QTest::addColumn<ProxyKind>("kind");
    QTest::addColumn<TransportKind>("transport");
    QTest::addColumn<QString>("name");
    for (const TransportKind transport : kTransports) {
        const QByteArray name = transportName(transport).toUtf8();
        QTest::addRow("socks %s", name.constData())
            << ProxyKind::Socks5 << transport << u"SOCKS5 proxy"_s;
        QTest::addRow("http %s", name.constData())
            << ProxyKind::Http << transport << u"HTTP proxy"_s;
    }
}

// Nobody listens where the proxy should be: the words say it is the proxy that refused, and
// the broker never hears of the client. A proxy may come back: the client retries.
void tst_Proxy::deadProxyIsRefused()
{
    QFETCH(ProxyKind, kind);
    QFETCH(TransportKind, transport);
    QFETCH(QString, name);
    ClientOptions options = optionsThrough(Via::Socks, transport, ProtocolVersion::V311);
    options.endpoint.proxy.kind = kind;
    options.endpoint.proxy.port = unusedLoopbackPort();
    TestClient client;
    QList<ConnectionFailure> failures;
    connect(client.client.get(), &MqttClient::connectFailed, &client.recorder.context,
            [&](const ConnectionFailure &failure) { failures += failure; });
    client->setOptions(options);
    client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    QCOMPARE(failures.first().reason,
             u"Connection refused by %1 127.0.0.1:%2"_s.arg(name).arg(options.endpoint.proxy.port));
    QCOMPARE(failures.first().cause, ConnectionFailure::Cause::Network);
    QVERIFY(!m_broker.log().contains(options.clientId.toUtf8()));
}

void tst_Proxy::unreachableBrokerThroughProxy_data()
{
    QTest::addColumn<Via>("via");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("tinyproxy") << Via::Http << true
                               << u"HTTP proxy 127.0.0.1:%1 could not reach 127.0.0.1:%2: 500 "
                                  "Unable to connect"_s;
    QTest::newRow("tinyproxy, port not allowed")
        << Via::Http << false
        << u"HTTP proxy 127.0.0.1:%1 could not reach 127.0.0.1:%2: Proxy denied connection"_s;
    QTest::newRow("microsocks") << Via::Socks << true
                                << u"SOCKS5 proxy 127.0.0.1:%1 could not reach 127.0.0.1:%2: "
                                   "Connection refused"_s;
    QTest::newRow("danted") << Via::Dante << true
                            << u"SOCKS5 proxy 127.0.0.1:%1 could not reach 127.0.0.1:%2: "
                               "Connection refused"_s;
}

// The proxy is up, the broker behind it is not: the proxy's answer names both.
void tst_Proxy::unreachableBrokerThroughProxy()
{
    QFETCH(Via, via);
    QFETCH(bool, allowed);
    QFETCH(QString, reason);
    ClientOptions options = optionsThrough(via, TransportKind::Tcp, ProtocolVersion::V311);
    options.endpoint.host = u"127.0.0.1"_s;
    options.endpoint.port = allowed ? m_deadBrokerPort : unusedLoopbackPort();
    TestClient client;
    QList<ConnectionFailure> failures;
    connect(client.client.get(), &MqttClient::connectFailed, &client.recorder.context,
            [&](const ConnectionFailure &failure) { failures += failure; });
    client->setOptions(options);
    client->connectToBroker();
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 10000);
    QCOMPARE(failures.first().reason, reason.arg(proxy(via).port()).arg(options.endpoint.port));
}

QStringList tst_Proxy::cliConnection(Via via, TransportKind transport) const
{
    const Endpoint endpoint = endpointThrough(via, transport);
    const QString scheme = QStringList{u"mqtt"_s, u"mqtts"_s, u"ws"_s, u"wss"_s}[int(transport)];
    const QString path =
        transport == TransportKind::WebSocket || transport == TransportKind::SecureWebSocket
        ? u"/mqtt"_s
        : QString();
    QStringList arguments{u"-L"_s,
                          u"%1://localhost:%2%3"_s.arg(scheme).arg(endpoint.port).arg(path)};
    if (transport == TransportKind::Tls || transport == TransportKind::SecureWebSocket)
        arguments << u"--cafile"_s << m_broker.certificates().caFile();
    return arguments << u"--proxy"_s << const_cast<tst_Proxy *>(this)->proxy(via).url();
}

void tst_Proxy::cliPublishesAndSubscribes_data()
{
    QTest::addColumn<Via>("subVia");
    QTest::addColumn<TransportKind>("subTransport");
    QTest::addColumn<Via>("pubVia");
    QTest::addColumn<TransportKind>("pubTransport");
    addVersionColumn();
    for (const ProtocolVersion version : testedVersions) {
        QTest::addRow("sub ws via http, pub tls via socks %s", versionName(version))
            << Via::HttpWithPassword << TransportKind::WebSocket << Via::SocksWithPassword
            << TransportKind::Tls << version;
        QTest::addRow("sub tcp via socks, pub wss via http %s", versionName(version))
            << Via::SocksWithPassword << TransportKind::Tcp << Via::HttpWithPassword
            << TransportKind::SecureWebSocket << version;
    }
}

// `sub --proxy` receives what `pub --proxy` sent, each through its own proxy.
void tst_Proxy::cliPublishesAndSubscribes()
{
    QFETCH(Via, subVia);
    QFETCH(TransportKind, subTransport);
    QFETCH(Via, pubVia);
    QFETCH(TransportKind, pubTransport);
    QFETCH(ProtocolVersion, version);
    const QString topic = uniqueId(u"proxy/cli"_s);
    const QString subscriberId = uniqueId(u"sub"_s);
    const int pubTunnels =
        proxy(pubVia).tunnelsTo(u"localhost"_s, m_broker.endpoint(pubTransport).port);

    auto subscriber =
        launch(cli,
               QStringList{u"sub"_s, u"-V"_s, versionArgument(version), u"-i"_s, subscriberId,
                           u"-t"_s, topic, u"-C"_s, u"1"_s, u"-W"_s, u"20"_s}
                   + cliConnection(subVia, subTransport));
    QVERIFY(m_broker.waitForSubscribed(subscriberId));
    const Finished published = run(cli,
                                   QStringList{u"pub"_s, u"-V"_s, versionArgument(version), u"-t"_s,
                                               topic, u"-m"_s, u"via proxies"_s, u"-q"_s, u"1"_s}
                                       + cliConnection(pubVia, pubTransport));
    QVERIFY2(published.exitCode == 0, published.err.constData());
    const Finished received = waitFor(*subscriber);
    QVERIFY2(received.exitCode == 0, received.err.constData());
    QCOMPARE(received.out, "via proxies\n"_ba);
    QCOMPARE(proxy(pubVia).tunnelsTo(u"localhost"_s, m_broker.endpoint(pubTransport).port),
             pubTunnels + 1);
}

void tst_Proxy::cliWrongPasswordStops_data()
{
    QTest::addColumn<Via>("via");
    QTest::addColumn<QString>("reason");
    QTest::newRow("socks") << Via::SocksWithPassword
                           << u"Error: SOCKS5 proxy 127.0.0.1:%1 rejected the user name or "
                              "password (authentication failed)\n"_s;
    QTest::newRow("http") << Via::HttpWithPassword
                          << u"Error: HTTP proxy 127.0.0.1:%1 rejected the user name or "
                             "password (401 Unauthorized)\n"_s;
}

// Once, on stderr, with status 1 and no retry; and a dead proxy is refused.
void tst_Proxy::cliWrongPasswordStops()
{
    QFETCH(Via, via);
    QFETCH(QString, reason);
    QStringList arguments = cliConnection(via, TransportKind::Tcp);
    arguments.last().replace(QString::fromUtf8(kPassword), u"wrong"_s);
    const Finished wrong =
        run(cli, QStringList{u"pub"_s, u"-t"_s, u"t"_s, u"-m"_s, u"x"_s} + arguments);
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(QString::fromLocal8Bit(wrong.err), reason.arg(proxy(via).port()));

    const quint16 deadPort = unusedLoopbackPort();
    arguments.last() = u"socks5h://127.0.0.1:%1"_s.arg(deadPort);
    const Finished dead =
        run(cli, QStringList{u"sub"_s, u"-t"_s, u"t"_s, u"-C"_s, u"1"_s} + arguments);
    QCOMPARE(dead.exitCode, 1);
    QCOMPARE(QString::fromLocal8Bit(dead.err),
             u"Error: Connection refused by SOCKS5 proxy 127.0.0.1:%1\n"_s.arg(deadPort));
}

QTEST_GUILESS_MAIN(tst_Proxy)
#include "tst_proxy.moc"
