// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscribecommand.h"

#include "packetdebugline.h"
#include "protofiles.h"

#include "protocol/topic.h"

#include <QCoreApplication>

#include <algorithm>

#include <unistd.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {

namespace {

// Messages handed to the recorder and not yet on disk above which the client stops reading (TCP
// then pushes back on the broker), and below which it reads again: nothing is dropped, memory
// stays bounded.
constexpr qint64 recorderPauseAt = 200000;
constexpr qint64 recorderResumeAt = 50000;

} // namespace

SubscribeCommand::SubscribeCommand(const SubcommandOptions &options, QObject *parent)
    : ClientCommand(options, parent)
    , m_formatter(options.output, options.format, options.appendNewline)
    , m_output(STDOUT_FILENO)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { stop(timedOutExitCode, tr("Timed out")); });
    connect(&client(), &MqttClient::messagesReceived, this, &SubscribeCommand::handleMessages);
    connect(&client(), &MqttClient::subscribeFinished, this, &SubscribeCommand::handleSubscribed);
    connect(&client(), &MqttClient::unsubscribeFinished, this,
            [this](quint64 token) { handleUnsubscribed(token); });
    connect(&client(), &MqttClient::publishFinished, this,
            [this](quint64 token) { handlePublished(token); });
    for (const QString &filter : options.filterOut)
        m_filterOut.append(filter.toUtf8());
}

void SubscribeCommand::start()
{
    QString error;
    if (!setUpDecoding(&error)) {
        finish(1, error);
        return;
    }
    if (!options().recordFile.isEmpty() && !startRecording(&error)) {
        m_recordingReported = true;
        finish(1, error);
        return;
    }
    ClientCommand::start();
}

// The .proto files are compiled before connecting, so that a schema that does not compile stops
// the run with the compiler's file:line:column rather than leaving messages undecoded.
bool SubscribeCommand::setUpDecoding(QString *error)
{
    if (options().output != OutputMode::Json && options().output != OutputMode::Format)
        return true;
    const std::optional<std::shared_ptr<const ProtobufSchemas>> loaded =
        ProtoFiles::load(options(), error);
    if (!loaded)
        return false;
    const std::shared_ptr<const ProtobufSchemas> &schemas = *loaded;
    for (const FormatRule &rule : options().formatRules) {
        if (rule.encoding == PayloadEncoding::Protobuf
            && (!schemas || !schemas->hasMessageType(rule.messageType))) {
            *error = tr("--decode %1: message type %2 is not in the --proto files")
                         .arg(rule.topicFilter, rule.messageType);
            return false;
        }
    }
    m_formatter.setDecoder(std::make_shared<PayloadDecoder>(options().formatRules, schemas));
    return true;
}

bool SubscribeCommand::startRecording(QString *error)
{
    RecordingOptions recording = options().recording;
    const Endpoint &endpoint = options().client.endpoint;
    recording.metadata.insert(u"broker"_s, u"%1:%2"_s.arg(endpoint.host).arg(endpoint.port));
    recording.metadata.insert(u"client_id"_s, options().client.clientId);
    recording.metadata.insert(u"subscriptions"_s, options().topics.join(u'\n'));
    m_recorder = std::make_unique<RecordingWriter>();
    connect(m_recorder.get(), &RecordingWriter::statusChanged, this,
            &SubscribeCommand::handleRecordingStatus, Qt::QueuedConnection);
    return m_recorder->start(options().recordFile, recording, error);
}

void SubscribeCommand::handleRecordingStatus(const RecordingStatus &status)
{
    if (m_pausedForRecorder && status.messagesPending < recorderResumeAt) {
        m_pausedForRecorder = false;
        client().resumeReceiving();
    }
    const QString problem = recordingProblem(status);
    if (problem.isEmpty() || m_recordingReported || isFinishing())
        return;
    m_recordingReported = true;
    stop(1, problem);
}

QString SubscribeCommand::recordingProblem(const RecordingStatus &status) const
{
    if (status.state == RecordingStatus::State::Failed)
        return status.error;
    if (status.state == RecordingStatus::State::Stopped && status.budgetReached)
        return tr("Recording to %1 stopped: %2").arg(options().recordFile, status.error);
    return {};
}

int SubscribeCommand::onFinishing(int exitCode)
{
    if (!m_recorder)
        return exitCode;
    recordHandled(); // the message that ended the run, and those before it in its batch
    m_recorder->stop(); // commits what is pending
    const QString problem = recordingProblem(m_recorder->status());
    if (problem.isEmpty())
        return exitCode;
    if (!m_recordingReported)
        printError(problem);
    m_recordingReported = true;
    return exitCode ? exitCode : 1;
}

