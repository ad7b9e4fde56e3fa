// SPDX-License-Identifier: GPL-3.0-or-later
// Replaying a recording file: the Replayer reading it in batches, and `mqttscope-cli replay` end
// to end, into a real mosquitto captured by a subscriber.
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "testclient.h"
#include "testprocess.h"

#include "recording/recordingwriter.h"
#include "replay/recordingfilesource.h"
#include "replay/replayer.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

// A recording of `count` messages received 1 ms apart on rec/<i % 7>, payload "<i>", QoS
// i % 3, and one message published by the recording connection after every hundredth. The writer
// stamps those with the time of writing: the received ones end just before it.
bool writeRecording(const QString &path, int count, QString *error)
{
    const qint64 recordingStartMs = QDateTime::currentMSecsSinceEpoch() - count;
    RecordingWriter writer;
    if (!writer.start(path, RecordingOptions(), error))
        return false;
    QList<Message> batch;
    for (int i = 0; i < count; ++i) {
        Message m = MessageBuilder("rec/" + QByteArray::number(i % 7))
                        .payload(QByteArray::number(i))
                        .qos(i % 3)
                        .receivedAt(recordingStartMs + i);
        if (i % 10 == 0) {
            Properties properties;
            properties.userProperties = {{u"n"_s, QString::number(i)}};
            properties.correlationData = QByteArray("\x00\xfe", 2) + QByteArray::number(i);
            m.properties = properties;
        }
        batch.append(m);
        if (i % 100 == 99) {
            writer.recordReceived(std::exchange(batch, {}));
            writer.recordPublished(MessageBuilder("mine/" + QByteArray::number(i)).payload("p"));
        }
    }
    writer.recordReceived(batch);
    writer.stop();
    return writer.status().state != RecordingStatus::State::Failed;
}

ClientOptions options(const MosquittoBroker &broker, const QString &clientId)
{
    ClientOptions o;
    o.endpoint = broker.endpoint(MosquittoBroker::Listener::Tcp);
    o.version = VersionChoice::V5;
    o.clientId = clientId;
    o.reconnect.enabled = false;
    return o;
}

bool subscribe(TestClient &subscriber, const MosquittoBroker &broker, const QString &filter)
{
    subscriber->setOptions(options(broker, u"capture"_s));
    return connectClient(subscriber) && subscribeAndWait(subscriber, {Subscription{filter, 2}});
}

QString cli()
{
    return QStringLiteral(MQTTSCOPE_CLI_PATH);
}

} // namespace

class tst_ReplayFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fileReplayedInBatches();
    void cliReplays();
    void cliReportsWhatWasNotAcknowledged();
    void cliInterrupted();
    void cliRefusesWhatItCannotRead_data();
    void cliRefusesWhatItCannotRead();

private:
    MosquittoBroker m_broker;
    QTemporaryDir m_dir;
    QString m_recording;
    static constexpr int recordedCount = 2500; // three batches of the replayer's reading
};

void tst_ReplayFile::initTestCase()
{
    MQTTSCOPE_START_BROKER(m_broker, {MosquittoBroker::Listener::Tcp},
                           MosquittoBroker::largeQueue());
    m_recording = m_dir.filePath(u"capture.mqttrec"_s);
    QString error;
    QVERIFY2(writeRecording(m_recording, recordedCount, &error), qPrintable(error));
}

void tst_ReplayFile::fileReplayedInBatches()
{
    TestClient live;
    QVERIFY(subscribe(live, m_broker, u"batches/#"_s));
    QString error;
    std::unique_ptr<RecordingFileSource> source = RecordingFileSource::open(m_recording, &error);
    QVERIFY2(source, qPrintable(error));
    const qint64 published = recordedCount / 100;
    QCOMPARE(source->messageCount(), recordedCount + published);

    MqttClient replaying;
    replaying.setOptions(options(m_broker, u"replay-file"_s));
    Replayer replayer(&replaying);
    ReplayOptions replayOptions;
    replayOptions.pace = ReplayOptions::Pace::AsFast;
    replayOptions.qos = 1; // one publisher at QoS 1: the subscriber sees the file's order
    replayOptions.rewriteFrom = "rec/";
    replayOptions.rewriteTo = "batches/";
    replayer.setOptions(replayOptions);
    replayer.setSource(std::move(source));
    QSignalSpy finished(&replayer, &Replayer::finished);
    replayer.start();
    QVERIFY(finished.wait(20000));
    const ReplaySummary summary = finished.first().first().value<ReplaySummary>();
    QVERIFY(summary.succeeded());
    QCOMPARE(summary.progress.sent, recordedCount);
    QCOMPARE(summary.progress.skipped, published); // what the connection published: not chosen
    QCOMPARE(summary.progress.considered, recordedCount + published);

    QTRY_COMPARE(live.recorder.messages.size(), recordedCount);
    for (int i = 0; i < recordedCount; ++i) {
        const Message &got = live.recorder.messages.at(i);
        QCOMPARE(got.topic, "batches/" + QByteArray::number(i % 7));
        QCOMPARE(got.payload, QByteArray::number(i));
        if (i % 10 == 0) {
            QCOMPARE(got.properties->userProperties,
                     (QList<UserProperty>{{u"n"_s, QString::number(i)}}));
            QCOMPARE(got.properties->correlationData,
                     QByteArray("\x00\xfe", 2) + QByteArray::number(i));
        } else {
            QVERIFY(got.properties->userProperties.isEmpty());
        }
    }
}

