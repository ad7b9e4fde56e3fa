// SPDX-License-Identifier: GPL-3.0-or-later
// The transports against a real mosquitto: every kind opens and carries an MQTT handshake,
// TLS identities and trust work and fail with clear words, and the life cycle signals alike.
#include "freeport.h"
#include "mosquittobroker.h"
#include "transport/transport.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

using L = MosquittoBroker::Listener;

namespace {

// An MQTT 3.1.1 CONNECT, clean session, keepalive 60, built by hand so that this test depends
// on the transport alone.
QByteArray connectPacket(const QByteArray &clientId)
{
    QByteArray body("\x00\x04MQTT\x04\x02\x00\x3c", 10);
    body += char(clientId.size() >> 8);
    body += char(clientId.size() & 0xff);
    body += clientId;
    return char(0x10) + QByteArray(1, char(body.size())) + body;
}

// A CONNECT with a QoS 0 will message on `willTopic`.
QByteArray connectPacketWithWill(const QByteArray &clientId, const QByteArray &willTopic)
{
    const auto string = [](const QByteArray &s) {
        return char(s.size() >> 8) + (char(s.size() & 0xff) + s);
    };
    const QByteArray body = QByteArray("\x00\x04MQTT\x04\x06\x00\x3c", 10) + string(clientId)
        + string(willTopic) + string("gone"_ba);
    return char(0x10) + QByteArray(1, char(body.size())) + body;
}

// SUBSCRIBE packet id 1 to `filter` at QoS 0, and its SUBACK.
QByteArray subscribePacket(const QByteArray &filter)
{
    const QByteArray body = QByteArray("\x00\x01", 2) + char(filter.size() >> 8)
        + (char(filter.size() & 0xff) + filter) + '\0';
    return char(0x82) + QByteArray(1, char(body.size())) + body;
}
const QByteArray kSubackQos0("\x90\x03\x00\x01\x00", 5);

// CONNACK, session present 0, return code 0 (accepted) [MQTT-3.2.2-1].
const QByteArray kConnackAccepted("\x20\x02\x00\x00", 4);
const QByteArray kDisconnect("\xe0\x00", 2);

// Reads until `count` bytes arrived or 10 s passed.
QByteArray readExactly(Transport &transport, qsizetype count)
{
    QByteArray received;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
            received += transport.readAll();
            return received.size() >= count;
        },
        10000);
    return received;
}

} // namespace

class TransportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fixtureWorksWithMosquittoPub_data();
    void fixtureWorksWithMosquittoPub();

    void handshake_data();
    void handshake();
    void packetSplitAcrossWrites_data();
    void packetSplitAcrossWrites();
    void fails_data();
    void fails();
    void clientCertificateRequired();
    void connectTimeout_data();
    void connectTimeout();
    void webSocketOffersOnlyMqttSubprotocol();
    void brokerClosingIsReported();
    void closeSignalsOnceAndReopens();
    void closeDeliversWhatWasWritten_data();
    void closeDeliversWhatWasWritten();
    void fixtureRestartsOnSamePorts();

private:
    Endpoint endpointWith(L listener, const std::function<void(Endpoint &)> &change = {}) const;

    MosquittoBroker m_broker;
    QTemporaryDir m_scratch;
    QString m_legacyPkcs12;
};

void TransportTest::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker,
                           {L::Tcp, L::Tls, L::TlsClientCert, L::Ws, L::Wss, L::PasswordTcp});
    const TestCertificates &certs = m_broker.certificates();
    m_legacyPkcs12 = m_scratch.filePath(u"legacy.p12"_s);
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"pkcs12"_s, u"-export"_s, u"-legacy"_s, u"-in"_s, certs.clientCertFile(),
                   u"-inkey"_s, certs.clientKeyFile(), u"-passout"_s,
                   u"pass:"_s + QString::fromUtf8(TestCertificates::pkcs12Passphrase()), u"-out"_s,
                   m_legacyPkcs12});
    QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
             openssl.readAll().constData());
}

