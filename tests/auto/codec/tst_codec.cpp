// SPDX-License-Identifier: GPL-3.0-or-later
// The codec against the specs: every packet type round-trips in both versions, a few packets are
// checked byte for byte against hand-written encodings, and a table of malformed inputs is
// rejected with the right reason and a message that names the problem.

#include "protocol/codec.h"
#include "protocol/variablebyteinteger.h"
#include "testversions.h"

#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(mqttscope::Packet)
Q_DECLARE_METATYPE(mqttscope::ProtocolVersion)
Q_DECLARE_METATYPE(mqttscope::ReasonCode)

namespace {

// A packet from its first byte and body; the remaining length is computed.
QByteArray packet(quint8 header, const QByteArray &body)
{
    QByteArray out(1, char(header));
    appendVariableByteInteger(out, quint32(body.size()));
    return out + body;
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

// A UTF-8 string or binary data field: two-byte length, then the bytes.
QByteArray str(const QByteArray &bytes)
{
    return QByteArray(1, char(bytes.size() >> 8)) + char(bytes.size() & 0xFF) + bytes;
}

// A 5.0 property list: length, then the properties.
QByteArray props(const QByteArray &list)
{
    QByteArray out;
    appendVariableByteInteger(out, quint32(list.size()));
    return out + list;
}

QString describe(const DecodeResult &result)
{
    if (const auto *error = std::get_if<ProtocolError>(&result)) {
        return u"error 0x%1: %2"_s.arg(uint(error->reason), 2, 16, QLatin1Char('0'))
            .arg(error->message);
    }
    return u"packet "_s + packetTypeName(packetTypeOf(std::get<Packet>(result)));
}

Properties publishProperties()
{
    Properties p;
    p.payloadFormatIndicator = 1;
    p.messageExpiryInterval = 3600;
    p.contentType = u"application/json; charset=utf-8 – ✓"_s;
    p.responseTopic = u"reply/here"_s;
    p.correlationData = QByteArray("\x00\x01\xFF", 3);
    p.subscriptionIdentifiers = {1, 268435455, 16384};
    p.topicAlias = 7;
    p.userProperties = {{u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}, {u"ключ"_s, u""_s}};
    return p;
}

Properties connectProperties()
{
    Properties p;
    p.sessionExpiryInterval = 0xFFFFFFFF;
    p.authenticationMethod = u"SCRAM-SHA-1"_s;
    p.authenticationData = QByteArray("client-first");
    p.requestProblemInformation = 0;
    p.requestResponseInformation = 1;
    p.receiveMaximum = 20;
    p.topicAliasMaximum = 10;
    p.maximumPacketSize = 1024 * 1024;
    p.userProperties = {{u"app"_s, u"mqttscope"_s}};
    return p;
}

Properties connackProperties()
{
    Properties p;
    p.sessionExpiryInterval = 120;
    p.assignedClientIdentifier = u"auto-4711"_s;
    p.serverKeepAlive = 30;
    p.authenticationMethod = u"SCRAM-SHA-1"_s;
    p.authenticationData = QByteArray("server-final");
    p.responseInformation = u"responses/"_s;
    p.serverReference = u"other.example:1883"_s;
    p.reasonString = u"welcome"_s;
    p.receiveMaximum = 65535;
    p.topicAliasMaximum = 0;
    p.maximumQoS = 1;
    p.retainAvailable = 0;
    p.maximumPacketSize = 268435460u;
    p.wildcardSubscriptionAvailable = 1;
    p.subscriptionIdentifierAvailable = 0;
    p.sharedSubscriptionAvailable = 1;
    p.userProperties = {{u"x"_s, u"y"_s}};
    return p;
}

Properties reasonAndUser(const QString &reason)
{
    Properties p;
    p.reasonString = reason;
    p.userProperties = {{u"k"_s, u"v"_s}};
    return p;
}

} // namespace

class tst_Codec : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void exactBytes_data();
    void exactBytes();
    void shortForms_data();
    void shortForms();
    void unlistedRefusalInAckTaken();
    void connackReturnCodes_data();
    void connackReturnCodes();
    void connackSessionPresentOnRefusal_data();
    void connackSessionPresentOnRefusal();
    void malformed_data();
    void malformed();
    void truncated_data();
    void truncated();
    void utf8_data();
    void utf8();
    void variableByteInteger_data();
    void variableByteInteger();
    void names();
};

// ---------------------------------------------------------------------------------------------

