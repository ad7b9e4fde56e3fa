// SPDX-License-Identifier: GPL-3.0-or-later
// Recording what real brokers deliver: a RecordingWriter fed by MqttClient::messagesReceived and
// `mqttscope-cli sub --record` side by side on the same subscription, reopened and compared with
// what the client received, byte for byte. Then the CLI as a recorder that is killed, runs out of
// file size (ulimit -f), and meets its budget.

#include "aedesbroker.h"
#include "messagebuilder.h"
#include "mosquittobroker.h"
#include "recording/recordingreader.h"
#include "recording/recordingwriter.h"
#include "testclient.h"
#include "testprocess.h"
#include "testversions.h"
#include "versionchoice.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

const QString cli = QStringLiteral(MQTTSCOPE_CLI_PATH);

// A MiB whose every 4 bytes differ from the last.
QByteArray mebibyte()
{
    QByteArray bytes(1 << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7 + i / 251) & 0xFF);
    return bytes;
}

// `count` QoS 1 messages on `topic`, each its number padded to `size` bytes.
QList<Message> numberedMessages(const QByteArray &topic, int count, int size)
{
    QList<Message> messages;
    for (int i = 0; i < count; ++i)
        messages.append(
            message(topic).payload(QByteArray::number(i).leftJustified(size, '.')).qos(1));
    return messages;
}

// Each of `recorded` has the payload of messages[first + its index]: in order, no gap.
bool holdsInOrder(const QList<RecordedMessage> &recorded, const QList<Message> &messages,
                  qsizetype first = 0)
{
    for (qsizetype i = 0; i < recorded.size(); ++i) {
        if (recorded.at(i).message.payload != messages.value(first + i).payload) {
            qWarning("message %lld of the recording differs", qlonglong(i));
            return false;
        }
    }
    return true;
}

QList<RecordedMessage> readAll(const QString &path, QString *error = nullptr)
{
    auto reader = RecordingReader::open(path, error);
    return reader ? reader->messagesAfter(0, INT64_MAX, 1000000) : QList<RecordedMessage>();
}

// Runs the event loop all the time until `done` (QTest::qWaitFor sleeps 10 ms between its turns,
// which makes a QoS 1 burst of the test's own clients crawl: a window of 20 per turn).
template<typename Predicate>
bool waitUntil(Predicate done, int timeoutMs = 20000)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start(2);
    if (!done())
        loop.exec();
    return done();
}

qint64 committedCount(const QString &path)
{
    auto reader = RecordingReader::open(path, nullptr);
    return reader ? reader->summary().messageCount : 0;
}

bool integrityOk(const QString &path)
{
    sqlite3 *db = nullptr;
    bool ok =
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
    sqlite3_stmt *check = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK
        && sqlite3_step(check) == SQLITE_ROW
        && qstrcmp(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)), "ok") == 0;
    sqlite3_finalize(check);
    sqlite3_close(db);
    return ok;
}

} // namespace

class tst_RecordingLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void recordsEveryByte_data();
    void recordsEveryByte();
    void burstIsRecordedWhole_data();
    void burstIsRecordedWhole();
    void killedRecorderLeavesAReadableFile();
    void fileSizeLimitStopsWithTheReason();
    void budgetStops();
    void budgetDropsOldest();

private:
    TestBroker &broker(const QString &name)
    {
        return name == "aedes"_L1 ? static_cast<TestBroker &>(m_aedes) : m_mosquitto;
    }
    ClientOptions clientOptions(TestBroker &broker, ProtocolVersion version, const QString &id)
    {
        ClientOptions options;
        options.endpoint = broker.endpoint(TransportKind::Tcp);
        options.version = versionChoice(version);
        options.clientId = id;
        return options;
    }
    QStringList cliConnection(TestBroker &broker, ProtocolVersion version, const QString &id) const
    {
        return {u"sub"_s,
                u"-h"_s,
                u"127.0.0.1"_s,
                u"-p"_s,
                QString::number(broker.endpoint(TransportKind::Tcp).port),
                u"-V"_s,
                versionArgument(version),
                u"-i"_s,
                id};
    }
    // Starts `mqttscope-cli sub ... --record path` (under `prefix`, e.g. prlimit) and waits until
    // it is subscribed.
    std::unique_ptr<QProcess> startCliRecorder(TestBroker &broker, ProtocolVersion version,
                                               const QString &id, const QStringList &arguments,
                                               const QStringList &prefix = {});
    // Publishes and waits for every acknowledgement.
    bool publishAll(TestClient &publisher, const QList<Message> &messages);

    MosquittoBroker m_mosquitto;
    AedesBroker m_aedes;
    QTemporaryDir m_dir;
};