Endpoint TransportTest::endpointWith(L listener,
                                     const std::function<void(Endpoint &)> &change) const
{
    Endpoint endpoint = m_broker.endpoint(listener);
    if (change)
        change(endpoint);
    return endpoint;
}

// The broker and certificates are right independently of our transports: mosquitto's own
// client publishes through each TCP-based listener.
void TransportTest::fixtureWorksWithMosquittoPub_data()
{
    QTest::addColumn<L>("listener");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("accepted");
    const TestCertificates &certs = m_broker.certificates();
    const QStringList ca{u"--cafile"_s, certs.caFile()};
    const QStringList client{u"--cert"_s, certs.clientCertFile(), u"--key"_s,
                             certs.clientKeyFile()};
    QTest::newRow("tcp") << L::Tcp << QStringList() << true;
    QTest::newRow("tls") << L::Tls << ca << true;
    QTest::newRow("tls, wrong CA")
        << L::Tls << QStringList{u"--cafile"_s, certs.otherCaFile()} << false;
    QTest::newRow("tls client cert") << L::TlsClientCert << ca + client << true;
    QTest::newRow("tls client cert missing") << L::TlsClientCert << ca << false;
    QTest::newRow("password") << L::PasswordTcp
                              << QStringList{u"-u"_s, u"alice"_s, u"-P"_s, u"secret"_s} << true;
    QTest::newRow("wrong password")
        << L::PasswordTcp << QStringList{u"-u"_s, u"alice"_s, u"-P"_s, u"nope"_s} << false;
}

void TransportTest::fixtureWorksWithMosquittoPub()
{
    QFETCH(L, listener);
    QFETCH(QStringList, arguments);
    QFETCH(bool, accepted);
    QProcess pub;
    pub.setProcessChannelMode(QProcess::MergedChannels);
    pub.start(u"mosquitto_pub"_s,
              QStringList{u"-h"_s, u"127.0.0.1"_s, u"-p"_s,
                          QString::number(m_broker.port(listener)), u"-t"_s, u"fixture/check"_s,
                          u"-m"_s, u"x"_s}
                  + arguments);
    QVERIFY2(pub.waitForFinished(10000), "mosquitto_pub hung");
    QCOMPARE(pub.exitCode() == 0, accepted);
}

