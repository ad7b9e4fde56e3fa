// SPDX-License-Identifier: GPL-3.0-or-later
// Payloads from nothing to 16 MiB, at every size where the remaining length needs another byte,
// over tcp, tls, ws and wss at 3.1.1 and 5.0, against a real mosquitto (default limits; its
// message_size_limit is the MQTT maximum) and in both directions:
//  - out: our MqttClient publishes over the transport, mosquitto_sub (tcp) receives;
//  - in: mosquitto_pub -f publishes (tcp), `mqttscope-cli sub -C 1 -N` receives over the
//    transport, as a user runs it (the CLI is our MqttClient too).
// What arrives must have the size and the SHA-256 of what was sent (issue 8: 1 MiB over ws never
// arrived). Receiving 16 MiB, the CLI's peak memory must stay within the bound stated below.
#include "client/mqttclient.h"
#include "mosquittobroker.h"
#include "mosquittoloopwaker.h"
#include "payloadrows.h"
#include "versionchoice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

const QString cli = QStringLiteral(MQTTSCOPE_CLI_PATH);
const QString peakRss = QStringLiteral(MQTTSCOPE_PEAKRSS_PATH);
constexpr int connectTimeoutMs = 10000;
// 16 MiB takes up to 6 s over wss here; the rest is room for a loaded machine.
constexpr int transferTimeoutMs = 60000;

// The CLI's peak resident memory receiving 16 MiB may exceed what it holds receiving nothing
// over the same transport by this many times the payload. Measured 3.0 over tcp and tls: the
// framer's buffer, grown to the packet, the payload decoded from it, and the output line made
// of it. Measured 4.3 over ws and wss: QWebSocket's buffer of the frame and the message it
// hands on, before ours. Half a copy of room for the allocator; a copy more fails.
double copiesAllowed(TransportKind transport)
{
    const bool webSocket =
        transport == TransportKind::WebSocket || transport == TransportKind::SecureWebSocket;
    return webSocket ? 5.0 : 3.5;
}

const QList<TransportKind> transports{TransportKind::Tcp, TransportKind::Tls,
                                      TransportKind::WebSocket, TransportKind::SecureWebSocket};

bool isEncrypted(TransportKind transport)
{
    return transport == TransportKind::Tls || transport == TransportKind::SecureWebSocket;
}

QString mib(qint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 1) + u" MiB"_s;
}

// Waits for `process` to end without blocking the event loop (our clients keep answering the
// broker meanwhile); kills it when it takes longer than `timeoutMs`.
bool waitForExit(QProcess &process, int timeoutMs)
{
    if (QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs))
        return true;
    process.kill();
    process.waitForFinished(5000);
    return false;
}

// One mosquitto_sub started with -F "%l %t\n%p" -N: per message a line with the payload's
// length and the topic, then the payload as it came. Read as it arrives, kept by topic.
class MosquittoSubOutput
{
public:
    explicit MosquittoSubOutput(std::unique_ptr<QProcess> process)
        : m_process(std::move(process))
    {
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                         [this] { parse(); });
    }
    ~MosquittoSubOutput()
    {
        m_process->kill();
        m_process->waitForFinished(5000);
    }

    QProcess &process() { return *m_process; }
    bool isMalformed() const { return m_malformed; }
    qsizetype count(const QByteArray &topic) const { return m_arrivals.value(topic).size(); }
    QList<QByteArray> take(const QByteArray &topic) { return m_arrivals.take(topic); }

private:
    void parse()
    {
        m_buffer += m_process->readAllStandardOutput();
        qsizetype offset = 0;
        while (!m_malformed) {
            const qsizetype end = m_buffer.indexOf('\n', offset);
            if (end < 0)
                break;
            const QByteArray header = m_buffer.mid(offset, end - offset);
            const qsizetype space = header.indexOf(' ');
            bool ok = false;
            const qsizetype length = space > 0 ? header.left(space).toLongLong(&ok) : -1;
            if (!ok || length < 0) {
                m_malformed = true; // out of step: every later record would be garbage
                break;
            }
            if (m_buffer.size() - (end + 1) < length)
                break; // the payload is still coming
            m_arrivals[header.mid(space + 1)].append(m_buffer.mid(end + 1, length));
            offset = end + 1 + length;
        }
        m_buffer.remove(0, offset);
    }

    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    QHash<QByteArray, QList<QByteArray>> m_arrivals;
    bool m_malformed = false;
};