// The command as a script runs it: at 100x the 2.5 s recording takes some 25 ms.
void tst_ReplayFile::cliReplays()
{
    TestClient live;
    QVERIFY(subscribe(live, m_broker, u"cli/#"_s));
    const Finished run =
        test::run(cli(),
                  {u"replay"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s,
                   QString::number(m_broker.port(MosquittoBroker::Listener::Tcp)), u"--speed"_s,
                   u"100"_s, u"--rewrite"_s, u"rec/=cli/"_s, u"--published"_s, m_recording});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const qint64 all = recordedCount + recordedCount / 100;
    QVERIFY2(run.err.startsWith("Replayed " + QByteArray::number(all) + " messages in "),
             run.err.constData());
    QVERIFY2(run.err.contains(QByteArray::number(all) + " acknowledged, 0 failed."),
             run.err.constData());
    QVERIFY(run.out.isEmpty());
    // The published ones keep their topic (mine/...), outside the subscription.
    QTRY_COMPARE(live.recorder.messages.size(), recordedCount);
    QSet<QByteArray> payloads; // QoS 2 goes on at PUBREL (mosquitto): the order may differ
    for (const Message &got : std::as_const(live.recorder.messages))
        payloads.insert(got.payload);
    QCOMPARE(payloads.size(), recordedCount);
}

void tst_ReplayFile::cliReportsWhatWasNotAcknowledged()
{
    MosquittoBroker broker;
    MQTTSCOPE_START_BROKER(broker, {MosquittoBroker::Listener::Tcp}, {u"retain_available false"_s});
    const Finished run = test::run(cli(),
                                   {u"replay"_s, u"-p"_s,
                                    QString::number(broker.port(MosquittoBroker::Listener::Tcp)),
                                    u"-V"_s, u"mqttv5"_s, u"--as-fast"_s, u"-r"_s, m_recording});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("0 acknowledged, " + QByteArray::number(recordedCount) + " failed"),
             run.err.constData());
    QVERIFY2(run.err.contains("Not acknowledged: message 1 on \"rec/0\": The server does not "
                              "support retained messages"),
             run.err.constData());
    QVERIFY2(run.err.contains("... and " + QByteArray::number(recordedCount - 10)
                              + " more not acknowledged."),
             run.err.constData());
    QVERIFY2(run.err.trimmed().endsWith("Error: " + QByteArray::number(recordedCount) + " of "
                                        + QByteArray::number(recordedCount)
                                        + " messages were not acknowledged"),
             run.err.constData());
}

// SIGTERM (as SIGINT) stops the replay of the 2.5 s recording at 1x part way: the summary says how
// far it got, and the status says it did not replay everything.
void tst_ReplayFile::cliInterrupted()
{
    auto process =
        launch(cli(),
               {u"replay"_s, u"-p"_s,
                QString::number(m_broker.port(MosquittoBroker::Listener::Tcp)), m_recording});
    QTest::qWait(700);
    process->terminate();
    const Finished run = waitFor(*process, 10000);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith("Replayed "), run.err.constData());
    QVERIFY2(run.err.trimmed().endsWith("Error: the replay was stopped"), run.err.constData());
    const qsizetype sent = run.err.mid(9, run.err.indexOf(' ', 9) - 9).toLongLong();
    QVERIFY2(sent > 0 && sent < recordedCount, run.err.constData());
}

void tst_ReplayFile::cliRefusesWhatItCannotRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("missing") << u"missing.mqttrec"_s << QByteArray()
                             << "Error: Cannot replay \""_ba;
    QTest::newRow("not a recording") << u"notes.txt"_s << "just some text\n"_ba
                                     << "Error: Cannot replay \""_ba;
}

void tst_ReplayFile::cliRefusesWhatItCannotRead()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, contents);
    const QString path = m_dir.filePath(file);
    if (!contents.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    const Finished run =
        test::run(cli(),
                  {u"replay"_s, u"-p"_s,
                   QString::number(m_broker.port(MosquittoBroker::Listener::Tcp)), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QTest::currentDataTag() == "missing"_ba
                                    ? "Error: Cannot replay \"" + path.toUtf8() + "\": "
                                    : "Error: Cannot replay \""_ba),
             run.err.constData());
    QCOMPARE(run.err.count('\n'), 1); // one line, saying why
}

QTEST_GUILESS_MAIN(tst_ReplayFile)
#include "tst_replayfile.moc"