void TransportTest::handshake_data()
{
    QTest::addColumn<Endpoint>("endpoint");
    const TestCertificates &certs = m_broker.certificates();
    const auto clientPem = [&](const QString &key, const QByteArray &passphrase) {
        return [&, key, passphrase](Endpoint &e) {
            e.tls.certFile = certs.clientCertFile();
            e.tls.keyFile = key;
            e.tls.keyPassphrase = passphrase;
        };
    };
    const QByteArray pass = TestCertificates::clientKeyPassphrase();

    QTest::newRow("tcp") << endpointWith(L::Tcp);
    QTest::newRow("tcp, localhost")
        << endpointWith(L::Tcp, [](Endpoint &e) { e.host = u"localhost"_s; });
    QTest::newRow("tls") << endpointWith(L::Tls);
    // The server certificate names localhost as well; the name checked is the host.
    QTest::newRow("tls, host localhost")
        << endpointWith(L::Tls, [](Endpoint &e) { e.host = u"localhost"_s; });
    QTest::newRow("tls, serverName localhost")
        << endpointWith(L::Tls, [](Endpoint &e) { e.tls.serverName = u"localhost"_s; });
    QTest::newRow("tls, ALPN offered")
        << endpointWith(L::Tls, [](Endpoint &e) { e.tls.alpn = {"mqtt"_ba}; });
    QTest::newRow("tls, CA directory") << endpointWith(L::Tls, [&](Endpoint &e) {
        e.tls.caFile.clear();
        e.tls.caPath = certs.dir();
    });
    QTest::newRow("tls insecure, wrong CA") << endpointWith(L::Tls, [&](Endpoint &e) {
        e.tls.caFile = certs.otherCaFile();
        e.tls.insecure = true;
    });
    QTest::newRow("tls insecure, wrong name") << endpointWith(L::Tls, [&](Endpoint &e) {
        e.tls.serverName = u"not-the-broker.example"_s;
        e.tls.insecure = true;
    });
    // As mosquitto's --insecure: the chain is verified, the name is not.
    QTest::newRow("tls, wrong name, host name check skipped")
        << endpointWith(L::Tls, [&](Endpoint &e) {
               e.tls.serverName = u"not-the-broker.example"_s;
               e.tls.skipHostNameCheck = true;
           });
    QTest::newRow("client cert, PEM key")
        << endpointWith(L::TlsClientCert, clientPem(certs.clientKeyFile(), {}));
    QTest::newRow("client cert, encrypted PKCS#8 key")
        << endpointWith(L::TlsClientCert, clientPem(certs.clientEncryptedKeyFile(), pass));
    QTest::newRow("client cert, encrypted traditional key") << endpointWith(
        L::TlsClientCert, clientPem(certs.clientEncryptedTraditionalKeyFile(), pass));
    QTest::newRow("client cert, EC key") << endpointWith(L::TlsClientCert, [&](Endpoint &e) {
        e.tls.certFile = certs.clientEcCertFile();
        e.tls.keyFile = certs.clientEcKeyFile();
    });
    QTest::newRow("client cert, PKCS#12") << endpointWith(L::TlsClientCert, [&](Endpoint &e) {
        e.tls.pkcs12File = certs.clientPkcs12File();
        e.tls.pkcs12Passphrase = TestCertificates::pkcs12Passphrase();
    });
    // `openssl pkcs12 -export -legacy` (RC2/3DES, as older tools write), which OpenSSL 3 reads
    // only with its legacy provider.
    QTest::newRow("client cert, legacy PKCS#12")
        << endpointWith(L::TlsClientCert, [&](Endpoint &e) {
               e.tls.pkcs12File = m_legacyPkcs12;
               e.tls.pkcs12Passphrase = TestCertificates::pkcs12Passphrase();
           });
    QTest::newRow("ws") << endpointWith(L::Ws);
    QTest::newRow("ws, other path") << endpointWith(L::Ws, [](Endpoint &e) { e.path = u"/"_s; });
    QTest::newRow("wss") << endpointWith(L::Wss);
    QTest::newRow("wss insecure, wrong CA") << endpointWith(L::Wss, [&](Endpoint &e) {
        e.tls.caFile = certs.otherCaFile();
        e.tls.insecure = true;
    });
}

// Each kind opens and carries CONNECT -> CONNACK both ways.
void TransportTest::handshake()
{
    QFETCH(Endpoint, endpoint);
    auto transport = Transport::create(endpoint);
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    QVERIFY(!transport->isOpen());
    QVERIFY(!transport->write(connectPacket("early"))); // not open yet
    transport->open();
    QTRY_VERIFY2(connected.count() == 1 || !errors.isEmpty(), "neither connected nor failed");
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(transport->isOpen());

    QVERIFY(transport->write(connectPacket(QTest::currentDataTag())));
    QCOMPARE(readExactly(*transport, kConnackAccepted.size()), kConnackAccepted);
    QVERIFY(transport->write(kDisconnect));
    transport->close();
    QVERIFY(errors.isEmpty());
}

void TransportTest::packetSplitAcrossWrites_data()
{
    QTest::addColumn<Endpoint>("endpoint");
    QTest::newRow("tcp") << endpointWith(L::Tcp);
    // Two binary frames for one packet: MQTT packets need not align with frames [MQTT-6.0.0-2].
    QTest::newRow("ws") << endpointWith(L::Ws);
    QTest::newRow("wss") << endpointWith(L::Wss);
}