// One of our clients on one transport at one version, connected for the whole test: it
// publishes the "out" messages.
struct Link
{
    Link()
    {
        QObject::connect(&client, &MqttClient::publishFinished, &client,
                         [this](quint64 token, ReasonCode reason, const QString &text) {
                             finished.insert(token, {reason, text});
                         });
        QObject::connect(&client, &MqttClient::disconnected, &client,
                         [this](const QString &reason) { disconnects.append(reason); });
        QObject::connect(&client, &MqttClient::errorOccurred, &client,
                         [this](const QString &error) { errors.append(error); });
    }

    QString problems() const
    {
        return u"disconnects: [%1], errors: [%2]"_s.arg(disconnects.join(u"; "_s),
                                                        errors.join(u"; "_s));
    }

    MqttClient client;
    QHash<quint64, std::pair<ReasonCode, QString>> finished;
    QStringList disconnects;
    QStringList errors;
};

// What `mqttscope-cli sub` printed, how it ended and the most memory it held.
struct CliReceipt
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 peakKiB = -1;
    qint64 elapsedMs = 0;
};

} // namespace

class tst_Payloads : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void transfer_data();
    void transfer();

private:
    QStringList tcp() const
    {
        return {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(tcpPort())};
    }
    QString payloadFile(qsizetype size) const { return m_files.filePath(u"%1.bin"_s.arg(size)); }
    Link &link(TransportKind transport, ProtocolVersion version)
    {
        return *m_links.at({transport, version});
    }
    quint16 tcpPort() const { return m_broker.port(MosquittoBroker::Listener::Tcp); }
    qint64 logSize() const { return QFileInfo(m_broker.logFile()).size(); }
    // Waits until the broker's log, from `logOffset` on, says it sent `clientId` a SUBACK. Reads
    // only what was added since: with the loop waker pinging, the log grows by ~200 KB/s.
    bool waitForSubscribed(const QString &clientId, qint64 logOffset) const;
    // The loop waker, while the transport is a WebSocket one (see MosquittoLoopWaker).
    bool wakeLoopFor(TransportKind transport);
    // Starts `mqttscope-cli sub -C 1 -N` over `transport`, has mosquitto_pub publish `file` to
    // `topic` over tcp once the CLI is subscribed, and returns what the CLI printed.
    CliReceipt receiveWithCli(TransportKind transport, ProtocolVersion version,
                              const QString &topic, const QString &file, const QString &clientId);

    MosquittoBroker m_broker;
    QTemporaryDir m_files;
    QString m_mosquittoSub;
    QString m_mosquittoPub;
    QHash<qsizetype, QByteArray> m_payloads;
    std::map<ProtocolVersion, std::unique_ptr<MosquittoSubOutput>> m_watchers;
    std::map<std::pair<TransportKind, ProtocolVersion>, std::unique_ptr<Link>> m_links;
    QHash<TransportKind, qint64> m_baselineKiB; // the CLI receiving 0 bytes
    QStringList m_memoryReport; // a line per 16 MiB row
    MosquittoLoopWaker m_waker;
    QElapsedTimer m_runTime;
};