void tst_Codec::roundTrip_data()
{
    QTest::addColumn<Packet>("packet");
    addVersionColumn();

    const auto both = [](const char *name, const Packet &v311, const Packet &v5) {
        QTest::addRow("%s 3.1.1", name) << v311 << ProtocolVersion::V311;
        QTest::addRow("%s 5.0", name) << v5 << ProtocolVersion::V5;
    };

    // CONNECT in all three versions, minimal and with everything.
    ConnectPacket minimal;
    minimal.clientId = u"c"_s;
    for (auto version : {ProtocolVersion::V31, ProtocolVersion::V311, ProtocolVersion::V5}) {
        minimal.version = version;
        QTest::addRow("CONNECT minimal level %d", int(version)) << Packet(minimal) << version;
    }
    ConnectPacket full;
    full.clientId = u"client-ü"_s;
    full.cleanStart = false;
    full.keepAlive = 65535;
    full.username = u"user"_s;
    full.password = QByteArray("\x00pw\xFF", 4);
    full.will = Will{QByteArray("will/topic"), QByteArray("gone\x00", 5), 2, true, {}};
    ConnectPacket full5 = full;
    full5.version = ProtocolVersion::V5;
    full5.properties = connectProperties();
    full5.will->properties = publishProperties();
    full5.will->properties.subscriptionIdentifiers.clear(); // not a will property
    full5.will->properties.topicAlias.reset(); // not a will property
    full5.will->properties.willDelayInterval = 30;
    full.version = ProtocolVersion::V311;
    both("CONNECT full", full, full5);
    ConnectPacket v5PasswordOnly; // 5.0 allows a password without a user name (3.1.2.9)
    v5PasswordOnly.password = QByteArray("token");
    QTest::addRow("CONNECT 5.0 password without user name")
        << Packet(v5PasswordOnly) << ProtocolVersion::V5;

    ConnackPacket accepted{true, ReasonCode::Success, 0, {}};
    ConnackPacket refused311{false, ReasonCode::NotAuthorized, 5, {}};
    ConnackPacket refused5{false, ReasonCode::QuotaExceeded, 0x97, connackProperties()};
    both("CONNACK accepted", accepted,
         ConnackPacket{true, ReasonCode::Success, 0, connackProperties()});
    both("CONNACK refused", refused311, refused5);

    PublishPacket qos0{QByteArray("a/b"), QByteArray("hello"), 0, false, false, 0, {}};
    PublishPacket qos1{
        QByteArray("sensors/ü/temp"), QByteArray(70000, 'x'), 1, true, true, 65535, {}};
    PublishPacket qos2{QByteArray("/"), QByteArray(), 2, false, false, 1, {}};
    both("PUBLISH QoS 0", qos0, qos0);
    both("PUBLISH QoS 1 retained dup, large payload", qos1, qos1);
    PublishPacket qos2rich = qos2;
    qos2rich.properties = publishProperties();
    both("PUBLISH QoS 2", qos2, qos2rich);
    PublishPacket aliasOnly{QByteArray(), QByteArray("p"), 0, false, false, 0, {}};
    aliasOnly.properties.edit().topicAlias = 3; // 3.3.2.3.4: an empty topic stands for the alias
    QTest::addRow("PUBLISH 5.0 topic alias only") << Packet(aliasOnly) << ProtocolVersion::V5;

    for (auto type :
         {PacketType::Puback, PacketType::Pubrec, PacketType::Pubrel, PacketType::Pubcomp}) {
        const QByteArray name = packetTypeName(type).toLatin1();
        const ReasonCode failure = type == PacketType::Pubrel || type == PacketType::Pubcomp
            ? ReasonCode::PacketIdentifierNotFound
            : ReasonCode::QuotaExceeded;
        PubAckPacket plain{type, 42, ReasonCode::Success, {}};
        both(name.constData(), plain, PubAckPacket{type, 42, failure, reasonAndUser(u"why"_s)});
        QTest::addRow("%s 5.0 reason only", name.constData())
            << Packet(PubAckPacket{type, 1, failure, {}}) << ProtocolVersion::V5;
        QTest::addRow("%s 5.0 success with properties", name.constData())
            << Packet(PubAckPacket{type, 1, ReasonCode::Success, reasonAndUser(u"ok"_s)})
            << ProtocolVersion::V5;
    }

    SubscribePacket subscribe311{7, {{u"a/+/c"_s, 0}, {u"#"_s, 1}, {u"x"_s, 2}}, {}};
    SubscribePacket subscribe5{
        7,
        {{u"a/+/c"_s, 0, true, false, RetainHandling::SendAtSubscribe},
         {u"$share/g/x/#"_s, 1, false, true, RetainHandling::SendAtSubscribeIfNew},
         {u"y"_s, 2, true, true, RetainHandling::DoNotSend}},
        {}};
    subscribe5.properties.subscriptionIdentifiers = {99};
    subscribe5.properties.userProperties = {{u"u"_s, u"p"_s}};
    both("SUBSCRIBE", subscribe311, subscribe5);

    SubackPacket suback311{7,
                           {ReasonCode::Success, ReasonCode::GrantedQoS1, ReasonCode::GrantedQoS2,
                            ReasonCode::UnspecifiedError},
                           {}};
    SubackPacket suback5{7,
                         {ReasonCode::GrantedQoS2, ReasonCode::TopicFilterInvalid,
                          ReasonCode::WildcardSubscriptionsNotSupported},
                         reasonAndUser(u"partly"_s)};
    both("SUBACK", suback311, suback5);

    UnsubscribePacket unsubscribe{9, {u"a/b"_s, u"€/#"_s}, {}};
    UnsubscribePacket unsubscribe5 = unsubscribe;
    unsubscribe5.properties.userProperties = {{u"u"_s, u"p"_s}};
    both("UNSUBSCRIBE", unsubscribe, unsubscribe5);
    both("UNSUBACK", UnsubackPacket{9, {}, {}},
         UnsubackPacket{
             9, {ReasonCode::Success, ReasonCode::NoSubscriptionExisted}, reasonAndUser(u"r"_s)});

    both("PINGREQ", PingreqPacket{}, PingreqPacket{});
    both("PINGRESP", PingrespPacket{}, PingrespPacket{});

    DisconnectPacket disconnect5{ReasonCode::ServerMoved, reasonAndUser(u"bye"_s)};
    disconnect5.properties.sessionExpiryInterval = 0;
    disconnect5.properties.serverReference = u"elsewhere"_s;
    both("DISCONNECT", DisconnectPacket{}, disconnect5);
    QTest::addRow("DISCONNECT 5.0 reason only")
        << Packet(DisconnectPacket{ReasonCode::DisconnectWithWillMessage, {}})
        << ProtocolVersion::V5;

    AuthPacket auth{ReasonCode::ContinueAuthentication, {}};
    auth.properties.authenticationMethod = u"SCRAM-SHA-1"_s;
    auth.properties.authenticationData = QByteArray("\x01\x02", 2);
    auth.properties.reasonString = u"more"_s;
    QTest::addRow("AUTH 5.0") << Packet(auth) << ProtocolVersion::V5;
    QTest::addRow("AUTH 5.0 empty") << Packet(AuthPacket{}) << ProtocolVersion::V5;
    QTest::addRow("AUTH 5.0 reason only")
        << Packet(AuthPacket{ReasonCode::ReAuthenticate, {}}) << ProtocolVersion::V5;
}