void TransportTest::packetSplitAcrossWrites()
{
    QFETCH(Endpoint, endpoint);
    auto transport = Transport::create(endpoint);
    QSignalSpy connected(transport.get(), &Transport::connected);
    transport->open();
    QTRY_COMPARE(connected.count(), 1);
    const QByteArray packet = connectPacket("split");
    QVERIFY(transport->write(packet.first(5)));
    QVERIFY(transport->write(packet.mid(5)));
    QCOMPARE(readExactly(*transport, kConnackAccepted.size()), kConnackAccepted);
}

void TransportTest::fails_data()
{
    QTest::addColumn<Endpoint>("endpoint");
    QTest::addColumn<QStringList>("messageParts"); // each must appear in the one-line message
    // Whether waiting can help: what the client decides to retry by.
    QTest::addColumn<Transport::FailureKind>("kind");
    using K = Transport::FailureKind;
    const TestCertificates &certs = m_broker.certificates();
    const QString missing = certs.dir() + u"/no-such-file.pem"_s;

    const quint16 closed = unusedLoopbackPort();
    QTest::newRow("refused") << endpointWith(L::Tcp, [&](Endpoint &e) { e.port = closed; })
                             << QStringList{u"Connection refused by 127.0.0.1:%1"_s.arg(closed)}
                             << K::Network;
    QTest::newRow("host not found")
        << endpointWith(L::Tcp, [](Endpoint &e) { e.host = u"no-such-host.invalid"_s; })
        << QStringList{u"Host not found: no-such-host.invalid"_s} << K::Network;
    QTest::newRow("tls, wrong CA")
        << endpointWith(L::Tls, [&](Endpoint &e) { e.tls.caFile = certs.otherCaFile(); })
        << QStringList{u"TLS certificate verification failed: "_s, u"untrusted"_s}
        << K::TlsVerification;
    QTest::newRow("wss, wrong CA")
        << endpointWith(L::Wss, [&](Endpoint &e) { e.tls.caFile = certs.otherCaFile(); })
        << QStringList{u"TLS certificate verification failed: "_s, u"untrusted"_s}
        << K::TlsVerification;
    QTest::newRow("tls, OS trust store does not know the test CA")
        << endpointWith(L::Tls, [](Endpoint &e) { e.tls.caFile.clear(); })
        << QStringList{u"TLS certificate verification failed: "_s} << K::TlsVerification;
    QTest::newRow("tls, wrong name")
        << endpointWith(L::Tls, [](Endpoint &e) { e.tls.serverName = u"not-the-broker.example"_s; })
        << QStringList{u"TLS certificate verification failed: "_s, u"host name"_s}
        << K::TlsVerification;
    QTest::newRow("tls, wrong CA, host name check skipped")
        << endpointWith(L::Tls,
                        [&](Endpoint &e) {
                            e.tls.caFile = certs.otherCaFile();
                            e.tls.skipHostNameCheck = true;
                        })
        << QStringList{u"TLS certificate verification failed: "_s, u"untrusted"_s}
        << K::TlsVerification;
    QTest::newRow("missing CA file")
        << endpointWith(L::Tls, [&](Endpoint &e) { e.tls.caFile = missing; })
        << QStringList{u"CA file"_s, missing} << K::TlsSetup;
    QTest::newRow("wss, missing CA file")
        << endpointWith(L::Wss, [&](Endpoint &e) { e.tls.caFile = missing; })
        << QStringList{u"CA file"_s, missing} << K::TlsSetup;
    QTest::newRow("CA file not a certificate")
        << endpointWith(L::Tls, [&](Endpoint &e) { e.tls.caFile = certs.clientKeyFile(); })
        << QStringList{u"No certificate found"_s, certs.clientKeyFile()} << K::TlsSetup;
    QTest::newRow("missing CA directory")
        << endpointWith(L::Tls, [&](Endpoint &e) { e.tls.caPath = missing; })
        << QStringList{u"CA directory"_s, missing} << K::TlsSetup;
    QTest::newRow("missing key file") << endpointWith(L::TlsClientCert,
                                                      [&](Endpoint &e) {
                                                          e.tls.certFile = certs.clientCertFile();
                                                          e.tls.keyFile = missing;
                                                      })
                                      << QStringList{u"key file"_s, missing} << K::TlsSetup;
    QTest::newRow("missing client certificate")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) {
                            e.tls.certFile = missing;
                            e.tls.keyFile = certs.clientKeyFile();
                        })
        << QStringList{u"client certificate"_s, missing} << K::TlsSetup;
    QTest::newRow("key without certificate")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) { e.tls.keyFile = certs.clientKeyFile(); })
        << QStringList{u"without its certificate"_s, certs.clientKeyFile()} << K::TlsSetup;
    QTest::newRow("key file is not a key")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) {
                            e.tls.certFile = certs.clientCertFile();
                            e.tls.keyFile = certs.clientCertFile();
                        })
        << QStringList{u"Cannot read key file"_s, certs.clientCertFile()} << K::TlsSetup;
    QTest::newRow("encrypted key, no passphrase")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) {
                            e.tls.certFile = certs.clientCertFile();
                            e.tls.keyFile = certs.clientEncryptedKeyFile();
                        })
        << QStringList{u"passphrase is needed"_s, certs.clientEncryptedKeyFile()} << K::TlsSetup;
    QTest::newRow("encrypted key, wrong passphrase")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) {
                            e.tls.certFile = certs.clientCertFile();
                            e.tls.keyFile = certs.clientEncryptedKeyFile();
                            e.tls.keyPassphrase = "wrong"_ba;
                        })
        << QStringList{u"wrong passphrase"_s, certs.clientEncryptedKeyFile()} << K::TlsSetup;
    QTest::newRow("PKCS#12, wrong passphrase")
        << endpointWith(L::TlsClientCert,
                        [&](Endpoint &e) {
                            e.tls.pkcs12File = certs.clientPkcs12File();
                            e.tls.pkcs12Passphrase = "wrong"_ba;
                        })
        << QStringList{u"PKCS#12"_s, certs.clientPkcs12File()} << K::TlsSetup;
    QTest::newRow("PKCS#12, missing")
        << endpointWith(L::TlsClientCert, [&](Endpoint &e) { e.tls.pkcs12File = missing; })
        << QStringList{u"PKCS#12"_s, missing} << K::TlsSetup;
}