void tst_RecordingLive::initTestCase()
{
    QVERIFY2(QFile::exists(cli), qPrintable(cli));
    QVERIFY(m_dir.isValid());
    // A queue no burst of these tests overflows: mosquitto drops beyond it, which is not what
    // they are about.
    MQTTSCOPE_START_BROKER(m_mosquitto, {MosquittoBroker::Listener::Tcp},
                           MosquittoBroker::largeQueue());
    QVERIFY2(m_aedes.startListening({TransportKind::Tcp}), qPrintable(m_aedes.errorString()));
}

std::unique_ptr<QProcess>
tst_RecordingLive::startCliRecorder(TestBroker &broker, ProtocolVersion version, const QString &id,
                                    const QStringList &arguments, const QStringList &prefix)
{
    const int before = broker.subackCount(id);
    const QStringList command = cliConnection(broker, version, id) + arguments;
    auto process = prefix.isEmpty()
        ? launch(cli, command)
        : launch(prefix.first(), prefix.mid(1) + QStringList{cli} + command);
    if (!QTest::qWaitFor([&] { return broker.subackCount(id) > before; }, 10000))
        qWarning("%s never subscribed: %s", qPrintable(id), process->readAllStandardError().data());
    return process;
}

bool tst_RecordingLive::publishAll(TestClient &publisher, const QList<Message> &messages)
{
    QList<quint64> tokens;
    for (const Message &message : messages)
        tokens.append(publisher->publish(message));
    return waitUntil([&] {
        return std::all_of(tokens.cbegin(), tokens.cend(), [&](quint64 token) {
            return !token || publisher.recorder.finished.contains(token);
        });
    });
}

void tst_RecordingLive::recordsEveryByte_data()
{
    QTest::addColumn<QString>("brokerName");
    addVersionColumn();
    for (const ProtocolVersion version : testedVersions)
        QTest::newRow(qPrintable(u"mosquitto "_s + QLatin1StringView(versionName(version))))
            << u"mosquitto"_s << version;
    QTest::newRow("aedes 3.1.1") << u"aedes"_s << ProtocolVersion::V311;
}