void tst_Payloads::initTestCase()
{
    m_runTime.start();
    QVERIFY2(QFile::exists(cli), qPrintable(cli));
    QVERIFY2(QFile::exists(peakRss), qPrintable(peakRss));
    m_mosquittoSub = QStandardPaths::findExecutable(u"mosquitto_sub"_s);
    m_mosquittoPub = QStandardPaths::findExecutable(u"mosquitto_pub"_s);
    QVERIFY2(!m_mosquittoSub.isEmpty() && !m_mosquittoPub.isEmpty(),
             "mosquitto_sub/mosquitto_pub not installed: run scripts/install-deps.sh");
    QVERIFY2(m_files.isValid(), qPrintable(m_files.errorString()));
    using L = MosquittoBroker::Listener;
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp, L::Tls, L::Ws, L::Wss});

    // Made once; mosquitto_pub reads them from files.
    for (const qsizetype size : payloadSizes) {
        m_payloads.insert(size, payloadPattern(size));
        QFile file(payloadFile(size));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(m_payloads.value(size)), qint64(size));
    }

    for (const ProtocolVersion version : testedVersions) {
        const QString id = u"payloads-watch-"_s + versionTag(version);
        const qint64 logOffset = logSize();
        auto process = std::make_unique<QProcess>();
        process->setProgram(m_mosquittoSub);
        process->setArguments(tcp()
                              + QStringList{u"-V"_s, versionArgument(version), u"-i"_s, id, u"-t"_s,
                                            u"payloads/out/%1/#"_s.arg(versionTag(version)),
                                            u"-q"_s, u"1"_s, u"-F"_s, u"%l %t\n%p"_s, u"-N"_s});
        process->start();
        QVERIFY2(process->waitForStarted(), qPrintable(process->errorString()));
        m_watchers[version] = std::make_unique<MosquittoSubOutput>(std::move(process));
        QVERIFY2(waitForSubscribed(id, logOffset), qPrintable(u"%1 did not subscribe"_s.arg(id)));
    }

    for (const TransportKind transport : transports) {
        for (const ProtocolVersion version : testedVersions) {
            auto link = std::make_unique<Link>();
            ClientOptions options;
            options.endpoint = m_broker.endpoint(transport);
            options.version = versionChoice(version);
            options.reconnect.enabled = false; // a lost connection fails the test, not hides
            link->client.setOptions(options);
            link->client.connectToBroker();
            m_links[{transport, version}] = std::move(link);
        }
    }
    for (auto &[key, link] : m_links) {
        const QString name =
            transportName(key.first) + u' ' + QString::fromLatin1(versionName(key.second));

        QVERIFY2(QTest::qWaitFor([&] { return link->client.state() == ClientState::Connected; },
                                 connectTimeoutMs),
                 qPrintable(name + u": not connected; "_s + link->problems()));
    }

    // What the CLI needs receiving nothing, over each transport: the base of the memory bound.
    for (const TransportKind transport : transports) {
        const QString name = transportName(transport);
        QVERIFY2(wakeLoopFor(transport), qPrintable(m_waker.errorString()));
        const CliReceipt receipt =
            receiveWithCli(transport, ProtocolVersion::V5, u"payloads/baseline/"_s + name,
                           payloadFile(0), u"payloads-baseline-"_s + name);
        QVERIFY2(receipt.exitCode == 0 && receipt.out.isEmpty() && receipt.peakKiB > 0,
                 qPrintable(u"baseline over %1: exit %2, %3 bytes, %4"_s.arg(name)
                                .arg(receipt.exitCode)
                                .arg(receipt.out.size())
                                .arg(QString::fromLocal8Bit(receipt.err))));
        m_baselineKiB.insert(transport, receipt.peakKiB);
    }
    m_waker.stop();
}

void tst_Payloads::cleanupTestCase()
{
    for (const TransportKind transport : transports) {
        if (m_baselineKiB.contains(transport)) {
            qInfo("mqttscope-cli sub peak RSS receiving 0 bytes over %s: %s",
                  qPrintable(transportName(transport)),
                  qPrintable(mib(m_baselineKiB.value(transport))));
        }
    }
    for (const QString &line : std::as_const(m_memoryReport))
        qInfo("mqttscope-cli sub receiving 16 MiB over %s", qPrintable(line));
    qInfo("whole run: %.1f s", double(m_runTime.elapsed()) / 1000.0);
    for (auto &[key, link] : m_links)
        link->client.disconnectFromBroker();
    m_links.clear();
    m_watchers.clear();
}