void tst_Codec::roundTrip()
{
    QFETCH(Packet, packet);
    QFETCH(ProtocolVersion, version);

    const QByteArray bytes = encodePacket(packet, version);
    const DecodeResult decoded = decodePacket(bytes, version);
    QVERIFY2(std::holds_alternative<Packet>(decoded), qPrintable(describe(decoded)));
    QVERIFY2(std::get<Packet>(decoded) == packet, bytes.toHex(' ').constData());
    QCOMPARE(encodePacket(std::get<Packet>(decoded), version), bytes);
}

// ---------------------------------------------------------------------------------------------

void tst_Codec::exactBytes_data()
{
    QTest::addColumn<Packet>("packet");
    addVersionColumn();
    QTest::addColumn<QByteArray>("bytes");

    ConnectPacket connect;
    connect.version = ProtocolVersion::V311;
    connect.clientId = u"abc"_s;
    // 3.1.1 3.1.2: "MQTT", level 4, flags 0x02 (clean session), keep alive 60, client id.
    QTest::newRow("CONNECT 3.1.1")
        << Packet(connect) << ProtocolVersion::V311 << hex("100f00044d51545404 02 003c 0003616263");
    connect.version = ProtocolVersion::V31;
    QTest::newRow("CONNECT 3.1 MQIsdp") << Packet(connect) << ProtocolVersion::V31
                                        << hex("1011 00064d5149736470 03 02 003c 0003616263");

    // 5.0 3.1.2.11's example: keep alive 10, session expiry 10; user name and password set.
    ConnectPacket connect5;
    connect5.version = ProtocolVersion::V5;
    connect5.clientId = u"cid"_s;
    connect5.keepAlive = 10;
    connect5.username = u"u"_s;
    connect5.password = QByteArray("p");
    connect5.properties.sessionExpiryInterval = 10;
    QTest::newRow("CONNECT 5.0")
        << Packet(connect5) << ProtocolVersion::V5
        << hex("101b 00044d515454 05 c2 000a 05 110000000a 0003636964 000175 000170");

    // 3.3.1: flags DUP 0, QoS 1 (0x02), RETAIN 0; topic "a/b", packet id 10, payload "hi".
    QTest::newRow("PUBLISH 3.1.1 QoS 1")
        << Packet(PublishPacket{QByteArray("a/b"), QByteArray("hi"), 1, false, false, 10, {}})
        << ProtocolVersion::V311 << hex("3209 0003612f62 000a 6869");
    PublishPacket retained{QByteArray("a/b"), QByteArray("hi"), 0, true, false, 0, {}};
    retained.properties.edit().messageExpiryInterval = 5;
    QTest::newRow("PUBLISH 5.0 QoS 0 retained with expiry")
        << Packet(retained) << ProtocolVersion::V5 << hex("310d 0003612f62 05 0200000005 6869");
    QTest::newRow("SUBSCRIBE 3.1.1") << Packet(SubscribePacket{1, {{u"a/b"_s, 1}}, {}})
                                     << ProtocolVersion::V311 << hex("8208 0001 0003612f62 01");
    QTest::newRow("SUBSCRIBE 5.0 options")
        << Packet(SubscribePacket{1, {{u"a"_s, 2, true, true, RetainHandling::DoNotSend}}, {}})
        << ProtocolVersion::V5 << hex("8207 0001 00 000161 2e");
    QTest::newRow("CONNACK 3.1.1 refused")
        << Packet(ConnackPacket{false, ReasonCode::BadUserNameOrPassword, 4, {}})
        << ProtocolVersion::V311 << hex("20020004");
    QTest::newRow("PINGREQ") << Packet(PingreqPacket{}) << ProtocolVersion::V311 << hex("c000");
    QTest::newRow("PUBREL 3.1.1") << Packet(
        PubAckPacket{PacketType::Pubrel, 0x1234, ReasonCode::Success, {}})
                                  << ProtocolVersion::V311 << hex("62021234");
    QTest::newRow("UNSUBACK 3.1.1")
        << Packet(UnsubackPacket{5, {}, {}}) << ProtocolVersion::V311 << hex("b0020005");
}

void tst_Codec::exactBytes()
{
    QFETCH(Packet, packet);
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);

    QCOMPARE(encodePacket(packet, version).toHex(' '), bytes.toHex(' '));
    const DecodeResult decoded = decodePacket(bytes, version);
    QVERIFY2(std::holds_alternative<Packet>(decoded), qPrintable(describe(decoded)));
    QVERIFY(std::get<Packet>(decoded) == packet);
}

// 5.0 lets acknowledgements leave out what is implied: 3.4.2.1, 3.14.2.1, 3.15.2.1.
void tst_Codec::shortForms_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("PUBACK success")
        << Packet(PubAckPacket{PacketType::Puback, 1, ReasonCode::Success, {}}) << hex("40020001");
    QTest::newRow("PUBREC reason without properties")
        << Packet(PubAckPacket{PacketType::Pubrec, 1, ReasonCode::NoMatchingSubscribers, {}})
        << hex("5003000110");
    QTest::newRow("PUBCOMP with empty property length")
        << Packet(PubAckPacket{PacketType::Pubcomp, 1, ReasonCode::Success, {}})
        << hex("700400010000");
    QTest::newRow("DISCONNECT normal") << Packet(DisconnectPacket{}) << hex("e000");
    QTest::newRow("DISCONNECT reason only")
        << Packet(DisconnectPacket{ReasonCode::DisconnectWithWillMessage, {}}) << hex("e00104");
    QTest::newRow("AUTH success") << Packet(AuthPacket{}) << hex("f000");
}