void tst_RecordingLive::recordsEveryByte()
{
    QFETCH(QString, brokerName);
    QFETCH(ProtocolVersion, version);
    TestBroker &server = broker(brokerName);
    const QString tag = brokerName + versionTag(version);
    const QByteArray root = "rec/" + tag.toUtf8();

    // A retained message that is there before the subscribers come.
    TestClient publisher;
    publisher->setOptions(clientOptions(server, version, u"rec-pub-"_s + tag));
    QVERIFY(connectClient(publisher));
    QVERIFY(publishAll(publisher, {message(root + "/retained").payload("kept").qos(1).retain()}));

    const QString writerPath = m_dir.filePath(tag + u"-writer.mqttrec"_s);
    const QString cliPath = m_dir.filePath(tag + u"-cli.mqttrec"_s);
    TestClient subscriber;
    subscriber->setOptions(clientOptions(server, version, u"rec-sub-"_s + tag));
    RecordingWriter writer;
    QString error;
    QVERIFY2(writer.start(writerPath, {}, &error), qPrintable(error));
    connect(subscriber.client.get(), &MqttClient::messagesReceived, &writer,
            &RecordingWriter::recordReceived);
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(root + "/#"), 2}}));
    auto cliRecorder = startCliRecorder(server, version, u"rec-cli-"_s + tag,
                                        {u"-t"_s, QString::fromUtf8(root + "/#"), u"-q"_s, u"2"_s,
                                         u"--record"_s, cliPath, u"-C"_s, u"8"_s});

    Properties properties;
    properties.contentType = u"application/octet-stream"_s;
    properties.responseTopic = u"reply/here"_s;
    properties.correlationData = QByteArray("\x00\x9f\xff\x10", 4);
    properties.payloadFormatIndicator = 0;
    properties.userProperties = {{u"z"_s, u"1"_s}, {u"a"_s, u"2"_s}, {u"z"_s, u"3"_s}};
    const bool v5 = version == ProtocolVersion::V5;
    const QList<Message> sent = {
        message(root + "/binary").payload(everyByteValue()).qos(0),
        message(root + "/empty").payload({}).qos(1),
        message(root + "/mib").payload(mebibyte()).qos(1),
        message(root + "/qos2").payload("exactly once").qos(2),
        message(root + "/props")
            .payload("with properties")
            .qos(1)
            .properties(v5 ? properties : Properties{}),
        message(root + "/caf\xc3\xa9").payload("\xe2\x82\xac").qos(2),
        message(root + "/last").payload("end").qos(1),
    };
    QVERIFY(publishAll(publisher, sent));
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.recorder.messages.size(), sent.size() + 1, 10000);
    const Finished cliDone = waitFor(*cliRecorder);
    QVERIFY2(cliDone.exitCode == 0, cliDone.err.constData());
    writer.stop();
    QCOMPARE(writer.status().error, QString());

    const QList<Message> &received = subscriber.recorder.messages;
    QVERIFY(subscriber.recorder.messagesOn(root + "/retained").value(0).retain);
    if (v5) {
        QCOMPARE(
            subscriber.recorder.messagesOn(root + "/props").value(0).properties->userProperties,
            properties.userProperties);
    }

    // What the writer recorded is what the client received, whole, in the same order.
    const QList<RecordedMessage> written = readAll(writerPath, &error);
    QCOMPARE(written.size(), received.size());
    for (qsizetype i = 0; i < received.size(); ++i) {
        Message expected = received.at(i);
        expected.packetId = 0; // a detail of the wire, not recorded
        QCOMPARE(written.at(i).message, expected);
        QCOMPARE(written.at(i).timeUs, received.at(i).receivedMsecsSinceEpoch * 1000);
    }
    // The CLI's recording holds the same messages (its own receive times and subscription; a QoS
    // 2 message may come after a later QoS 1 one, as mosquitto forwards it at PUBREL).
    const QList<RecordedMessage> recorded = readAll(cliPath, &error);
    QVERIFY2(recorded.size() == received.size(), qPrintable(error));
    for (const RecordedMessage &entry : recorded) {
        const Message &ours = entry.message;
        const QList<Message> same = subscriber.recorder.messagesOn(ours.topic);
        QCOMPARE(same.size(), 1);
        const Message &theirs = same.first();
        QCOMPARE(ours.payload, theirs.payload);
        QCOMPARE(ours.qos, theirs.qos);
        QCOMPARE(ours.retain, theirs.retain);
        QCOMPARE(ours.properties->userProperties, theirs.properties->userProperties);
        QCOMPARE(ours.properties->correlationData, theirs.properties->correlationData);
        QCOMPARE(ours.properties->contentType, theirs.properties->contentType);
    }
    QVERIFY(publishAll(publisher, {message(root + "/retained").payload({}).qos(1).retain()}));
}

void tst_RecordingLive::burstIsRecordedWhole_data()
{
    addVersionRows();
}

