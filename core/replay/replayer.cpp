// SPDX-License-Identifier: GPL-3.0-or-later
#include "replay/replayer.h"

#include "client/reasondescription.h"

#include <cmath>

namespace mqttscope {
namespace {

constexpr int batchSize = 1024; // messages read from the source at a time
constexpr qsizetype lowWater = batchSize / 4; // read ahead when fewer wait, while idle
// A message due within this much is sent now: a timer cannot wake closer than a millisecond.
constexpr qint64 sendEarlyUs = 500;
// QoS 0 has no ack: past this many bytes waiting for the socket, wait for it to drain.
constexpr qint64 maximumUnwrittenBytes = 1024 * 1024;
constexpr qsizetype maximumUnwrittenQos0 = 4096; // messages; the client reports them per loop turn
constexpr int progressIntervalMs = 100;

} // namespace

Replayer::Replayer(MqttClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_sendTimer(this) // children, so that they move to the thread the replayer moves to
    , m_progressTimer(this)
{
    qRegisterMetaType<ReplayProgress>();
    qRegisterMetaType<ReplaySummary>();
    m_sendTimer.setSingleShot(true);
    m_sendTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_sendTimer, &QTimer::timeout, this, &Replayer::pump);
    m_progressTimer.setInterval(progressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] { emit progressChanged(progress()); });
}

Replayer::~Replayer() = default;

void Replayer::setSource(std::unique_ptr<ReplaySource> source)
{
    m_source = std::move(source);
}

void Replayer::setOptions(const ReplayOptions &options)
{
    m_options = options;
    m_schedule = ReplaySchedule(options.speed);
}

ReplayProgress Replayer::progress() const
{
    ReplayProgress progress = m_progress;
    if (!m_clock.isValid())
        return progress;
    progress.elapsedMs = m_clock.elapsed();
    if (progress.state == ReplayState::Finished) {
        progress.remainingMs = 0;
    } else if (m_options.pace == ReplayOptions::Pace::Recorded) {
        progress.remainingMs = m_schedule.remainingUs(m_source->lastTimeUs(), nowUs()) / 1000;
    } else if (progress.considered > 0) {
        const double perMessage = double(progress.elapsedMs) / double(progress.considered);
        progress.remainingMs = qint64(perMessage * double(progress.total - progress.considered));
    }
    return progress;
}

ReplaySummary Replayer::summary() const
{
    ReplaySummary summary = m_summary;
    summary.progress = progress();
    return summary;
}

void Replayer::start()
{
    if (m_progress.state != ReplayState::Idle)
        return;
    if (!m_source) {
        finish(tr("Nothing to replay"));
        return;
    }
    m_progress.total = m_source->messageCount();
    connect(m_client, &MqttClient::publishFinished, this, &Replayer::handlePublishFinished);
    connect(m_client, &MqttClient::connected, this, [this] {
        if (m_progress.state == ReplayState::WaitingForConnection)
            begin();
    });
    connect(m_client, &MqttClient::errorOccurred, this,
            [this](const QString &error) { m_clientError = error; });
    connect(m_client, &MqttClient::connectFailed, this,
            [this](const ConnectionFailure &failure) { m_connectionFailure = failure.reason; });
    connect(m_client, &MqttClient::disconnected, this, &Replayer::handleDisconnected);
    setState(ReplayState::WaitingForConnection);
    if (m_client->state() == ClientState::Connected)
        begin();
    else if (m_client->state() == ClientState::Disconnected)
        m_client->connectToBroker();
}

void Replayer::begin()
{
    setState(ReplayState::Running);
    m_clock.start();
    m_progressTimer.start();
    if (const RecordedMessage *first = peek())
        m_schedule.start(first->timeUs, nowUs());
    pump();
}

void Replayer::pause()
{
    if (m_progress.state != ReplayState::Running)
        return;
    m_sendTimer.stop();
    m_schedule.pause(nowUs());
    setState(ReplayState::Paused);
}

void Replayer::resume()
{
    if (m_progress.state != ReplayState::Paused)
        return;
    m_schedule.resume(nowUs());
    setState(ReplayState::Running);
    pump();
}

void Replayer::stop()
{
    if (m_progress.state == ReplayState::Finished)
        return;
    m_summary.stopped = true;
    finish();
}

void Replayer::pump()
{
    if (m_progress.state != ReplayState::Running)
        return;
    if (m_options.pace == ReplayOptions::Pace::AsFast)
        pumpAsFast();
    else
        pumpOnSchedule();
    finishWhenDone();
}

// Sends what is due, then sleeps until the next message is: each due time comes from the
// schedule's start, so a late wake-up delays one message, not all that follow.
void Replayer::pumpOnSchedule()
{
    while (m_progress.state == ReplayState::Running) {
        const RecordedMessage *next = peek();
        if (!next)
            return;
        const qint64 due = m_schedule.dueUs(next->timeUs);
        if (due - nowUs() > sendEarlyUs) {
            if (m_buffer.size() - m_next < lowWater)
                refill(); // while there is time
            const qint64 waitUs = due - nowUs();
            m_sendTimer.start(int(qMax<qint64>(0, std::llround(double(waitUs) / 1000.0))));
            return;
        }
        send(due);
    }
}

