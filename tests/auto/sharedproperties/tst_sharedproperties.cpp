// SPDX-License-Identifier: GPL-3.0-or-later
// SharedProperties, the way a Message and a PublishPacket hold their properties: null (no
// allocation, the shared empty value) when there are none, shared between copies until one is
// edited, equal whenever the properties are, and what the codec decodes a PUBLISH into.

#include "protocol/codec.h"
#include "protocol/message.h"
#include "testversions.h"

#include <QTest>

using namespace mqttscope;
using namespace mqttscope::test;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(mqttscope::ProtocolVersion)

namespace {

Properties withContentType(const QString &type)
{
    Properties properties;
    properties.contentType = type;
    return properties;
}

// True when `handle` holds nothing of its own: it reads the one shared empty value.
bool isNull(const SharedProperties &handle)
{
    return &handle.get() == &SharedProperties().get();
}

} // namespace

class tst_SharedProperties : public QObject
{
    Q_OBJECT
private slots:
    void nullWhenEmpty_data();
    void nullWhenEmpty();
    void copiesShareUntilEdited();
    void equality_data();
    void equality();
    void decodedPublish_data();
    void decodedPublish();
};

void tst_SharedProperties::nullWhenEmpty_data()
{
    QTest::addColumn<SharedProperties>("handle");
    QTest::addColumn<bool>("empty");
    QTest::addColumn<bool>("null");

    QTest::newRow("default") << SharedProperties() << true << true;
    QTest::newRow("from empty Properties") << SharedProperties(Properties()) << true << true;
    QTest::newRow("from a zero that is present") << SharedProperties([] {
        Properties p;
        p.messageExpiryInterval = 0;
        return p;
    }()) << false << false;
    QTest::newRow("from a content type")
        << SharedProperties(withContentType(u"text/plain"_s)) << false << false;
    SharedProperties editedBack;
    editedBack.edit().topicAlias = 3;
    editedBack.edit().topicAlias.reset();
    QTest::newRow("edited back to empty") << editedBack << true << false;
}

void tst_SharedProperties::nullWhenEmpty()
{
    QFETCH(SharedProperties, handle);
    QFETCH(bool, empty);
    QFETCH(bool, null);

    QCOMPARE(handle.isEmpty(), empty);
    QCOMPARE(handle->isEmpty(), empty);
    QCOMPARE(isNull(handle), null);
    const Message message{"t", "p", 0, false, false, handle, 0};
    QCOMPARE(isNull(Message(message).properties), null); // a copy costs no Properties
}

void tst_SharedProperties::copiesShareUntilEdited()
{
    Message original{"t", "p", 1, false, false, withContentType(u"a"_s), 0};
    Message copy = original;
    QCOMPARE(&copy.properties.get(), &original.properties.get());

    copy.properties.edit().contentType = u"b"_s;
    QCOMPARE(original.properties->contentType, std::optional<QString>(u"a"_s));
    QCOMPARE(copy.properties->contentType, std::optional<QString>(u"b"_s));
    QVERIFY(&copy.properties.get() != &original.properties.get());
    QVERIFY(original != copy);
}

void tst_SharedProperties::equality_data()
{
    QTest::addColumn<SharedProperties>("a");
    QTest::addColumn<SharedProperties>("b");
    QTest::addColumn<bool>("equal");

    SharedProperties editedBack;
    editedBack.edit().contentType = u"x"_s;
    editedBack.edit().contentType.reset();
    QTest::newRow("null and null") << SharedProperties() << SharedProperties() << true;
    QTest::newRow("null and edited back to empty") << SharedProperties() << editedBack << true;
    QTest::newRow("same content, separate values")
        << SharedProperties(withContentType(u"x"_s)) << SharedProperties(withContentType(u"x"_s))
        << true;
    QTest::newRow("different content") << SharedProperties(withContentType(u"x"_s))
                                       << SharedProperties(withContentType(u"y"_s)) << false;
    QTest::newRow("absent and present zero") << SharedProperties() << SharedProperties([] {
        Properties p;
        p.payloadFormatIndicator = 0;
        return p;
    }()) << false;
}

void tst_SharedProperties::equality()
{
    QFETCH(SharedProperties, a);
    QFETCH(SharedProperties, b);
    QFETCH(bool, equal);

    QCOMPARE(a == b, equal);
    QCOMPARE(b == a, equal);
    QCOMPARE(a == b.get(), equal); // against a plain Properties, both ways round
    QCOMPARE(b.get() == a, equal);
}

void tst_SharedProperties::decodedPublish_data()
{
    addVersionColumn();
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("null");
    QTest::addColumn<std::optional<QString>>("contentType");

    // 3.3.2: topic "a", then (5.0) the property length, then the payload "x".
    QTest::newRow("3.1.1") << ProtocolVersion::V311 << QByteArray::fromHex("3004 000161 78") << true
                           << std::optional<QString>();
    QTest::newRow("5.0, empty property list")
        << ProtocolVersion::V5 << QByteArray::fromHex("3005 000161 00 78") << true
        << std::optional<QString>();
    // 3.3.2.3.9: Content Type (0x03), a UTF-8 string.
    QTest::newRow("5.0, content type")
        << ProtocolVersion::V5 << QByteArray::fromHex("300a 000161 05 0300027470 78") << false
        << std::optional<QString>(u"tp"_s);
}

void tst_SharedProperties::decodedPublish()
{
    QFETCH(ProtocolVersion, version);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, null);
    QFETCH(std::optional<QString>, contentType);

    const DecodeResult result = decodePacket(bytes, version);
    if (const auto *error = std::get_if<ProtocolError>(&result))
        QFAIL(qPrintable(error->message));
    const auto *publish = std::get_if<PublishPacket>(&std::get<Packet>(result));
    QVERIFY(publish);
    QCOMPARE(publish->payload, "x"_ba);
    QCOMPARE(isNull(publish->properties), null);
    QCOMPARE(publish->properties->contentType, contentType);
    // And the same bytes again when encoded from what was decoded.
    QCOMPARE(encodePacket(*publish, version), bytes);
}

QTEST_APPLESS_MAIN(tst_SharedProperties)
#include "tst_sharedproperties.moc"