// 3.4.2.1 lists the codes a PUBACK may carry, and 0x95 is not among them, yet mosquitto 2.0
// answers a PUBLISH over its message_size_limit with PUBACK 0x95: a refusal all the same, taken
// as one. A success code the table lacks, or an unlisted code in PUBREL/PUBCOMP, stays an error.
void tst_Codec::unlistedRefusalInAckTaken()
{
    const auto decoded = [](const char *bytes) {
        return decodePacket(QByteArray::fromHex(bytes), ProtocolVersion::V5);
    };
    for (const char *bytes : {"4004000195 00", "5004000195 00"}) {
        const DecodeResult result = decoded(bytes);
        QVERIFY2(std::holds_alternative<Packet>(result), qPrintable(describe(result)));
        QCOMPARE(std::get<PubAckPacket>(std::get<Packet>(result)).reason,
                 ReasonCode::PacketTooLarge);
        QVERIFY(!isAllowedReason(std::get<PubAckPacket>(std::get<Packet>(result)).type, 0x95));
    }
    for (const char *bytes : {"4004000104 00", "7004000195 00", "6204000195 00"}) {
        const DecodeResult result = decoded(bytes);
        QVERIFY2(std::holds_alternative<ProtocolError>(result), bytes);
        QCOMPARE(std::get<ProtocolError>(result).reason, ReasonCode::ProtocolError);
    }
}

void tst_Codec::shortForms()
{
    QFETCH(Packet, packet);
    QFETCH(QByteArray, bytes);

    const DecodeResult decoded = decodePacket(bytes, ProtocolVersion::V5);
    QVERIFY2(std::holds_alternative<Packet>(decoded), qPrintable(describe(decoded)));
    QVERIFY(std::get<Packet>(decoded) == packet);
    // The encoder chooses the shortest form, so it reproduces all but the padded one.
    if (!QTest::currentDataTag()
        || qstrcmp(QTest::currentDataTag(), "PUBCOMP with empty property length") != 0)
        QCOMPARE(encodePacket(packet, ProtocolVersion::V5).toHex(' '), bytes.toHex(' '));
}

// 3.1.1 table 3.1 maps onto 5.0 reason codes; the raw byte is kept.
void tst_Codec::connackReturnCodes_data()
{
    QTest::addColumn<quint8>("returnCode");
    QTest::addColumn<ReasonCode>("reason");
    QTest::newRow("0 accepted") << quint8(0) << ReasonCode::Success;
    QTest::newRow("1 unacceptable protocol version")
        << quint8(1) << ReasonCode::UnsupportedProtocolVersion;
    QTest::newRow("2 identifier rejected") << quint8(2) << ReasonCode::ClientIdentifierNotValid;
    QTest::newRow("3 server unavailable") << quint8(3) << ReasonCode::ServerUnavailable;
    QTest::newRow("4 bad user name or password") << quint8(4) << ReasonCode::BadUserNameOrPassword;
    QTest::newRow("5 not authorized") << quint8(5) << ReasonCode::NotAuthorized;
}

void tst_Codec::connackReturnCodes()
{
    QFETCH(quint8, returnCode);
    QFETCH(ReasonCode, reason);

    const DecodeResult decoded =
        decodePacket(packet(0x20, QByteArray(1, 0) + char(returnCode)), ProtocolVersion::V311);
    QVERIFY2(std::holds_alternative<Packet>(decoded), qPrintable(describe(decoded)));
    const auto &connack = std::get<ConnackPacket>(std::get<Packet>(decoded));
    QCOMPARE(connack.reason, reason);
    QCOMPARE(connack.rawReturnCode, returnCode);
    QCOMPARE(connackReasonToReturnCode(reason), returnCode);
}

// Against [MQTT-3.2.2-4] / [MQTT-3.2.2-6], but sent in the field by 3.1.1-only brokers refusing a
// 5.0 CONNECT: decoded as it is, the refusal and the flag both kept for the client to judge.
void tst_Codec::connackSessionPresentOnRefusal_data()
{
    QTest::addColumn<QByteArray>("bytes");
    addVersionColumn();
    QTest::addColumn<quint8>("returnCode");
    QTest::newRow("3.1.1 unacceptable protocol version")
        << hex("20020101") << ProtocolVersion::V311 << quint8(1);
    QTest::newRow("3.1.1 not authorized") << hex("20020105") << ProtocolVersion::V311 << quint8(5);
    QTest::newRow("5.0 unsupported protocol version")
        << hex("2003018400") << ProtocolVersion::V5 << quint8(0x84);
}

void tst_Codec::connackSessionPresentOnRefusal()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ProtocolVersion, version);
    QFETCH(quint8, returnCode);

    const DecodeResult decoded = decodePacket(bytes, version);
    QVERIFY2(std::holds_alternative<Packet>(decoded), qPrintable(describe(decoded)));
    const auto &connack = std::get<ConnackPacket>(std::get<Packet>(decoded));
    QVERIFY(connack.sessionPresent);
    QCOMPARE(connack.rawReturnCode, returnCode);
    QVERIFY(isError(connack.reason));
}

// ---------------------------------------------------------------------------------------------