// Keeps the client's window full and no more: what waits beyond it would only wait in memory.
// QoS 0 has no window: the socket's backlog bounds it, and a cap on what is not yet written.
void Replayer::pumpAsFast()
{
    const int window = asFastWindow();
    while (m_progress.state == ReplayState::Running) {
        const RecordedMessage *next = peek();
        if (!next)
            return;
        const bool acknowledged = m_options.qos.value_or(next->message.qos) > 0;
        if (acknowledged ? m_awaitingAck >= window : m_pending.size() >= maximumUnwrittenQos0)
            return;
        if (m_client->bytesToWrite() > maximumUnwrittenBytes) {
            m_sendTimer.start(1); // the socket drains in the event loop
            return;
        }
        send(nowUs());
    }
}

int Replayer::asFastWindow() const
{
    if (m_options.asFastWindow > 0)
        return m_options.asFastWindow;
    const int inflight = m_client->options().maximumInflight;
    return 2 * (inflight > 0 ? inflight : ClientOptions::defaultMaximumInflight);
}

const RecordedMessage *Replayer::peek()
{
    if (m_next >= m_buffer.size())
        refill();
    return m_next < m_buffer.size() ? &m_buffer.at(m_next) : nullptr;
}

// Appends the next batch of the chosen direction(s), dropping what was sent already.
void Replayer::refill()
{
    m_buffer.remove(0, m_next);
    m_next = 0;
    while (!m_sourceDone && m_buffer.size() < batchSize) {
        const QList<RecordedMessage> batch = m_source->read(batchSize);
        m_sourceDone = batch.size() < batchSize;
        m_progress.considered += batch.size();
        for (const RecordedMessage &message : batch) {
            const bool received = message.direction == RecordedMessage::Direction::Received;
            if (received ? m_options.replayReceived : m_options.replayPublished)
                m_buffer.append(message);
            else
                ++m_progress.skipped;
        }
        if (m_sourceDone && !m_source->errorString().isEmpty())
            m_summary.error = m_source->errorString();
    }
}

void Replayer::send(qint64 scheduledUs)
{
    const RecordedMessage recorded = m_buffer.at(m_next++);
    const Message message = m_options.messageToPublish(recorded.message);
    m_clientError.clear();
    const quint64 token = m_client->publish(message);
    ++m_progress.sent;
    if (m_options.keepTimings)
        m_timings.append(ReplayTiming{scheduledUs, nowUs()});
    if (token == 0) {
        ++m_progress.failed;
        addFailure(recorded.id, message.topic,
                   m_clientError.isEmpty() ? tr("Refused by the client") : m_clientError);
    } else {
        m_pending.insert(token, Pending{recorded.id, message.topic, message.qos});
        if (message.qos > 0)
            ++m_awaitingAck;
    }
}

void Replayer::addFailure(qint64 recordedId, const QByteArray &topic, const QString &reason)
{
    if (m_summary.failures.size() < ReplaySummary::maximumListedFailures)
        m_summary.failures.append(ReplayFailure{recordedId, topic, reason});
}

void Replayer::handlePublishFinished(quint64 token, ReasonCode reason, const QString &reasonString)
{
    const auto it = m_pending.constFind(token);
    if (it == m_pending.cend())
        return; // someone else's publish on the same client
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.qos > 0)
        --m_awaitingAck;
    if (isError(reason)) {
        ++m_progress.failed;
        Properties said;
        if (!reasonString.isEmpty())
            said.reasonString = reasonString;
        addFailure(pending.recordedId, pending.topic, describeReason(reason, said));
    } else {
        ++m_progress.acknowledged;
    }
    if (m_progress.state == ReplayState::Running && m_options.pace == ReplayOptions::Pace::AsFast)
        pump();
    else
        finishWhenDone();
}

// Only an end the client gives up on ends the replay; while it reconnects, it keeps what was
// published for the next connection.
void Replayer::handleDisconnected(const QString &reason)
{
    if (m_client->state() != ClientState::Disconnected)
        return;
    const QString why = m_connectionFailure.isEmpty() ? reason : m_connectionFailure;
    finish(why.isEmpty() ? tr("The connection ended") : tr("The connection ended: %1").arg(why));
}

void Replayer::finishWhenDone()
{
    const bool allSent = m_sourceDone && m_next >= m_buffer.size();
    if (!allSent
        || (m_progress.state != ReplayState::Running && m_progress.state != ReplayState::Draining))
        return;
    if (!m_summary.error.isEmpty() || m_pending.isEmpty())
        finish(m_summary.error);
    else if (m_progress.state != ReplayState::Draining)
        setState(ReplayState::Draining);
}

void Replayer::finish(const QString &error)
{
    if (m_progress.state == ReplayState::Finished)
        return;
    m_sendTimer.stop();
    m_progressTimer.stop();
    disconnect(m_client, nullptr, this, nullptr);
    if (!error.isEmpty())
        m_summary.error = error;
    m_summary.progress = progress();
    m_progress.state = ReplayState::Finished;
    m_summary.progress.state = ReplayState::Finished;
    m_summary.progress.remainingMs = 0;
    emit progressChanged(m_summary.progress);
    emit finished(m_summary);
}

void Replayer::setState(ReplayState state)
{
    if (m_progress.state == state)
        return;
    m_progress.state = state;
    emit progressChanged(progress());
}

qint64 Replayer::nowUs() const
{
    return m_clock.isValid() ? m_clock.nsecsElapsed() / 1000 : 0;
}

} // namespace mqttscope