// Every failure is one errorOccurred() with a clear line, then one closed(), never connected().
void TransportTest::fails()
{
    QFETCH(Endpoint, endpoint);
    QFETCH(QStringList, messageParts);
    QFETCH(Transport::FailureKind, kind);
    auto transport = Transport::create(endpoint);
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    QSignalSpy closed(transport.get(), &Transport::closed);
    transport->open();
    QVERIFY(errors.isEmpty()); // never inside open()
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(connected.count(), 0);
    const QString message = errors.at(0).at(0).toString();
    qInfo("%s", qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    for (const QString &part : std::as_const(messageParts))
        QVERIFY2(message.contains(part), qPrintable(u"\"%1\" lacks \"%2\""_s.arg(message, part)));
    QCOMPARE(transport->lastFailureKind(), kind);
    QVERIFY(!transport->isOpen());
}

// A broker that requires a client certificate refuses a client without one. With TLS 1.3 the
// refusal may only come after the client thinks the handshake is done, so allow either.
void TransportTest::clientCertificateRequired()
{
    auto transport = Transport::create(m_broker.endpoint(L::TlsClientCert));
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    QSignalSpy closed(transport.get(), &Transport::closed);
    transport->open();
    QTRY_VERIFY(connected.count() == 1 || closed.count() == 1);
    if (transport->isOpen())
        transport->write(connectPacket("no-cert"));
    QTRY_COMPARE(closed.count(), 1);
    QCOMPARE(errors.count(), 1);
    QVERIFY(!transport->readAll().startsWith(kConnackAccepted));
    const QString message = errors.at(0).at(0).toString();
    QVERIFY2(message.contains(u"client certificate"_s) || message.contains(u"closed by"_s),
             qPrintable(message));
}

void TransportTest::connectTimeout_data()
{
    QTest::addColumn<TransportKind>("kind");
    QTest::newRow("tls handshake never answered") << TransportKind::Tls;
    QTest::newRow("websocket upgrade never answered") << TransportKind::WebSocket;
}

// A server that accepts TCP and then says nothing: the connect timeout ends the attempt.
void TransportTest::connectTimeout()
{
    QFETCH(TransportKind, kind);
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    Endpoint endpoint;
    endpoint.kind = kind;
    endpoint.host = u"127.0.0.1"_s;
    endpoint.port = silent.serverPort();
    endpoint.connectTimeoutMs = 300;
    auto transport = Transport::create(endpoint);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    QSignalSpy closed(transport.get(), &Transport::closed);
    QElapsedTimer elapsed;
    elapsed.start();
    transport->open();
    QTRY_COMPARE(closed.count(), 1);
    QVERIFY(elapsed.elapsed() >= 250);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(),
             u"Timed out connecting to 127.0.0.1:%1 after 300 ms"_s.arg(endpoint.port));
    QVERIFY(silent.hasPendingConnections()); // it did reach the server
}

