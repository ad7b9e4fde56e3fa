// SPDX-License-Identifier: GPL-3.0-or-later
// ProtobufSchemas against the reference implementation: messages encoded by Debian's
// python3-protobuf from protoc-generated modules, decoded here, and the other way round.
#include "decode/protobufschemas.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mqttscope;
using namespace Qt::StringLiterals;

namespace {

const char *CommonProto = R"(syntax = "proto3";
package fleet.common;
message Position { double lat = 1; double lon = 2; }
)";

const char *FleetProto = R"(syntax = "proto3";
package fleet;
import "common.proto";
message Truck {
  enum State { STATE_UNKNOWN = 0; DRIVING = 1; PARKED = 2; }
  message Tyre { int32 index = 1; float pressure = 2; }
  string name = 1;
  int64 odometer = 2;
  bytes firmware = 3;
  repeated Tyre tyres = 4;
  map<string, int32> counters = 5;
  oneof cargo { string goods = 6; int32 passengers = 7; }
  State state = 8;
  fleet.common.Position position = 9;
  repeated int64 stops = 10;
  Truck trailer = 11;
  %EXTRA%
}
)";

// A Truck with every kind of field set, as the reference implementation writes it.
const char *MakeTruck = R"(
t = fleet_pb2.Truck()
t.name = "Lorry 7"
t.odometer = 9007199254740993
t.firmware = bytes([0, 1, 2, 250, 255])
ty = t.tyres.add(); ty.index = 1; ty.pressure = 2.5
ty = t.tyres.add(); ty.index = 2; ty.pressure = 0.1
t.counters["starts"] = 12
t.counters["stops"] = -3
t.passengers = 4
t.state = fleet_pb2.Truck.PARKED
t.position.lat = 52.5
t.position.lon = -13.25
t.stops.extend([1, -2, 3])
)";

class Fixture
{
public:
    explicit Fixture(const QString &extraField = {})
    {
        write(u"common.proto"_s, QString::fromLatin1(CommonProto));
        write(u"fleet.proto"_s, QString::fromLatin1(FleetProto).replace(u"%EXTRA%"_s, extraField));
    }
    QString path(const QString &name) const { return dir.filePath(name); }
    void write(const QString &name, const QString &text) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
    }
    // Runs python3-protobuf on the generated modules; the script's stdout (hex) as bytes.
    QByteArray python(const QString &script, const QByteArray &input = {}) const
    {
        QProcess protoc;
        protoc.start(u"protoc"_s,
                     {u"--python_out="_s + dir.path(), u"-I"_s + dir.path(), path(u"fleet.proto"_s),
                      path(u"common.proto"_s)});
        if (!protoc.waitForFinished(60000) || protoc.exitCode() != 0)
            qWarning() << "protoc:" << protoc.readAllStandardError();
        QProcess py;
        py.start(u"/usr/bin/python3"_s,
                 {u"-c"_s,
                  u"import sys, binascii\nsys.path.insert(0, "_s + quoted(dir.path())
                      + u")\nimport fleet_pb2\n"_s + script});
        py.write(input.toHex());
        py.closeWriteChannel();
        if (!py.waitForFinished(60000) || py.exitCode() != 0)
            qWarning() << "python:" << py.readAllStandardError();
        return QByteArray::fromHex(py.readAllStandardOutput().trimmed());
    }
    std::shared_ptr<const ProtobufSchemas> load(QList<ProtobufSchemas::Problem> *problems) const
    {
        return ProtobufSchemas::load({path(u"fleet.proto"_s)}, {}, problems);
    }

    QTemporaryDir dir;

private:
    static QString quoted(const QString &text) { return u"'"_s + text + u"'"_s; }
};

const QString PrintBytes = u"sys.stdout.write(binascii.hexlify(t.SerializeToString()).decode())"_s;

QJsonObject decodedObject(const DecodedPayload &decoded)
{
    return QJsonDocument::fromJson(decoded.json).object();
}

// ctest's QT_LOGGING_RULES turns debug output off, over any setFilterRules(); a filter wins.
QLoggingCategory::CategoryFilter defaultFilter = nullptr;
void enableProtobufLog()
{
    defaultFilter = QLoggingCategory::installFilter([](QLoggingCategory *category) {
        defaultFilter(category);
        if (qstrcmp(category->categoryName(), "mqttscope.decode.protobuf") == 0)
            category->setEnabled(QtDebugMsg, true);
    });
}

} // namespace

class tst_ProtobufSchemas : public QObject
{
    Q_OBJECT

private slots:
    void loadsTypesIncludingImports();
    void importsWellKnownTypes();
    void decodesWhatTheReferenceEncodes();
    void keepsUnknownFieldsByNumber();
    void truncatedPayloadFailsWithOffset();
    void syntaxErrorIsReportedWithFileAndLine();
    void encodesForTheReference();
    void encodeReportsBadJson();
    void unknownMessageTypeFails();
    void garbageDoesNotCrash();
};

