// SPDX-License-Identifier: GPL-3.0-or-later
// The WebSocket upgrade request carries the endpoint's extra headers and its path (with a
// query) byte for byte, and real brokers (mosquitto, aedes) accept it on a path of our choosing.
#include "aedesbroker.h"
#include "mosquittobroker.h"
#include "transport/transport.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

// A WebSocket server of a few lines that keeps the upgrade request as it arrived and accepts it
// (RFC 6455 4.2.2), so the test sees what went over the wire, not what a library parsed.
class UpgradeRecorder : public QObject
{
public:
    UpgradeRecorder()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray request() const { return m_request; }
    // The value of a header (names are case-insensitive, RFC 7230 3.2); null when absent.
    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = m_request.split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

private:
    void onRead(QTcpSocket *socket)
    {
        m_request += socket->readAll();
        if (!m_request.contains("\r\n\r\n") || m_answered)
            return;
        m_answered = true;
        const QByteArray accept =
            QCryptographicHash::hash(header("Sec-WebSocket-Key")
                                         + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"_ba,
                                     QCryptographicHash::Sha1)
                .toBase64();
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Protocol: mqtt\r\n"
                      "Sec-WebSocket-Accept: "
                      + accept + "\r\n\r\n");
    }

    QTcpServer m_server;
    QByteArray m_request;
    bool m_answered = false;
};

const QList<std::pair<QByteArray, QByteArray>> kHeaders{
    {"Authorization"_ba, "Bearer eyJhbGciOi.J9.x-y_z"_ba},
    {"X-Amz-CustomAuthorizer-Name"_ba, "mqttscope-authorizer"_ba},
};

// An MQTT 3.1.1 CONNECT, clean session, keepalive 60, and the CONNACK accepting it.
QByteArray connectPacket(const QByteArray &clientId)
{
    QByteArray body("\x00\x04MQTT\x04\x02\x00\x3c", 10);
    body += char(clientId.size() >> 8);
    body += char(clientId.size() & 0xff);
    body += clientId;
    return char(0x10) + QByteArray(1, char(body.size())) + body;
}
const QByteArray kConnackAccepted("\x20\x02\x00\x00", 4);

// Opens, sends CONNECT and waits for the CONNACK [MQTT-3.2.0-1]; false with the cause in *error.
bool handshake(const Endpoint &endpoint, QString *error)
{
    auto transport = Transport::create(endpoint);
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    transport->open();
    if (!QTest::qWaitFor([&] { return connected.count() == 1 || !errors.isEmpty(); }, 10000)
        || !errors.isEmpty()) {
        *error = errors.isEmpty() ? u"timeout"_s : errors.value(0).value(0).toString();
        return false;
    }
    transport->write(connectPacket("headers"));
    QByteArray received;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
            received += transport->readAll();
            return received.size() >= kConnackAccepted.size();
        },
        10000);
    *error = u"answer %1"_s.arg(QString::fromLatin1(received.toHex()));
    return received == kConnackAccepted;
}

} // namespace

class WebSocketHeadersTest : public QObject
{
    Q_OBJECT
private slots:
    void headersAndPathArrive_data();
    void headersAndPathArrive();
    void mosquittoAcceptsAnyPathWithHeaders();
    void aedesAcceptsAnyPathWithHeaders();
};

void WebSocketHeadersTest::headersAndPathArrive_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("requestTarget");
    QTest::newRow("plain") << u"/mqtt"_s << "/mqtt"_ba;
    QTest::newRow("nested") << u"/broker/v2/mqtt"_s << "/broker/v2/mqtt"_ba;
    // A signed URL's query must reach the server unchanged (AWS SigV4, custom authorizers).
    QTest::newRow("query") << u"/mqtt?x-amz-customauthorizer-name=auth&token=a%2Bb"_s
                           << "/mqtt?x-amz-customauthorizer-name=auth&token=a%2Bb"_ba;
}

void WebSocketHeadersTest::headersAndPathArrive()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, requestTarget);
    UpgradeRecorder server;
    Endpoint endpoint;
    endpoint.kind = TransportKind::WebSocket;
    endpoint.host = u"127.0.0.1"_s;
    endpoint.port = server.port();
    endpoint.path = path;
    endpoint.webSocketHeaders = kHeaders;

    auto transport = Transport::create(endpoint);
    QSignalSpy connected(transport.get(), &Transport::connected);
    QSignalSpy errors(transport.get(), &Transport::errorOccurred);
    transport->open();
    QTRY_VERIFY2(connected.count() == 1 || !errors.isEmpty(), "neither connected nor failed");
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));

    QVERIFY2(server.request().startsWith("GET " + requestTarget + " HTTP/1.1\r\n"),
             server.request().constData());
    for (const auto &[name, value] : kHeaders)
        QCOMPARE(server.header(name), value);
    // The extra headers come on top of the handshake's own [MQTT-6.0.0-3].
    QCOMPARE(server.header("Sec-WebSocket-Protocol"), "mqtt"_ba);
    QCOMPARE(server.header("Upgrade").toLower(), "websocket"_ba);
    transport->close();
}

void WebSocketHeadersTest::mosquittoAcceptsAnyPathWithHeaders()
{
    MosquittoBroker broker;
    // mosquitto 2.0.11 starts no websockets listener without a plain one beside it.
    MQTTSCOPE_START_BROKER(broker, {MosquittoBroker::Listener::Tcp, MosquittoBroker::Listener::Ws});
    Endpoint endpoint = broker.endpoint(MosquittoBroker::Listener::Ws);
    endpoint.path = u"/tenant/42/mqtt?key=v"_s;
    endpoint.webSocketHeaders = kHeaders;
    QString error;
    QVERIFY2(handshake(endpoint, &error), qPrintable(error));
}

void WebSocketHeadersTest::aedesAcceptsAnyPathWithHeaders()
{
    AedesBroker broker;
    QVERIFY2(broker.start({AedesBroker::Listener::Ws}), qPrintable(broker.errorString()));
    Endpoint endpoint = broker.endpoint(AedesBroker::Listener::Ws);
    endpoint.path = u"/tenant/42/mqtt?key=v"_s;
    endpoint.webSocketHeaders = kHeaders;
    QString error;
    QVERIFY2(handshake(endpoint, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(WebSocketHeadersTest)
#include "tst_websocketheaders.moc"