// [MQTT-6.0.0-3]: the client offers "mqtt" and nothing else. A fake server reads the upgrade
// request (mosquitto accepting it, shown by handshake(ws), cannot show what else was offered).
void TransportTest::webSocketOffersOnlyMqttSubprotocol()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    Endpoint endpoint;
    endpoint.kind = TransportKind::WebSocket;
    endpoint.host = u"127.0.0.1"_s;
    endpoint.port = server.serverPort();
    endpoint.path = u"/custom/path"_s;
    auto transport = Transport::create(endpoint);
    transport->open();
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    QByteArray request;
    QTRY_VERIFY((request += peer->readAll()).contains("\r\n\r\n"));
    QVERIFY2(request.startsWith("GET /custom/path HTTP/1.1\r\n"), request.constData());
    const QList<QByteArray> lines = request.split('\n');
    QList<QByteArray> protocolHeaders;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("sec-websocket-protocol:"))
            protocolHeaders << line.mid(line.indexOf(':') + 1).trimmed();
    }
    QCOMPARE(protocolHeaders, QList<QByteArray>{"mqtt"_ba});
}

// A broker dropping the connection (here: a second CONNECT is a protocol violation
// [MQTT-3.1.0-2]) is reported once, as an error then closed().
void TransportTest::brokerClosingIsReported()
{
    for (const L listener : {L::Tcp, L::Ws}) {
        auto transport = Transport::create(m_broker.endpoint(listener));
        QSignalSpy connected(transport.get(), &Transport::connected);
        QSignalSpy errors(transport.get(), &Transport::errorOccurred);
        QSignalSpy closed(transport.get(), &Transport::closed);
        transport->open();
        QTRY_COMPARE(connected.count(), 1);
        QVERIFY(transport->write(connectPacket("twice")));
        QCOMPARE(readExactly(*transport, 4), kConnackAccepted);
        QVERIFY(transport->write(connectPacket("twice")));
        QTRY_COMPARE(closed.count(), 1);
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.at(0).at(0).toString().contains(u"closed by 127.0.0.1:"_s),
                 qPrintable(errors.at(0).at(0).toString()));
        QVERIFY(!transport->isOpen());
        QVERIFY(!transport->write(kDisconnect));
    }
}