void tst_Codec::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    addVersionColumn();
    QTest::addColumn<ReasonCode>("reason");
    QTest::addColumn<QString>("message"); // must appear in the error message

    const auto V311 = ProtocolVersion::V311;
    const auto V5 = ProtocolVersion::V5;
    const auto malformed = ReasonCode::MalformedPacket;
    const auto protocol = ReasonCode::ProtocolError;
    const QByteArray topic = str("a/b");

    // Fixed header and remaining length.
    QTest::newRow("empty") << QByteArray() << V5 << malformed << u"empty packet"_s;
    QTest::newRow("packet type 0") << hex("0000") << V5 << malformed << u"reserved packet type 0"_s;
    QTest::newRow("AUTH in 3.1.1")
        << hex("f000") << V311 << malformed << u"reserved packet type 15"_s;
    QTest::newRow("remaining length of 5 bytes")
        << hex("30ffffffff01") << V5 << malformed
        << u"PUBLISH: remaining length is longer than 4 bytes"_s;
    // [MQTT-1.5.5-1]
    QTest::newRow("remaining length not minimal")
        << hex("c08000") << V5 << malformed
        << u"PINGREQ: remaining length is not minimally encoded"_s;
    QTest::newRow("remaining length truncated")
        << hex("3080") << V5 << malformed << u"PUBLISH: remaining length is truncated"_s;
    QTest::newRow("remaining length beyond the bytes")
        << hex("c07f") << V311 << malformed
        << u"PINGREQ: remaining length is 127 but 0 bytes follow"_s;
    QTest::newRow("trailing bytes")
        << hex("4003000100") << V311 << malformed
        << u"PUBACK: 1 unexpected byte(s) after the end of the packet"_s;
    QTest::newRow("PINGRESP with a body")
        << hex("d00100") << V5 << malformed << u"PINGRESP: 1 unexpected"_s;

    // Reserved flag bits: [MQTT-2.2.2-1], [MQTT-2.2.2-2] (3.1.1), [MQTT-2.1.3-1] (5.0).
    QTest::newRow("SUBSCRIBE flags 0")
        << packet(0x80, hex("0001") + topic + char(0)) << V311 << malformed
        << u"SUBSCRIBE: reserved flags are 0x0, must be 0x2"_s;
    QTest::newRow("UNSUBSCRIBE flags 0") << packet(0xA0, hex("0001") + topic) << V311 << malformed
                                         << u"UNSUBSCRIBE: reserved flags are 0x0, must be 0x2"_s;
    QTest::newRow("PUBREL flags 0")
        << hex("60020001") << V5 << malformed << u"PUBREL: reserved flags are 0x0, must be 0x2"_s;
    QTest::newRow("PUBACK flags 2")
        << hex("42020001") << V5 << malformed << u"PUBACK: reserved flags are 0x2, must be 0x0"_s;
    QTest::newRow("PINGREQ flags 1")
        << hex("c100") << V311 << malformed << u"PINGREQ: reserved flags are 0x1"_s;

    // PUBLISH.
    QTest::newRow("QoS 3") << packet(0x36, topic + hex("0001")) << V311 << malformed
                           << u"PUBLISH: QoS is 3"_s; // [MQTT-3.3.1-4]
    QTest::newRow("DUP on QoS 0") << packet(0x38, topic) << V311 << malformed
                                  << u"PUBLISH: DUP is set on a QoS 0 message"_s; // [MQTT-3.3.1-2]
    QTest::newRow("PUBLISH packet id 0") << packet(0x32, topic + hex("0000")) << V311 << protocol
                                         << u"PUBLISH: packet identifier is 0"_s; // [MQTT-2.3.1-1]
    QTest::newRow("wildcard + in topic")
        << packet(0x30, str("a/+") + "x") << V311 << protocol
        << u"PUBLISH: topic name contains a wildcard character"_s; // [MQTT-3.3.2-2]
    QTest::newRow("wildcard # in topic") << packet(0x30, str("#") + props({})) << V5 << protocol
                                         << u"PUBLISH: topic name contains a wildcard character"_s;
    QTest::newRow("empty topic 3.1.1") << packet(0x30, str("")) << V311 << protocol
                                       << u"PUBLISH: topic name is empty"_s; // [MQTT-4.7.3-1]
    QTest::newRow("empty topic without alias 5.0")
        << packet(0x30, str("") + props({})) << V5 << protocol
        << u"PUBLISH: topic name is empty and there is no topic alias"_s;
    QTest::newRow("topic length beyond packet")
        << packet(0x30, hex("0010") + "a/b") << V311 << malformed
        << u"PUBLISH: topic name is truncated"_s;

    // UTF-8: [MQTT-1.5.3-1], [MQTT-1.5.3-2] (3.1.1); [MQTT-1.5.4-1], [MQTT-1.5.4-2] (5.0).
    QTest::newRow("overlong '/'")
        << packet(0x30,
                  str("a\xC0\xAF"
                      "b"))
        << V311 << malformed
        << u"PUBLISH: topic name is not valid UTF-8 (overlong UTF-8 encoding)"_s;
    QTest::newRow("overlong 3-byte")
        << packet(0x30, str("\xE0\x80\xAF")) << V311 << malformed << u"overlong"_s;
    QTest::newRow("surrogate U+D800")
        << packet(0x30, str("a\xED\xA0\x80")) << V311 << malformed
        << u"PUBLISH: topic name is not valid UTF-8 (encoded surrogate"_s;
    QTest::newRow("U+0000") << packet(0x30, str(QByteArray("a\0b", 3))) << V311 << malformed
                            << u"PUBLISH: topic name is not valid UTF-8 (contains U+0000)"_s;
    QTest::newRow("stray continuation byte")
        << packet(0x30, str("\x80")) << V311 << malformed << u"ill-formed UTF-8"_s;
    QTest::newRow("truncated sequence")
        << packet(0x30, str("\xE2\x82")) << V311 << malformed << u"ill-formed UTF-8"_s;
    QTest::newRow("above U+10FFFF")
        << packet(0x30, str("\xF4\x90\x80\x80")) << V311 << malformed << u"ill-formed UTF-8"_s;
    QTest::newRow("bad UTF-8 in client id")
        << packet(0x10, str("MQTT") + hex("04 02 003c") + str("\xFF")) << V311 << malformed
        << u"CONNECT: client identifier is not valid UTF-8"_s;
    QTest::newRow("bad UTF-8 in user property")
        << packet(0x30, topic + props(hex("26") + str("k") + str("\xED\xBF\xBF"))) << V5
        << malformed << u"PUBLISH: User Property is not valid UTF-8 (encoded surrogate"_s;

    // Properties (5.0 2.2.2).
    QTest::newRow("unknown property") << packet(0x30, topic + props(hex("0500"))) << V5 << malformed
                                      << u"PUBLISH: unknown property identifier 0x05"_s;
    QTest::newRow("duplicate property")
        << packet(0x30, topic + props(hex("0200000001 0200000002"))) << V5 << protocol
        << u"PUBLISH: property Message Expiry Interval (0x02) appears more than once"_s;
    QTest::newRow("two subscription identifiers in SUBSCRIBE")
        << packet(0x82, hex("0001") + props(hex("0b01 0b02")) + topic + char(0)) << V5 << protocol
        << u"SUBSCRIBE: property Subscription Identifier (0x0b) appears more than once"_s;
    QTest::newRow("property in the wrong packet")
        << packet(0x40, hex("0001 00") + props(hex("1100000001"))) << V5 << malformed
        << u"PUBACK: property Session Expiry Interval (0x11) is not allowed in PUBACK"_s;
    QTest::newRow("topic alias in will properties")
        << packet(0x10,
                  str("MQTT") + hex("05 04 003c") + props({}) + str("id") + props(hex("230001"))
                      + topic + str("x"))
        << V5 << malformed
        << u"CONNECT: property Topic Alias (0x23) is not allowed in will properties"_s;
    QTest::newRow("property length beyond packet")
        << packet(0x30, topic + hex("05 01")) << V5 << malformed
        << u"PUBLISH: property length 5 exceeds the 1 bytes left"_s;
    QTest::newRow("property runs past property length")
        << packet(0x30, topic + hex("02 0200000001")) << V5 << malformed
        << u"PUBLISH: the last property runs past the property length"_s;
    QTest::newRow("payload format indicator 2")
        << packet(0x30, topic + props(hex("0102"))) << V5 << protocol
        << u"PUBLISH: Payload Format Indicator must be 0 or 1, not 2"_s;
    QTest::newRow("topic alias 0") << packet(0x30, topic + props(hex("230000"))) << V5 << protocol
                                   << u"PUBLISH: Topic Alias must not be 0"_s;
    QTest::newRow("subscription identifier 0")
        << packet(0x30, topic + props(hex("0b00"))) << V5 << protocol
        << u"PUBLISH: Subscription Identifier must not be 0"_s;
    QTest::newRow("maximum QoS 2") << packet(0x20, hex("0000") + props(hex("2402"))) << V5
                                   << protocol << u"CONNACK: Maximum QoS must be 0 or 1, not 2"_s;
    QTest::newRow("receive maximum 0") << packet(0x20, hex("0000") + props(hex("210000"))) << V5
                                       << protocol << u"CONNACK: Receive Maximum must not be 0"_s;
    QTest::newRow("maximum packet size 0")
        << packet(0x20, hex("0000") + props(hex("2700000000"))) << V5 << protocol
        << u"CONNACK: Maximum Packet Size must not be 0"_s;

    // Packet identifiers: [MQTT-2.3.1-1] (3.1.1), [MQTT-2.2.1-3] (5.0).
    QTest::newRow("PUBACK packet id 0")
        << hex("40020000") << V311 << protocol << u"PUBACK: packet identifier is 0"_s;
    QTest::newRow("SUBSCRIBE packet id 0") << packet(0x82, hex("0000") + topic + char(0)) << V311
                                           << protocol << u"SUBSCRIBE: packet identifier is 0"_s;
    QTest::newRow("UNSUBACK packet id 0")
        << hex("b0020000") << V311 << protocol << u"UNSUBACK: packet identifier is 0"_s;

    // Reason codes outside the packet's table.
    QTest::newRow("PUBREL with a PUBACK reason")
        << hex("6203000110") << V5 << protocol
        << u"PUBREL: reason code 0x10 is not allowed in this packet"_s;
    QTest::newRow("DISCONNECT with a CONNACK reason")
        << hex("e00184") << V5 << protocol << u"DISCONNECT: reason code 0x84 is not allowed"_s;
    QTest::newRow("SUBACK 3.1.1 return code 3")
        << hex("9003000103") << V311 << protocol << u"SUBACK: reserved return code 0x03"_s;
    QTest::newRow("UNSUBACK 5.0 without reasons")
        << hex("b003000100") << V5 << protocol << u"UNSUBACK: no reason codes"_s;

    // CONNECT.
    const QByteArray mqtt311 = str("MQTT") + char(4);
    QTest::newRow("CONNECT reserved flag")
        << packet(0x10, mqtt311 + hex("03 003c") + str("c")) << V311 << malformed
        << u"CONNECT: reserved connect flag is set"_s; // [MQTT-3.1.2-3]
    QTest::newRow("CONNECT will QoS 3")
        << packet(0x10, mqtt311 + hex("1e 003c") + str("c") + topic + str("m")) << V311 << malformed
        << u"CONNECT: will QoS is 3"_s; // [MQTT-3.1.2-14]
    QTest::newRow("CONNECT will retain without will")
        << packet(0x10, mqtt311 + hex("22 003c") + str("c")) << V311 << malformed
        << u"will QoS or will retain set without a will"_s; // [MQTT-3.1.2-15]
    QTest::newRow("CONNECT 3.1.1 password without user name")
        << packet(0x10, mqtt311 + hex("42 003c") + str("c") + str("pw")) << V311 << malformed
        << u"CONNECT: password flag set without user name flag"_s; // [MQTT-3.1.2-22]
    QTest::newRow("CONNECT wildcard will topic")
        << packet(0x10, mqtt311 + hex("06 003c") + str("c") + str("a/#") + str("m")) << V311
        << protocol << u"CONNECT: will topic contains a wildcard character"_s;
    QTest::newRow("CONNECT protocol level 6")
        << packet(0x10, str("MQTT") + hex("06 02 003c") + str("c")) << V5
        << ReasonCode::UnsupportedProtocolVersion
        << u"CONNECT: unsupported protocol \"MQTT\" level 6"_s; // [MQTT-3.1.2-2]
    QTest::newRow("CONNECT MQIsdp level 4")
        << packet(0x10, str("MQIsdp") + hex("04 02 003c") + str("c")) << V311
        << ReasonCode::UnsupportedProtocolVersion << u"unsupported protocol"_s;
    QTest::newRow("CONNECT password missing")
        << packet(0x10, mqtt311 + hex("c2 003c") + str("c") + str("u")) << V311 << malformed
        << u"CONNECT: password is truncated"_s;

    // CONNACK.
    QTest::newRow("CONNACK reserved flags")
        << hex("20020200") << V311 << malformed
        << u"CONNACK: reserved connect acknowledge flags are set"_s;
    QTest::newRow("CONNACK return code 6")
        << hex("20020006") << V311 << protocol << u"CONNACK: reserved return code 6"_s;
    QTest::newRow("CONNACK 5.0 reason 0x10")
        << hex("2003001000") << V5 << protocol << u"CONNACK: reason code 0x10 is not allowed"_s;

    // SUBSCRIBE / UNSUBSCRIBE.
    QTest::newRow("SUBSCRIBE without filters")
        << packet(0x82, hex("0001")) << V311 << protocol
        << u"SUBSCRIBE: no topic filters"_s; // [MQTT-3.8.3-3]
    QTest::newRow("SUBSCRIBE requested QoS 3")
        << packet(0x82, hex("0001") + topic + char(3)) << V311 << malformed
        << u"SUBSCRIBE: requested QoS is 3"_s;
    QTest::newRow("SUBSCRIBE 3.1.1 reserved option bits")
        << packet(0x82, hex("0001") + topic + char(4)) << V311 << malformed
        << u"reserved subscription option bits"_s;
    QTest::newRow("SUBSCRIBE 5.0 reserved option bits")
        << packet(0x82, hex("0001 00") + topic + char(0x40)) << V5 << malformed
        << u"reserved subscription option bits"_s; // [MQTT-3.8.3-5]
    QTest::newRow("SUBSCRIBE retain handling 3")
        << packet(0x82, hex("0001 00") + topic + char(0x30)) << V5 << protocol
        << u"SUBSCRIBE: retain handling is 3"_s;
    QTest::newRow("SUBSCRIBE no local on shared")
        << packet(0x82, hex("0001 00") + str("$share/g/a") + char(0x04)) << V5 << protocol
        << u"no local is set on a shared subscription"_s; // [MQTT-3.8.3-4]
    QTest::newRow("UNSUBSCRIBE without filters")
        << packet(0xA2, hex("0001")) << V311 << protocol
        << u"UNSUBSCRIBE: no topic filters"_s; // [MQTT-3.10.3-2]
}

