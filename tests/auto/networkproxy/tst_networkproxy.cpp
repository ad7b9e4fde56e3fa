// SPDX-License-Identifier: GPL-3.0-or-later
// Which QNetworkProxy a connection's socket gets: none unless asked for (never an application
// proxy), the manual SOCKS5 (names resolved by the proxy) or HTTP proxy with its credentials, or
// what Qt's system proxy support reads from the environment; and the words of proxy failures.
#include "transport/networkproxy.h"
#include "transport/transporterrors.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

Q_DECLARE_METATYPE(mqttscope::TransportKind)
Q_DECLARE_METATYPE(QNetworkProxy::ProxyType)

namespace {

Endpoint broker(TransportKind kind, const QString &host = u"broker.example"_s)
{
    Endpoint endpoint;
    endpoint.kind = kind;
    endpoint.host = host;
    endpoint.port = Endpoint::defaultPort(kind);
    return endpoint;
}

// Sets the proxy variables of a test and takes them back at its end.
class ProxyEnvironment
{
public:
    using Variables = QList<std::pair<const char *, QByteArray>>;
    explicit ProxyEnvironment(const Variables &variables)
    {
        for (const char *name : kNames)
            qunsetenv(name);
        for (const auto &[name, value] : variables)
            qputenv(name, value);
    }
    ~ProxyEnvironment()
    {
        for (const char *name : kNames)
            qunsetenv(name);
    }

private:
    static constexpr const char *kNames[] = {"http_proxy",  "HTTP_PROXY", "https_proxy",
                                             "HTTPS_PROXY", "all_proxy",  "ALL_PROXY",
                                             "no_proxy",    "NO_PROXY"};
};

} // namespace

class tst_NetworkProxy : public QObject
{
    Q_OBJECT
private slots:
    void noneIsNoProxy();
    void manual_data();
    void manual();
    void system_data();
    void system();
    void proxyErrors_data();
    void proxyErrors();
};

// Not DefaultProxy: an application-wide proxy set elsewhere must not apply to "None".
void tst_NetworkProxy::noneIsNoProxy()
{
    ProxyEnvironment environment(
        ProxyEnvironment::Variables{{"http_proxy", "http://127.0.0.1:3128"}});
    QNetworkProxy::setApplicationProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, u"app.example"_s, 8080));
    QCOMPARE(networkProxyFor(broker(TransportKind::Tcp)).type(), QNetworkProxy::NoProxy);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void tst_NetworkProxy::manual_data()
{
    QTest::addColumn<ProxyKind>("kind");
    QTest::addColumn<QNetworkProxy::ProxyType>("type");
    QTest::newRow("socks5") << ProxyKind::Socks5 << QNetworkProxy::Socks5Proxy;
    QTest::newRow("http") << ProxyKind::Http << QNetworkProxy::HttpProxy;
}

void tst_NetworkProxy::manual()
{
    QFETCH(ProxyKind, kind);
    Endpoint endpoint = broker(TransportKind::SecureWebSocket);
    endpoint.proxy = {kind, u"proxy.example"_s, 1081, u"al ice"_s, "pä:ss"};
    const QNetworkProxy proxy = networkProxyFor(endpoint);
    QTEST(proxy.type(), "type");
    QCOMPARE(proxy.hostName(), u"proxy.example"_s);
    QCOMPARE(proxy.port(), 1081);
    QCOMPARE(proxy.user(), u"al ice"_s);
    QCOMPARE(proxy.password(), u"pä:ss"_s);
    // socks5h: the broker's name goes to the proxy.
    QVERIFY(proxy.capabilities().testFlag(QNetworkProxy::HostNameLookupCapability));
    QVERIFY(proxy.capabilities().testFlag(QNetworkProxy::TunnelingCapability));
}