void tst_ProtobufSchemas::loadsTypesIncludingImports()
{
    Fixture f;
    QList<ProtobufSchemas::Problem> problems;
    const auto schemas = f.load(&problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).text()));
    const QStringList types = schemas->messageTypes();
    QVERIFY(types.contains(u"fleet.Truck"_s));
    QVERIFY(types.contains(u"fleet.Truck.Tyre"_s));
    QVERIFY(types.contains(u"fleet.common.Position"_s));
    QVERIFY2(!types.contains(u"fleet.Truck.CountersEntry"_s), "a map's entry type is no message");
    QVERIFY(std::is_sorted(types.begin(), types.end()));
    QVERIFY(schemas->hasMessageType(u"fleet.common.Position"_s));
    QVERIFY(!schemas->hasMessageType(u"fleet.Boat"_s));
}

void tst_ProtobufSchemas::importsWellKnownTypes()
{
    Fixture f;
    f.write(
        u"stamped.proto"_s,
        u"syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\n"
        u"import \"google/protobuf/duration.proto\";\n"
        u"message Stamped { google.protobuf.Timestamp at = 1; google.protobuf.Duration took = 2; }\n"_s);
    QList<ProtobufSchemas::Problem> problems;
    const auto schemas = ProtobufSchemas::load({f.path(u"stamped.proto"_s)}, {}, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).text()));
    // Timestamp and Duration read as protobuf's own JSON mapping (json_format) writes them.
    const QByteArray cases = f.python(uR"(
from google.protobuf import timestamp_pb2, duration_pb2, json_format
out = []
for s, n in [(42, 0), (1796217652, 792000000), (0, 1234), (1796217652, 5000)]:
    m = timestamp_pb2.Timestamp(seconds=s, nanos=n)
    wire = b'\x0a' + bytes([m.ByteSize()]) + m.SerializeToString()
    out.append(wire.hex().encode() + b' ' + json_format.MessageToJson(m).encode())
for s, n in [(1, 500000000), (-3, -250000000), (90, 0)]:
    m = duration_pb2.Duration(seconds=s, nanos=n)
    wire = b'\x12' + bytes([m.ByteSize()]) + m.SerializeToString()
    out.append(wire.hex().encode() + b' ' + json_format.MessageToJson(m).encode())
print(binascii.hexlify(b'\n'.join(out)).decode())
)"_s);
    const QList<QByteArray> pairs = cases.split('\n');
    QCOMPARE(pairs.size(), 7);
    for (const QByteArray &pair : pairs) {
        const qsizetype separator = pair.indexOf(' ');
        const QByteArray wire = QByteArray::fromHex(pair.first(separator));
        const QByteArray expected = pair.mid(separator + 1);
        const DecodedPayload decoded = schemas->decode(u"Stamped"_s, wire);
        QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
        const QByteArray key = wire.startsWith('\x0a') ? "at" : "took";
        QCOMPARE(decoded.json, "{\"" + key + "\":" + expected + "}");
    }
}

void tst_ProtobufSchemas::decodesWhatTheReferenceEncodes()
{
    Fixture f;
    const QByteArray bytes = f.python(QString::fromLatin1(MakeTruck) + PrintBytes);
    QVERIFY(!bytes.isEmpty());
    const DecodedPayload decoded = f.load(nullptr)->decode(u"fleet.Truck"_s, bytes);
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    const QJsonObject o = decodedObject(decoded);
    QCOMPARE(o[u"name"_s].toString(), u"Lorry 7"_s);
    // 2^53 + 1 survives as a number in the text, where a double would round it.
    QVERIFY(decoded.json.contains("\"odometer\":9007199254740993"));
    QCOMPARE(QByteArray::fromBase64(o[u"firmware"_s].toString().toLatin1()),
             QByteArray("\x00\x01\x02\xfa\xff", 5));
    const QJsonArray tyres = o[u"tyres"_s].toArray();
    QCOMPARE(tyres.size(), 2);
    QCOMPARE(tyres[0][u"index"_s].toInt(), 1);
    QCOMPARE(tyres[0][u"pressure"_s].toDouble(), 2.5);
    QVERIFY(decoded.json.contains("\"pressure\":0.1}")); // the float's own shortest text
    QCOMPARE(o[u"counters"_s].toObject(), (QJsonObject{{u"starts"_s, 12}, {u"stops"_s, -3}}));
    QCOMPARE(o[u"passengers"_s].toInt(), 4); // the oneof: only the field that is set
    QVERIFY(!o.contains(u"goods"_s));
    QCOMPARE(o[u"state"_s].toString(), u"PARKED"_s);
    QCOMPARE(o[u"position"_s].toObject(), (QJsonObject{{u"lat"_s, 52.5}, {u"lon"_s, -13.25}}));
    QCOMPARE(o[u"stops"_s].toArray(), (QJsonArray{1, -2, 3}));
    QVERIFY(!o.contains(u"$unknown"_s));
}