void tst_RecordingLive::burstIsRecordedWhole()
{
    QFETCH(ProtocolVersion, version);
    const QString tag = versionTag(version);
    const QByteArray root = "burst/" + tag.toUtf8();
    const QString writerPath = m_dir.filePath(u"burst-writer-"_s + tag + u".mqttrec"_s);
    const QString cliPath = m_dir.filePath(u"burst-cli-"_s + tag + u".mqttrec"_s);
    constexpr int count = 10000;

    TestClient subscriber;
    subscriber->setOptions(clientOptions(m_mosquitto, version, u"burst-sub-"_s + tag));
    RecordingWriter writer;
    QVERIFY(writer.start(writerPath, {}, nullptr));
    connect(subscriber.client.get(), &MqttClient::messagesReceived, &writer,
            &RecordingWriter::recordReceived);
    QVERIFY(connectClient(subscriber));
    QVERIFY(subscribeAndWait(subscriber, {Subscription{QString::fromUtf8(root + "/#"), 1}}));
    auto cliRecorder = startCliRecorder(m_mosquitto, version, u"burst-cli-"_s + tag,
                                        {u"-t"_s, QString::fromUtf8(root + "/#"), u"-q"_s, u"1"_s,
                                         u"--record"_s, cliPath, u"-C"_s, QString::number(count)});

    // Unpaced: everything handed to the client at once, QoS 1 so that nothing may be lost.
    TestClient publisher;
    publisher->setOptions(clientOptions(m_mosquitto, version, u"burst-pub-"_s + tag));
    QVERIFY(connectClient(publisher));
    QList<Message> messages;
    for (int i = 0; i < count; ++i)
        messages.append(message(root + '/' + QByteArray::number(i % 100))
                            .payload("{\"n\":" + QByteArray::number(i) + '}')
                            .qos(1));
    QVERIFY(publishAll(publisher, messages));
    const Finished cliDone = waitFor(*cliRecorder);
    QVERIFY2(cliDone.exitCode == 0, cliDone.err.constData());
    QVERIFY(waitUntil([&] { return subscriber.recorder.messages.size() == count; }));
    writer.stop();

    for (const QString &path : {writerPath, cliPath}) {
        const QList<RecordedMessage> recorded = readAll(path);
        QCOMPARE(recorded.size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(recorded.at(i).message.payload, messages.at(i).payload);
    }
}

void tst_RecordingLive::killedRecorderLeavesAReadableFile()
{
    const QString path = m_dir.filePath(u"killed.mqttrec"_s);
    auto cliRecorder =
        startCliRecorder(m_mosquitto, ProtocolVersion::V5, u"killed-cli"_s,
                         {u"-t"_s, u"killed/#"_s, u"-q"_s, u"1"_s, u"--record"_s, path});
    TestClient publisher;
    publisher->setOptions(clientOptions(m_mosquitto, ProtocolVersion::V5, u"killed-pub"_s));
    QVERIFY(connectClient(publisher));
    QList<Message> first;
    for (int i = 0; i < 500; ++i)
        first.append(message("killed/t").payload(QByteArray::number(i)).qos(1));
    QVERIFY(publishAll(publisher, first));
    // Read while the other process writes: the committed part shows.
    QTRY_COMPARE_WITH_TIMEOUT(committedCount(path), 500, 10000);
    // Then killed in the middle of a stream.
    for (int i = 500; i < 5000; ++i)
        publisher->publish(message("killed/t").payload(QByteArray::number(i)).qos(0));
    QTest::qWait(50);
    ::kill(pid_t(cliRecorder->processId()), SIGKILL);
    QVERIFY(cliRecorder->waitForFinished(5000));

    QVERIFY(integrityOk(path));
    const QList<RecordedMessage> recorded = readAll(path);
    QVERIFY(recorded.size() >= 500);
    for (qsizetype i = 0; i < recorded.size(); ++i)
        QCOMPARE(recorded.at(i).message.payload, QByteArray::number(i));
}

void tst_RecordingLive::fileSizeLimitStopsWithTheReason()
{
    const QString prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
    QVERIFY2(!prlimit.isEmpty(), "prlimit (util-linux) not installed");
    const QString path = m_dir.filePath(u"limited.mqttrec"_s);
    constexpr int limit = 300000;
    // Under a file size limit the kernel refuses writes past it (EFBIG): a full disk, for one
    // process.
    auto cliRecorder =
        startCliRecorder(m_mosquitto, ProtocolVersion::V311, u"limited-cli"_s,
                         {u"-t"_s, u"limited/#"_s, u"-q"_s, u"1"_s, u"--record"_s, path},
                         {prlimit, u"--fsize=%1"_s.arg(limit)});
    TestClient publisher;
    publisher->setOptions(clientOptions(m_mosquitto, ProtocolVersion::V311, u"limited-pub"_s));
    QVERIFY(connectClient(publisher));
    const QList<Message> messages = numberedMessages("limited/t", 60, 20000);
    QVERIFY(publishAll(publisher, messages.first(3)));
    QTRY_COMPARE_WITH_TIMEOUT(committedCount(path), 3, 10000);
    QVERIFY(publishAll(publisher, messages.mid(3)));
    const Finished done = waitFor(*cliRecorder);
    QCOMPARE(done.exitCode, 1);
    QVERIFY2(done.err.contains("Cannot write to " + path.toUtf8() + ": "), done.err.constData());
    QVERIFY2(done.err.contains("file size limit"), done.err.constData());
    QCOMPARE(done.err.count('\n'), 1);

    // What was committed before is there, whole.
    QVERIFY(integrityOk(path));
    const QList<RecordedMessage> recorded = readAll(path);
    QVERIFY(recorded.size() >= 3 && recorded.size() < 15);
    QVERIFY(holdsInOrder(recorded, messages));
}

void tst_RecordingLive::budgetStops()
{
    const QString path = m_dir.filePath(u"budget-stop.mqttrec"_s);
    auto cliRecorder =
        startCliRecorder(m_mosquitto, ProtocolVersion::V5, u"stop-cli"_s,
                         {u"-t"_s, u"stop/#"_s, u"-q"_s, u"1"_s, u"--record"_s, path,
                          u"--record-budget"_s, u"256K"_s, u"--record-when-full"_s, u"stop"_s});
    TestClient publisher;
    publisher->setOptions(clientOptions(m_mosquitto, ProtocolVersion::V5, u"stop-pub"_s));
    QVERIFY(connectClient(publisher));
    const QList<Message> messages = numberedMessages("stop/t", 400, 2000);
    QVERIFY(publishAll(publisher, messages));
    const Finished done = waitFor(*cliRecorder);
    QCOMPARE(done.exitCode, 1);
    QVERIFY2(
        done.err.contains("Recording to " + path.toUtf8() + " stopped: size budget reached (256"),
        done.err.constData());

    QVERIFY(QFileInfo(path).size() <= 256 * 1024);
    const QList<RecordedMessage> recorded = readAll(path);
    QVERIFY2(recorded.size() > 50 && recorded.size() < 400,
             qPrintable(QString::number(recorded.size())));
    QVERIFY(holdsInOrder(recorded, messages));
}

void tst_RecordingLive::budgetDropsOldest()
{
    const QString path = m_dir.filePath(u"budget-drop.mqttrec"_s);
    constexpr int count = 1000;
    auto cliRecorder = startCliRecorder(m_mosquitto, ProtocolVersion::V5, u"drop-cli"_s,
                                        {u"-t"_s, u"drop/#"_s, u"-q"_s, u"1"_s, u"--record"_s, path,
                                         u"--record-budget"_s, u"256K"_s, u"--record-when-full"_s,
                                         u"drop-oldest"_s, u"-C"_s, QString::number(count)});
    TestClient publisher;
    publisher->setOptions(clientOptions(m_mosquitto, ProtocolVersion::V5, u"drop-pub"_s));
    QVERIFY(connectClient(publisher));
    const QList<Message> messages = numberedMessages("drop/t", count, 2000);
    QVERIFY(publishAll(publisher, messages));
    const Finished done = waitFor(*cliRecorder);
    QVERIFY2(done.exitCode == 0, done.err.constData());

    QVERIFY(QFileInfo(path).size() <= 256 * 1024);
    const QList<RecordedMessage> recorded = readAll(path);
    QVERIFY(recorded.size() > 30 && recorded.size() < count / 2);
    // The newest, without a gap up to the last one.
    QVERIFY(holdsInOrder(recorded, messages, count - recorded.size()));
}

QTEST_GUILESS_MAIN(tst_RecordingLive)
#include "tst_recordinglive.moc"