void tst_NetworkProxy::system_data()
{
    using Variables = ProxyEnvironment::Variables;
    QTest::addColumn<Variables>("variables");
    QTest::addColumn<TransportKind>("transport");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QNetworkProxy::ProxyType>("type");
    QTest::addColumn<QString>("proxyHost");
    QTest::addColumn<int>("proxyPort");
    const auto row = [](const char *name, const Variables &variables, TransportKind transport,
                        const QString &host, QNetworkProxy::ProxyType type,
                        const QString &proxyHost = {}, int proxyPort = 0) {
        QTest::newRow(name) << variables << transport << host << type << proxyHost << proxyPort;
    };
    const QString b = u"broker.example"_s;
    row("nothing set", {}, TransportKind::Tcp, b, QNetworkProxy::NoProxy);
    row("http_proxy for tcp", {{"http_proxy", "http://u:p@10.0.0.1:3128"}}, TransportKind::Tcp, b,
        QNetworkProxy::HttpProxy, u"10.0.0.1"_s, 3128);
    row("http_proxy for wss", {{"http_proxy", "http://10.0.0.1:3128"}},
        TransportKind::SecureWebSocket, b, QNetworkProxy::HttpProxy, u"10.0.0.1"_s, 3128);
    row("https_proxy for tls", {{"https_proxy", "http://10.0.0.2:3129"}}, TransportKind::Tls, b,
        QNetworkProxy::HttpProxy, u"10.0.0.2"_s, 3129);
    row("https_proxy not for tcp", {{"https_proxy", "http://10.0.0.2:3129"}}, TransportKind::Tcp, b,
        QNetworkProxy::NoProxy);
    row("http_proxy socks5://", {{"http_proxy", "socks5://10.0.0.3:1081"}}, TransportKind::Tcp, b,
        QNetworkProxy::Socks5Proxy, u"10.0.0.3"_s, 1081);
    row("no port: the default", {{"http_proxy", "http://10.0.0.1"}}, TransportKind::Tcp, b,
        QNetworkProxy::HttpProxy, u"10.0.0.1"_s, 8080);
    row("no_proxy suffix", {{"http_proxy", "http://10.0.0.1:3128"}, {"no_proxy", ".example"}},
        TransportKind::Tcp, b, QNetworkProxy::NoProxy);
    row("no_proxy CIDR", {{"http_proxy", "http://10.0.0.1:3128"}, {"no_proxy", "127.0.0.0/8"}},
        TransportKind::WebSocket, u"127.0.0.1"_s, QNetworkProxy::NoProxy);
    // What Debian's Qt 6.4 (through libproxy) does not read: documented in networkproxy.h.
    row("all_proxy is not read", {{"all_proxy", "socks5h://10.0.0.3:1081"}}, TransportKind::Tcp, b,
        QNetworkProxy::NoProxy);
}

void tst_NetworkProxy::system()
{
    using Variables = ProxyEnvironment::Variables;
    QFETCH(Variables, variables);
    QFETCH(TransportKind, transport);
    QFETCH(QString, host);
    ProxyEnvironment environment(variables);
    Endpoint endpoint = broker(transport, host);
    endpoint.proxy.kind = ProxyKind::System;
    const QNetworkProxy proxy = networkProxyFor(endpoint);
    QTEST(proxy.type(), "type");
    if (proxy.type() != QNetworkProxy::NoProxy) {
        QTEST(proxy.hostName(), "proxyHost");
        QTEST(int(proxy.port()), "proxyPort");
    }
}

void tst_NetworkProxy::proxyErrors_data()
{
    QTest::addColumn<QAbstractSocket::SocketError>("error");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("text");
    using E = QAbstractSocket;
    QTest::newRow("refused") << E::ProxyConnectionRefusedError << QString()
                             << u"Connection refused by SOCKS5 proxy 10.0.0.1:1080"_s;
    QTest::newRow("proxy host unknown")
        << E::ProxyNotFoundError << QString() << u"Proxy host not found: 10.0.0.1"_s;
    QTest::newRow("wrong password")
        << E::ProxyAuthenticationRequiredError << u"alice"_s
        << u"SOCKS5 proxy 10.0.0.1:1080 rejected the user name or password (authentication "
           "failed)"_s;
    QTest::newRow("no credentials") << E::ProxyAuthenticationRequiredError << QString()
                                    << u"SOCKS5 proxy 10.0.0.1:1080 requires a user name and "
                                       "password"_s;
    QTest::newRow("broker refused behind it")
        << E::ConnectionRefusedError << QString()
        << u"SOCKS5 proxy 10.0.0.1:1080 could not reach broker.example:1883: Qt says"_s;
    QTest::newRow("broker closed: not the proxy's")
        << E::RemoteHostClosedError << QString() << u"Connection closed by broker.example:1883"_s;
}

void tst_NetworkProxy::proxyErrors()
{
    QFETCH(QAbstractSocket::SocketError, error);
    QFETCH(QString, user);
    const QNetworkProxy proxy(QNetworkProxy::Socks5Proxy, u"10.0.0.1"_s, 1080, user);
    QTEST(transporterrors::describeSocketError(error, u"Qt says"_s, broker(TransportKind::Tcp),
                                               proxy),
          "text");
}

QTEST_GUILESS_MAIN(tst_NetworkProxy)
#include "tst_networkproxy.moc"