// close() is quiet (closed() once, no error), and a closed transport opens again.
void TransportTest::closeSignalsOnceAndReopens()
{
    for (const L listener : {L::Tcp, L::Tls, L::Ws, L::Wss}) {
        auto transport = Transport::create(m_broker.endpoint(listener));
        QSignalSpy connected(transport.get(), &Transport::connected);
        QSignalSpy errors(transport.get(), &Transport::errorOccurred);
        QSignalSpy closed(transport.get(), &Transport::closed);
        for (int round = 1; round <= 2; ++round) {
            transport->open();
            QTRY_COMPARE(connected.count(), round);
            QVERIFY(transport->write(connectPacket("again")));
            QCOMPARE(readExactly(*transport, 4), kConnackAccepted);
            QVERIFY(transport->write(kDisconnect));
            transport->close();
            QVERIFY(!transport->isOpen());
            QVERIFY(!transport->write(kDisconnect)); // closing: nothing more goes out
            transport->close(); // idempotent
            QTRY_COMPARE(closed.count(), round);
            transport->close();
        }
        QTest::qWait(50);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(closed.count(), 2);
    }
}

void TransportTest::closeDeliversWhatWasWritten_data()
{
    QTest::addColumn<L>("listener");
    QTest::addColumn<bool>("graceful");
    const std::pair<const char *, L> listeners[] = {
        {"tcp", L::Tcp}, {"tls", L::Tls}, {"ws", L::Ws}, {"wss", L::Wss}};
    for (const auto &[name, listener] : listeners) {
        QTest::addRow("%s, DISCONNECT + close()", name) << listener << true;
        QTest::addRow("%s, dropped", name) << listener << false;
    }
}

// A DISCONNECT written just before close() reaches the broker even when the transport is
// destroyed as soon as closed() comes: the broker then drops the will [MQTT-3.1.2-10]. The
// dropped rows (destroyed without close()) show the will would otherwise be published.
void TransportTest::closeDeliversWhatWasWritten()
{
    QFETCH(L, listener);
    QFETCH(bool, graceful);
    const QByteArray willTopic =
        "will/" + QByteArray::number(int(listener)) + (graceful ? "/g" : "/d");

    auto watcher = Transport::create(m_broker.endpoint(L::Tcp));
    QSignalSpy watcherConnected(watcher.get(), &Transport::connected);
    watcher->open();
    QTRY_COMPARE(watcherConnected.count(), 1);
    QVERIFY(watcher->write(connectPacket("watcher")));
    QCOMPARE(readExactly(*watcher, 4), kConnackAccepted);
    QVERIFY(watcher->write(subscribePacket(willTopic)));
    QCOMPARE(readExactly(*watcher, kSubackQos0.size()), kSubackQos0);

    auto transport = Transport::create(m_broker.endpoint(listener));
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy closed(transport.get(), &Transport::closed);
    transport->open();
    QTRY_COMPARE(connected.count(), 1);
    QVERIFY(transport->write(connectPacketWithWill("with-will", willTopic)));
    QCOMPARE(readExactly(*transport, 4), kConnackAccepted);
    if (graceful) {
        QVERIFY(transport->write(kDisconnect));
        transport->close();
        QTRY_COMPARE(closed.count(), 1);
    }
    transport.reset();

    QTest::qWait(300); // mosquitto publishes a will at once when the connection ends
    QCOMPARE(watcher->readAll().contains("gone"), !graceful);
}

// Tests that kill the broker to cut clients off bring it back on the same ports.
void TransportTest::fixtureRestartsOnSamePorts()
{
    const quint16 tlsPort = m_broker.port(L::Tls);
    m_broker.kill();
    QVERIFY(!m_broker.isRunning());
    QVERIFY2(m_broker.restart(), qPrintable(m_broker.errorString()));
    QCOMPARE(m_broker.port(L::Tls), tlsPort);
    auto transport = Transport::create(m_broker.endpoint(L::Tls));
    QSignalSpy connected(transport.get(), &Transport::connected);
    transport->open();
    QTRY_COMPARE(connected.count(), 1);
    QVERIFY(transport->write(connectPacket("after-restart")));
    QCOMPARE(readExactly(*transport, 4), kConnackAccepted);
    QVERIFY(m_broker.mosquittoVersion().startsWith(u"2."_s));
}

QTEST_GUILESS_MAIN(TransportTest)
#include "tst_transport.moc"