void tst_Codec::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ProtocolVersion, version);
    QFETCH(ReasonCode, reason);
    QFETCH(QString, message);

    const DecodeResult decoded = decodePacket(bytes, version);
    const auto *error = std::get_if<ProtocolError>(&decoded);
    QVERIFY2(error, qPrintable(describe(decoded)));
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QCOMPARE(error->reason, reason);
}

// Cut valid packets short, both as the framer would never deliver them (the remaining length
// promises more) and with the remaining length patched to match, so that every field's own
// bounds check is reached. Each packet is chosen so that no shorter body is valid.
void tst_Codec::truncated_data()
{
    QTest::addColumn<QByteArray>("bytes");
    addVersionColumn();
    QTest::addColumn<bool>("patchLength");

    ConnectPacket connect;
    connect.version = ProtocolVersion::V5;
    connect.clientId = u"client"_s;
    connect.username = u"user"_s;
    connect.password = QByteArray("pw");
    connect.will = Will{QByteArray("w/t"), QByteArray("bye"), 1, false, {}};
    connect.will->properties.willDelayInterval = 5;
    connect.will->properties.userProperties = {{u"k"_s, u"v"_s}};
    connect.properties = connectProperties();
    ConnectPacket connect311 = connect;
    connect311.version = ProtocolVersion::V311;
    connect311.properties = {};
    connect311.will->properties = {};
    PublishPacket publish{QByteArray("a/b"), QByteArray(), 1, false, false, 5, publishProperties()};
    SubscribePacket subscribe{3, {{u"x/#"_s, 1}}, {}};
    subscribe.properties.subscriptionIdentifiers = {300};

    const QList<std::pair<Packet, ProtocolVersion>> packets = {
        {connect, ProtocolVersion::V5},
        {connect311, ProtocolVersion::V311},
        {ConnackPacket{false, ReasonCode::Success, 0, connackProperties()}, ProtocolVersion::V5},
        {publish, ProtocolVersion::V5},
        {subscribe, ProtocolVersion::V5},
        {subscribe, ProtocolVersion::V311},
        {UnsubackPacket{1, {ReasonCode::Success}, {}}, ProtocolVersion::V5},
        {SubackPacket{1, {ReasonCode::GrantedQoS1}, reasonAndUser(u"r"_s)}, ProtocolVersion::V5},
    };
    for (const auto &[p, version] : packets) {
        const QByteArray bytes = encodePacket(p, version);
        const QByteArray name = packetTypeName(packetTypeOf(p)).toLatin1();
        const int headerSize =
            1 + VariableByteInteger::decode(bytes.constData() + 1, bytes.size() - 1).length;
        for (qsizetype length = 0; length < bytes.size(); ++length) {
            QTest::addRow("%s v%d cut at %lld", name.constData(), int(version), qlonglong(length))
                << bytes.first(length) << version << false;
            if (length >= headerSize) {
                QTest::addRow("%s v%d body cut at %lld", name.constData(), int(version),
                              qlonglong(length))
                    << packet(quint8(bytes[0]), bytes.sliced(headerSize, length - headerSize))
                    << version << true;
            }
        }
    }
}

