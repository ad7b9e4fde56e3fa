// SPDX-License-Identifier: GPL-3.0-or-later
// Export and import: a search's matches written as JSON lines or CSV, and JSON lines or
// `mosquitto_sub -v` output read into a new recording, bad lines reported by number.
#include "explorer/explorerdata.h"
#include "messagebuilder.h"
#include "recording/messagejson.h"
#include "recording/recordingreader.h"
#include "recording/recordingwriter.h"
#include "search/exportsink.h"
#include "search/messageimport.h"
#include "search/searchjob.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using mqttscope::test::message;

namespace {

QList<RecordedMessage> everything(const QString &path)
{
    std::unique_ptr<RecordingReader> reader = RecordingReader::open(path, nullptr);
    return reader ? reader->messagesAfter(0, std::numeric_limits<qint64>::max(), 1000)
                  : QList<RecordedMessage>{};
}

MessageImport::Report importText(const QByteArray &text, const QString &path,
                                 MessageImport::Format format = MessageImport::Format::Auto)
{
    QBuffer input;
    input.setData(text);
    input.open(QIODevice::ReadOnly);
    return MessageImport::run(input, path, format);
}

} // namespace

class tst_MessageImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void exportThenImportKeepsEveryMessage();
    void exportCsv();
    void mosquittoVerbose();
    void badLinesAreReportedAndTheRestImported();
    void refusesAnExistingFile();

private:
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_MessageImport::exportThenImportKeepsEveryMessage()
{
    Properties properties;
    properties.contentType = u"application/json"_s;
    properties.correlationData = QByteArray("\x00\xff", 2);
    properties.userProperties = {{u"k"_s, u"v"_s}, {u"k"_s, u"w"_s}};
    const QList<Message> messages{
        message("a/1").payload(R"({"n": 1})").qos(1).retain().receivedAt(1'700'000'000'001),
        message("a/2")
            .payload(QByteArray("\x00\x01\xfe", 3))
            .properties(properties)
            .receivedAt(1'700'000'000'002),
        message("b").payload("not exported").receivedAt(1'700'000'000'003),
        message("a/3").payload("").qos(2).receivedAt(1'700'000'000'004),
    };
    const QString source = file(u"source.sqlite"_s);
    {
        RecordingWriter writer;
        QVERIFY(writer.start(source, {}, nullptr));
        writer.recordReceived(messages);
        writer.stop();
    }
    const QString exported = file(u"a.jsonl"_s);
    QString error;
    std::unique_ptr<SearchSink> sink =
        ExportSink::create(exported, MessageWriter::Format::JsonLines, &error);
    QVERIFY2(sink, qPrintable(error));
    SearchQuery query;
    query.topicFilter = u"a/#"_s;
    SearchJob job;
    QSignalSpy finished(&job, &SearchJob::finished);
    job.searchRecording(source, SearchMatcher(query), std::move(sink));
    QVERIFY(finished.wait(5000));
    const SearchResult result = finished.first().first().value<SearchResult>();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.total, 3);

    // The lines are those of `sub --json`.
    QFile lines(exported);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    QByteArray expected;
    for (int i : {0, 1, 3}) {
        MessageJson::appendLine(messages[i], messages[i].receivedMsecsSinceEpoch, expected);
        expected.append('\n');
    }
    const QByteArray written = lines.readAll();
    QCOMPARE(written.split('\n'), expected.split('\n'));
    lines.seek(0);

    const QString imported = file(u"imported.sqlite"_s);
    const MessageImport::Report report =
        MessageImport::run(lines, imported, MessageImport::Format::Auto);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.format, MessageImport::Format::JsonLines);
    QCOMPARE(report.imported, 3);
    QCOMPARE(report.skipped, 0);
    const QList<RecordedMessage> back = everything(imported);
    QCOMPARE(back.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const Message &original = messages[i == 2 ? 3 : i];
        QCOMPARE(back[i].message.topic, original.topic);
        QCOMPARE(back[i].message.payload, original.payload);
        QCOMPARE(back[i].message.qos, original.qos);
        QCOMPARE(back[i].message.retain, original.retain);
        QCOMPARE(back[i].message.properties, original.properties);
        QCOMPARE(back[i].timeUs, original.receivedMsecsSinceEpoch * 1000);
    }
}