void SubscribeCommand::onConnected(const ConnackPacket &, bool firstTime)
{
    // mosquitto_sub's -W starts once connected.
    if (firstTime && options().timeoutSeconds > 0)
        m_timeout.start(options().timeoutSeconds * 1000);
    // Subscribe on every connect: a broker that restarted without persistence forgot us.
    m_pendingAcks.clear();
    if (!options().topics.isEmpty()) {
        QList<Subscription> subscriptions;
        for (const QString &filter : options().topics) {
            Subscription subscription;
            subscription.filter = filter;
            subscription.qos = options().qos;
            subscription.retainAsPublished = options().retainAsPublished;
            subscriptions.append(subscription);
        }
        if (const quint64 token = client().subscribe(subscriptions, options().subscribeProperties))
            m_pendingAcks.append(token);
    }
    if (!options().unsubscribeTopics.isEmpty()) {
        if (const quint64 token = client().unsubscribe(options().unsubscribeTopics,
                                                       options().unsubscribeProperties)) {
            m_pendingAcks.append(token);
        }
    }
    maybeExitAfterSubscribe();
}

void SubscribeCommand::handleSubscribed(quint64 token, const SubackPacket &suback)
{
    const bool anyGranted = std::any_of(suback.reasons.cbegin(), suback.reasons.cend(),
                                        [](ReasonCode reason) { return !isError(reason); });
    if (!anyGranted && !suback.reasons.isEmpty()) {
        stop(1, tr("All subscription requests were denied."));
        return;
    }
    handleUnsubscribed(token);
}

void SubscribeCommand::onPacketPrinted(const PacketTraceEntry &packet)
{
    if (const QString line = subscribedLine(packet); !line.isEmpty())
        printError(line);
}

void SubscribeCommand::handleUnsubscribed(quint64 token)
{
    m_pendingAcks.removeOne(token);
    maybeExitAfterSubscribe();
}

void SubscribeCommand::maybeExitAfterSubscribe()
{
    if (options().exitAfterSubscribe && m_pendingAcks.isEmpty())
        stop(0);
}

void SubscribeCommand::handleMessages(const QList<Message> &messages)
{
    m_batch = &messages;
    m_batchHandled = 0;
    while (m_batchHandled < messages.size() && m_processing) {
        // Every message handled is recorded, the one that ends the run (-C) too.
        if (!handleMessage(messages.at(m_batchHandled++)))
            break;
    }
    m_output.flush();
    recordHandled();
}

void SubscribeCommand::recordHandled()
{
    const QList<Message> *batch = std::exchange(m_batch, nullptr);
    if (!m_recorder || !batch || !m_batchHandled)
        return;
    m_recorder->recordReceived(m_batchHandled == batch->size() ? *batch
                                                               : batch->first(m_batchHandled));
    if (!m_pausedForRecorder && m_recorder->pendingMessages() > recorderPauseAt) {
        m_pausedForRecorder = true;
        client().pauseReceiving();
    }
}

bool SubscribeCommand::handleMessage(const Message &message)
{
    // The order of mosquitto_sub's checks.
    const SubcommandOptions &o = options();
    if (o.retainedOnly && !message.retain) {
        stop(0); // the first fresh message ends --retained-only
        return false;
    }
    if (o.skipRetained && message.retain)
        return true;
    // const: a non-const loop detaches the list, which for an empty one allocates every time
    for (const QByteArray &filter : std::as_const(m_filterOut)) {
        if (Topic::matches(filter, message.topic))
            return true;
    }
    if (o.removeRetained && message.retain) {
        Message clear;
        clear.topic = message.topic;
        clear.qos = 1;
        clear.retain = true;
        if (const quint64 token = client().publish(clear))
            m_pendingRemovals.append(token);
        if (m_recorder)
            m_recorder->recordPublished(clear);
    }
    QByteArray errors;
    m_formatter.append(message, m_output.buffer(), &errors);
    if (!errors.isEmpty())
        printError(QString::fromLocal8Bit(errors.chopped(1)));
    m_output.flushIfFull();
    if (o.messageCount > 0 && ++m_received >= o.messageCount) {
        stop(0);
        return false;
    }
    return true;
}

void SubscribeCommand::stop(int exitCode, const QString &errorLine)
{
    m_processing = false;
    m_timeout.stop();
    m_output.flush();
    m_stopExitCode = exitCode;
    m_stopErrorLine = errorLine;
    // Like mosquitto_sub, disconnect only once the retained messages asked to be removed are.
    if (m_pendingRemovals.isEmpty())
        finish(exitCode, errorLine);
}

void SubscribeCommand::handlePublished(quint64 token)
{
    if (m_pendingRemovals.removeOne(token) && !m_processing && m_pendingRemovals.isEmpty())
        finish(m_stopExitCode, m_stopErrorLine);
}

} // namespace mqttscope::cli