void tst_Codec::truncated()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ProtocolVersion, version);
    QFETCH(bool, patchLength);

    const DecodeResult decoded = decodePacket(bytes, version);
    const auto *error = std::get_if<ProtocolError>(&decoded);
    QVERIFY2(error, qPrintable(describe(decoded)));
    if (!patchLength) {
        QCOMPARE(error->reason, ReasonCode::MalformedPacket);
    } else {
        // The body decides: a missing field is malformed, a missing list is a protocol error.
        QVERIFY2(error->reason == ReasonCode::MalformedPacket
                     || error->reason == ReasonCode::ProtocolError,
                 qPrintable(error->message));
        QVERIFY2(
            error->message.startsWith(packetTypeName(PacketType(quint8(bytes[0]) >> 4)) + u": "_s),
            qPrintable(error->message));
    }
}

// ---------------------------------------------------------------------------------------------

void tst_Codec::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii, long enough for the word path")
        << QByteArray("sensors/kitchen/temperature") << true;
    QTest::newRow("two-byte ü") << QByteArray("\xC3\xBC") << true;
    QTest::newRow("three-byte €") << QByteArray("\xE2\x82\xAC") << true;
    QTest::newRow("four-byte 😀") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("U+D7FF before surrogates") << QByteArray("\xED\x9F\xBF") << true;
    QTest::newRow("U+E000 after surrogates") << QByteArray("\xEE\x80\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("U+FEFF BOM is kept [MQTT-1.5.4-3]") << QByteArray("\xEF\xBB\xBF"
                                                                     "a")
                                                       << true;
    QTest::newRow("NUL after 8 ascii bytes") << QByteArray("abcdefgh\0", 9) << false;
    QTest::newRow("NUL inside a word") << QByteArray("abc\0efghij", 10) << false;
    QTest::newRow("high byte inside a word") << QByteArray("abcdefg\xFFhij") << false;
    QTest::newRow("U+DFFF") << QByteArray("\xED\xBF\xBF") << false;
    QTest::newRow("overlong NUL C0 80") << QByteArray("\xC0\x80") << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x8F\xBF\xBF") << false;
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("missing continuation") << QByteArray("\xC3"
                                                        "a")
                                          << false;
}