bool tst_Payloads::waitForSubscribed(const QString &clientId, qint64 logOffset) const
{
    QFile log(m_broker.logFile());
    if (!log.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || !log.seek(logOffset))
        return false;
    const QByteArray line = "Sending SUBACK to " + clientId.toUtf8() + '\n';
    QByteArray unread;
    return QTest::qWaitFor(
        [&] {
            unread += log.readAll();
            if (unread.contains(line))
                return true;
            unread = unread.right(line.size()); // the line may be only half written yet
            return false;
        },
        connectTimeoutMs);
}

bool tst_Payloads::wakeLoopFor(TransportKind transport)
{
    if (transport != TransportKind::WebSocket && transport != TransportKind::SecureWebSocket) {
        m_waker.stop();
        return true;
    }
    return m_waker.isRunning() || m_waker.start(tcpPort());
}

CliReceipt tst_Payloads::receiveWithCli(TransportKind transport, ProtocolVersion version,
                                        const QString &topic, const QString &file,
                                        const QString &clientId)
{
    CliReceipt receipt;
    QElapsedTimer elapsed;
    elapsed.start();
    const QString rssFile = m_files.filePath(clientId + u".rss"_s);
    QStringList arguments{rssFile,
                          cli,
                          u"sub"_s,
                          u"-L"_s,
                          m_broker.url(transport),
                          u"-V"_s,
                          versionArgument(version),
                          u"-i"_s,
                          clientId,
                          u"-t"_s,
                          topic,
                          u"-q"_s,
                          u"1"_s,
                          u"-C"_s,
                          u"1"_s,
                          u"-N"_s,
                          u"-W"_s,
                          QString::number(transferTimeoutMs / 1000)};
    if (isEncrypted(transport))
        arguments += {u"--cafile"_s, m_broker.certificates().caFile()};
    const qint64 logOffset = logSize();
    QProcess sub;
    sub.start(peakRss, arguments);
    if (!sub.waitForStarted()) {
        receipt.err = sub.errorString().toLocal8Bit();
        return receipt;
    }
    // Read as it comes: 16 MiB does not fit the pipe, and the CLI must not wait for us.
    QObject::connect(&sub, &QProcess::readyReadStandardOutput, &sub,
                     [&] { receipt.out += sub.readAllStandardOutput(); });
    if (!waitForSubscribed(clientId, logOffset)) {
        sub.kill();
        sub.waitForFinished(5000);
        receipt.err = "never subscribed; its stderr: " + sub.readAllStandardError();
        return receipt;
    }
    QProcess pub;
    pub.setProcessChannelMode(QProcess::MergedChannels);
    pub.start(m_mosquittoPub,
              tcp()
                  + QStringList{u"-V"_s, versionArgument(version), u"-i"_s, clientId + u"-pub"_s,
                                u"-t"_s, topic, u"-q"_s, u"1"_s, u"-f"_s, file});
    if (!waitForExit(pub, transferTimeoutMs) || pub.exitCode() != 0) {
        receipt.err = "mosquitto_pub failed: " + pub.readAll();
        sub.kill();
        sub.waitForFinished(5000);
        return receipt;
    }
    const bool exited = waitForExit(sub, transferTimeoutMs + 5000);
    receipt.out += sub.readAllStandardOutput();
    receipt.err = sub.readAllStandardError();
    if (exited && sub.exitStatus() == QProcess::NormalExit)
        receipt.exitCode = sub.exitCode();
    QFile rss(rssFile);
    if (rss.open(QIODevice::ReadOnly))
        receipt.peakKiB = rss.readAll().trimmed().toLongLong();
    receipt.elapsedMs = elapsed.elapsed();
    return receipt;
}

void tst_Payloads::transfer_data()
{
    addPayloadRows(transports);
}