void tst_ProtobufSchemas::keepsUnknownFieldsByNumber()
{
    // A device on a newer schema: fields 20-23 and an enum value the old schema lacks.
    Fixture newer(u"sint32 delta = 20; string note = 21; fixed32 code = 22; double ratio = 23;"_s);
    const QByteArray bytes = newer.python(
        QString::fromLatin1(MakeTruck)
        + u"t.delta = -5\nt.note = 'hi'\nt.code = 7\nt.ratio = 1.5\nt.state = 9\n"_s + PrintBytes);
    QVERIFY(!bytes.isEmpty());
    Fixture older;
    const DecodedPayload decoded = older.load(nullptr)->decode(u"fleet.Truck"_s, bytes);
    QVERIFY2(decoded.decoded(), qPrintable(decoded.error));
    const QJsonObject o = decodedObject(decoded);
    QCOMPARE(o[u"name"_s].toString(), u"Lorry 7"_s);
    QCOMPARE(o[u"state"_s].toInt(), 9); // an enum number the schema does not name
    const QJsonObject unknown = o[u"$unknown"_s].toObject();
    QCOMPARE(unknown[u"20"_s].toArray(), QJsonArray{9}); // zigzag -5, kept as the raw varint
    QCOMPARE(unknown[u"21"_s].toArray(), QJsonArray{u"aGk="_s});
    QCOMPARE(unknown[u"22"_s].toArray(), QJsonArray{7});
    QVERIFY(unknown[u"23"_s].isArray()); // 1.5's bits, exact in the text where doubles round
    QVERIFY(decoded.json.contains("\"23\":[4609434218613702656]"));
}

void tst_ProtobufSchemas::truncatedPayloadFailsWithOffset()
{
    Fixture f;
    const QByteArray bytes = f.python(QString::fromLatin1(MakeTruck) + PrintBytes);
    const auto schemas = f.load(nullptr);
    // Field 1 (name, 7 bytes) then field 2; cut inside the name's bytes.
    QCOMPARE(bytes.left(2), QByteArray("\x0a\x07"));
    const DecodedPayload cut = schemas->decode(u"fleet.Truck"_s, bytes.left(5));
    QCOMPARE(cut.status, DecodedPayload::Status::Failed);
    QCOMPARE(cut.errorOffset, 0);
    QVERIFY2(cut.error.contains(u"field 1"_s) && cut.error.contains(u"length 7"_s),
             qPrintable(cut.error));
    // A break inside a nested message is found at its own offset.
    const QByteArray nested = QByteArray("\x22\x04\x08\x01\x12\x09", 6);
    const DecodedPayload inner = schemas->decode(u"fleet.Truck"_s, nested);
    QCOMPARE(inner.status, DecodedPayload::Status::Failed);
    QCOMPARE(inner.errorOffset, 4);
    QVERIFY2(inner.error.contains(u"field 2"_s), qPrintable(inner.error));
    // proto3 text that is not UTF-8: name (field 1) fine, goods (field 6) at byte 4 is not.
    // protobuf's own complaint goes to our log category, not to stderr.
    enableProtobufLog();
    QTest::ignoreMessage(QtDebugMsg, QRegularExpression(u"invalid UTF-8"_s));
    const DecodedPayload text =
        schemas->decode(u"fleet.Truck"_s, QByteArray("\x0a\x02ok\x32\x02\xff\xfe", 8));
    QCOMPARE(text.status, DecodedPayload::Status::Failed);
    QCOMPARE(text.errorOffset, 4);
    QVERIFY2(text.error.contains(u"field 6"_s) && text.error.contains(u"UTF-8"_s),
             qPrintable(text.error));
}

void tst_ProtobufSchemas::syntaxErrorIsReportedWithFileAndLine()
{
    Fixture f;
    f.write(u"broken.proto"_s, u"syntax = \"proto3\";\n\nmessage Broken {\n  int32 a = ;\n}\n"_s);
    QList<ProtobufSchemas::Problem> problems;
    const auto schemas =
        ProtobufSchemas::load({f.path(u"broken.proto"_s), f.path(u"fleet.proto"_s)}, {}, &problems);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(problems[0].file, u"broken.proto"_s);
    QCOMPARE(problems[0].line, 4);
    QVERIFY(problems[0].column > 0);
    QVERIFY(problems[0].text().startsWith(u"broken.proto:4:"_s));
    QVERIFY(schemas->hasMessageType(u"fleet.Truck"_s)); // the good file stays usable
    QVERIFY(!schemas->hasMessageType(u"Broken"_s));
    QList<ProtobufSchemas::Problem> missing;
    ProtobufSchemas::load({f.path(u"absent.proto"_s)}, {}, &missing);
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing[0].line, 0);
    QVERIFY(missing[0].text().startsWith(f.path(u"absent.proto"_s) + u": "_s));
}