void tst_MessageImport::exportCsv()
{
    ExplorerData data;
    data.ingest({message("c,1").payload("x \"y\"").receivedAt(1000),
                 message("c/2").payload(QByteArray("\x00", 1)).receivedAt(2000)},
                1);
    const QString exported = file(u"c.csv"_s);
    std::unique_ptr<SearchSink> sink =
        ExportSink::create(exported, MessageWriter::Format::Csv, nullptr);
    QVERIFY(sink);
    SearchJob job;
    QSignalSpy finished(&job, &SearchJob::finished);
    job.searchHistory(data, SearchMatcher(SearchQuery{}), std::move(sink));
    QVERIFY(finished.wait(5000));
    QFile csv(exported);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(),
             QByteArray("time,topic,qos,retain,dup,size,payload_encoding,payload,properties\r\n"
                        "1970-01-01T00:00:01.000Z,\"c,1\",0,0,0,5,utf8,\"x \"\"y\"\"\",\r\n"
                        "1970-01-01T00:00:02.000Z,c/2,0,0,0,1,base64,AA==,\r\n"));
}

void tst_MessageImport::mosquittoVerbose()
{
    const QString path = file(u"verbose.sqlite"_s);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const MessageImport::Report report =
        importText("sensors/t 21.5\nsensors/h {\"rh\": 40}\r\nempty/payload\n\nspaces/x a b  c\n"
                   "null/payload (null)\n",
                   path);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.format, MessageImport::Format::MosquittoVerbose);
    QCOMPARE(report.imported, 5);
    const QList<RecordedMessage> back = everything(path);
    QCOMPARE(back.size(), 5);
    QCOMPARE(back[0].message.topic, "sensors/t");
    QCOMPARE(back[0].message.payload, "21.5");
    QCOMPARE(back[1].message.payload, "{\"rh\": 40}");
    QCOMPARE(back[2].message.topic, "empty/payload");
    QCOMPARE(back[2].message.payload, "");
    QCOMPARE(back[3].message.payload, "a b  c");
    QCOMPARE(back[4].message.payload, ""); // mosquitto_sub -v prints an empty one as "(null)"
    // No time in that format: the import's.
    QVERIFY(back[0].timeUs / 1000 >= before);
    QCOMPARE(back[0].message.qos, 0);
}

void tst_MessageImport::badLinesAreReportedAndTheRestImported()
{
    const QString path = file(u"bad.sqlite"_s);
    const MessageImport::Report report =
        importText("{\"topic\":\"ok/1\",\"payload\":\"a\"}\n"
                   "{\"topic\":\"ok/2\",\"payload\":\n" // cut short
                   "not json at all\n"
                   "{\"payload\":\"no topic\"}\n"
                   "{\"topic\":\"ok/3\",\"qos\":1,\"payload_base64\":\"AAE=\"}\n",
                   path);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.imported, 2);
    QCOMPARE(report.skipped, 3);
    QCOMPARE(report.problems.size(), 3);
    QCOMPARE(report.problems[0].line, 2);
    QCOMPARE(report.problems[1].line, 3);
    QCOMPARE(report.problems[2].line, 4);
    for (const MessageImport::Problem &problem : report.problems)
        QVERIFY(!problem.reason.isEmpty());
    const QString text = MessageImport::describe(report);
    QVERIFY2(text.startsWith(u"line 2: "_s), qPrintable(text));
    QVERIFY2(text.endsWith(u"3 line(s) skipped"_s), qPrintable(text));
    const QList<RecordedMessage> back = everything(path);
    QCOMPARE(back.size(), 2);
    QCOMPARE(back[1].message.payload, QByteArray("\x00\x01", 2));
    QCOMPARE(back[1].message.qos, 1);

    // A `mosquitto_sub -v` line with a bad topic is skipped the same way.
    const MessageImport::Report verbose =
        importText("a/b 1\nbad/+/topic 2\nc 3\n", file(u"badverbose.sqlite"_s));
    QCOMPARE(verbose.imported, 2);
    QCOMPARE(verbose.skipped, 1);
    QCOMPARE(verbose.problems.first().line, 2);
}

void tst_MessageImport::refusesAnExistingFile()
{
    const QString path = file(u"exists.sqlite"_s);
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me");
    existing.close();
    const MessageImport::Report report = importText("a 1\n", path);
    QVERIFY(!report.error.isEmpty());
    QCOMPARE(report.imported, 0);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), "keep me");
}

QTEST_GUILESS_MAIN(tst_MessageImport)
#include "tst_messageimport.moc"