void tst_Payloads::transfer()
{
    QFETCH(qsizetype, size);
    QFETCH(TransportKind, transport);
    QFETCH(ProtocolVersion, version);
    const QByteArray &payload = m_payloads[size];
    const QString name = transportName(transport);
    const QString tag = u"%1/%2/%3"_s.arg(versionTag(version), name).arg(size);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY2(wakeLoopFor(transport), qPrintable(m_waker.errorString()));
    const auto sleepAgain = qScopeGuard([this] { m_waker.stop(); });

    // Out: our client publishes at QoS 1 and has the PUBACK.
    Link &ours = link(transport, version);
    const QByteArray outTopic = (u"payloads/out/"_s + tag).toUtf8();
    Message message;
    message.topic = outTopic;
    message.payload = payload;
    message.qos = 1;
    const quint64 token = ours.client.publish(message);
    QVERIFY2(token != 0, qPrintable(ours.problems()));
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return ours.finished.contains(token) || !ours.disconnects.isEmpty(); },
            transferTimeoutMs),
        qPrintable(u"no PUBACK within %1 s; "_s.arg(transferTimeoutMs / 1000) + ours.problems()));
    QVERIFY2(ours.finished.contains(token), qPrintable(ours.problems()));
    QVERIFY2(ours.finished.value(token).first == ReasonCode::Success,
             qPrintable(ours.finished.value(token).second));
    const qint64 publishedMs = elapsed.elapsed();

    // mosquitto_sub has it, once.
    MosquittoSubOutput &watcher = *m_watchers.at(version);
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return watcher.count(outTopic) > 0 || watcher.isMalformed()
                         || watcher.process().state() == QProcess::NotRunning;
                 },
                 transferTimeoutMs),
             "mosquitto_sub did not receive it");
    QVERIFY2(!watcher.isMalformed(), "mosquitto_sub's output is out of step");
    const QList<QByteArray> theirs = watcher.take(outTopic);
    QCOMPARE(theirs.size(), 1);
    QString mismatch = payloadMismatch(payload, theirs.constFirst());
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"mosquitto_sub: "_s + mismatch));
    const qint64 outMs = elapsed.elapsed();

    // In: mosquitto_pub publishes, the CLI prints exactly the payload.
    const CliReceipt receipt =
        receiveWithCli(transport, version, u"payloads/in/"_s + tag, payloadFile(size),
                       u"payloads-in-"_s + QString(tag).replace(u'/', u'-'));
    QVERIFY2(
        receipt.exitCode == 0,
        qPrintable(u"mqttscope-cli sub exited %1 after %2 of %3 bytes: %4"_s.arg(receipt.exitCode)
                       .arg(receipt.out.size())
                       .arg(size)
                       .arg(QString::fromLocal8Bit(receipt.err))));
    mismatch = payloadMismatch(payload, receipt.out);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"mqttscope-cli sub: "_s + mismatch));
    QVERIFY2(receipt.err.isEmpty(), receipt.err.constData());
    if (size >= qsizetype(1) << 20) {
        qInfo("%lld B: published in %lld ms, out done in %lld ms, in (CLI) in %lld ms, CLI peak %s",
              qlonglong(size), publishedMs, outMs, receipt.elapsedMs,
              qPrintable(mib(receipt.peakKiB)));
    }

    if (size == largestPayloadSize) {
        QVERIFY2(receipt.peakKiB > 0, "no peak memory figure");
        const qint64 baseline = m_baselineKiB.value(transport);
        const qint64 bound = baseline + qint64(copiesAllowed(transport) * double(size / 1024));
        const double copies = double(receipt.peakKiB - baseline) * 1024.0 / double(size);
        const QString figures = u"%1 %2: peak %3 = baseline %4 + %5 copies; bound %6 (%7 copies)"_s
                                    .arg(name, QString::fromLatin1(versionName(version)),
                                         mib(receipt.peakKiB), mib(baseline))
                                    .arg(copies, 0, 'f', 2)
                                    .arg(mib(bound))
                                    .arg(copiesAllowed(transport), 0, 'f', 1);
        m_memoryReport.append(figures);
        QVERIFY2(receipt.peakKiB <= bound, qPrintable(figures));
    }
}

QTEST_GUILESS_MAIN(tst_Payloads)
#include "tst_payloads.moc"
