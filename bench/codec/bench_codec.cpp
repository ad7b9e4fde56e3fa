// SPDX-License-Identifier: GPL-3.0-or-later
// Micro-benchmarks of the PUBLISH hot path. Run with -callgrind for instruction counts.
#include "protocol/codec.h"
#include "protocol/framer.h"

#include <QTest>

using namespace mqttscope;

class BenchCodec : public QObject
{
    Q_OBJECT
private slots:
    void decodePublish_data();
    void decodePublish();
    void encodePublish_data();
    void encodePublish();
    void frameAndDecodeStream_data();
    void frameAndDecodeStream();

private:
    static void versions();
    static PublishPacket samplePublish(ProtocolVersion version);
};

void BenchCodec::versions()
{
    QTest::addColumn<ProtocolVersion>("version");
    QTest::newRow("3.1.1") << ProtocolVersion::V311;
    QTest::newRow("5.0") << ProtocolVersion::V5;
}

PublishPacket BenchCodec::samplePublish(ProtocolVersion version)
{
    PublishPacket publish;
    publish.topic = "bench/dev42/sensor17";
    publish.payload = QByteArray(R"({"seq":123456,"value":42.5,"unit":"C","ok":1})");
    publish.qos = 1;
    publish.packetId = 4711;
    if (version == ProtocolVersion::V5)
        publish.properties.edit().contentType = QStringLiteral("application/json");
    return publish;
}

void BenchCodec::decodePublish_data()
{
    versions();
}

void BenchCodec::decodePublish()
{
    QFETCH(ProtocolVersion, version);
    const QByteArray bytes = encodePacket(samplePublish(version), version);
    QBENCHMARK {
        const DecodeResult result = decodePacket(bytes, version);
        if (!std::holds_alternative<Packet>(result))
            QFAIL("decode failed");
    }
}

void BenchCodec::encodePublish_data()
{
    versions();
}

void BenchCodec::encodePublish()
{
    QFETCH(ProtocolVersion, version);
    const Packet packet = samplePublish(version);
    QBENCHMARK {
        const QByteArray bytes = encodePacket(packet, version);
        if (bytes.size() < 20)
            QFAIL("encode failed");
    }
}

void BenchCodec::frameAndDecodeStream_data()
{
    versions();
}

// 1000 back-to-back packets in one read, as the client sees them under load.
void BenchCodec::frameAndDecodeStream()
{
    QFETCH(ProtocolVersion, version);
    QByteArray stream;
    for (int i = 0; i < 1000; ++i)
        stream += encodePacket(samplePublish(version), version);
    QBENCHMARK {
        Framer framer;
        framer.append(stream);
        int count = 0;
        while (const auto bytes = framer.next())
            count += std::holds_alternative<Packet>(decodePacket(*bytes, version));
        if (count != 1000)
            QFAIL("stream decode lost packets");
    }
}

QTEST_GUILESS_MAIN(BenchCodec)
#include "bench_codec.moc"