void tst_Codec::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(utf8Problem(bytes).isEmpty(), valid);
}

void tst_Codec::variableByteInteger_data()
{
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QByteArray>("bytes");
    // 5.0 table 1-1 boundaries.
    QTest::newRow("0") << 0u << hex("00");
    QTest::newRow("127") << 127u << hex("7f");
    QTest::newRow("128") << 128u << hex("8001");
    QTest::newRow("16383") << 16383u << hex("ff7f");
    QTest::newRow("16384") << 16384u << hex("808001");
    QTest::newRow("2097151") << 2097151u << hex("ffff7f");
    QTest::newRow("2097152") << 2097152u << hex("80808001");
    QTest::newRow("268435455") << 268435455u << hex("ffffff7f");
    QTest::newRow("clamped") << 0xFFFFFFFFu << hex("ffffff7f");
}

void tst_Codec::variableByteInteger()
{
    QFETCH(quint32, value);
    QFETCH(QByteArray, bytes);
    QByteArray out;
    appendVariableByteInteger(out, value);
    QCOMPARE(out.toHex(), bytes.toHex());
    const auto decoded = VariableByteInteger::decode(bytes.constData(), bytes.size());
    QCOMPARE(decoded.status, VariableByteInteger::Complete);
    QCOMPARE(decoded.value, std::min(value, MaximumVariableByteInteger));
    QCOMPARE(decoded.length, bytes.size());
}

void tst_Codec::names()
{
    QCOMPARE(packetTypeName(PacketType::Unsuback), u"UNSUBACK"_s);
    QCOMPARE(packetTypeOf(Packet(PubAckPacket{PacketType::Pubcomp, 1, {}, {}})),
             PacketType::Pubcomp);
    QCOMPARE(reasonCodeName(ReasonCode::NotAuthorized), u"Not authorized"_s);
    QCOMPARE(reasonCodeName(ReasonCode(0x03)), u"Unknown reason code 0x03"_s);
    QCOMPARE(propertyName(PropertyId::MessageExpiryInterval), u"Message Expiry Interval"_s);
    QCOMPARE(propertyName(PropertyId(0x05)), u"Unknown property 0x05"_s);
    QVERIFY(Properties{}.isEmpty());
    Properties withUser;
    withUser.userProperties.append({u"a"_s, u"b"_s});
    QVERIFY(!withUser.isEmpty());
    Properties withZero;
    withZero.messageExpiryInterval = 0; // present-but-zero differs from absent
    QVERIFY(!withZero.isEmpty());
}

QTEST_APPLESS_MAIN(tst_Codec)
#include "tst_codec.moc"