void tst_ProtobufSchemas::encodesForTheReference()
{
    Fixture f;
    QString error;
    const auto bytes = f.load(nullptr)->encode(
        u"fleet.Truck"_s,
        R"({"name":"Van","odometer":"9007199254740993","tyres":[{"index":3,"pressure":1.5}],
            "counters":{"a":1},"goods":"apples","state":"DRIVING","firmware":"AAH/",
            "position":{"lat":1.25}})",
        &error);
    QVERIFY2(bytes.has_value(), qPrintable(error));
    const QByteArray echoed = f.python(
        QString::fromLatin1(
            "t = fleet_pb2.Truck()\nt.ParseFromString(binascii.unhexlify(sys.stdin.read()))\n"
            "out = '%s|%d|%d|%s|%s|%s|%s|%s|%s' % (t.name, t.odometer, t.tyres[0].index,"
            " t.tyres[0].pressure, t.counters['a'], t.WhichOneof('cargo') + ':' + t.goods,"
            " fleet_pb2.Truck.State.Name(t.state), t.firmware.hex(), t.position.lat)\n"
            "sys.stdout.write(binascii.hexlify(out.encode()).decode())"),
        *bytes);
    QCOMPARE(echoed, "Van|9007199254740993|3|1.5|1|goods:apples|DRIVING|0001ff|1.25");
}

void tst_ProtobufSchemas::encodeReportsBadJson()
{
    Fixture f;
    const auto schemas = f.load(nullptr);
    QString error;
    QVERIFY(!schemas->encode(u"fleet.Truck"_s, R"({"nmae":"x"})", &error));
    QVERIFY2(error.contains(u"nmae"_s), qPrintable(error));
    error.clear();
    QVERIFY(!schemas->encode(u"fleet.Truck"_s, "{not json", &error));
    QVERIFY(!error.isEmpty());
}

void tst_ProtobufSchemas::unknownMessageTypeFails()
{
    Fixture f;
    const auto schemas = f.load(nullptr);
    const DecodedPayload decoded = schemas->decode(u"fleet.Boat"_s, QByteArray("\x08\x01"));
    QCOMPARE(decoded.status, DecodedPayload::Status::Failed);
    QVERIFY(decoded.error.contains(u"fleet.Boat"_s));
    QString error;
    QVERIFY(!schemas->encode(u"fleet.Boat"_s, "{}", &error));
    QVERIFY(error.contains(u"fleet.Boat"_s));
}

void tst_ProtobufSchemas::garbageDoesNotCrash()
{
    Fixture f;
    const auto schemas = f.load(nullptr);
    quint32 state = 12345; // a fixed LCG: the same garbage on every run
    int failed = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray bytes(1 + round % 64, '\0');
        for (char &c : bytes) {
            state = state * 1103515245u + 12345u;
            c = char(state >> 16);
        }
        const DecodedPayload decoded = schemas->decode(u"fleet.Truck"_s, bytes);
        QVERIFY(decoded.status != DecodedPayload::Status::NotDecoded);
        if (decoded.decoded())
            QVERIFY(QJsonDocument::fromJson(decoded.json).isObject());
        else
            ++failed;
    }
    QVERIFY(failed > 0);
    // Trailers nested past the depth limit fail rather than recurse without end.
    const auto nested = [](int levels) {
        QByteArray bytes("\x08\x01"); // the innermost: name-less, odometer 1
        for (int i = 0; i < levels; ++i) {
            QByteArray length;
            for (quint32 n = quint32(bytes.size());; n >>= 7) {
                length.append(char((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
                if (n <= 0x7f)
                    break;
            }
            bytes = "\x5a" + length + bytes; // field 11 (trailer), length-delimited
        }
        return bytes;
    };
    QVERIFY(schemas->decode(u"fleet.Truck"_s, nested(60)).decoded());
    const DecodedPayload deep = schemas->decode(u"fleet.Truck"_s, nested(80));
    QCOMPARE(deep.status, DecodedPayload::Status::Failed);
    QVERIFY2(deep.error.contains(u"64"_s), qPrintable(deep.error));
}

QTEST_GUILESS_MAIN(tst_ProtobufSchemas)
#include "tst_protobufschemas.moc"
