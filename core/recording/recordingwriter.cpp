// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingwriter.h"

#include "recordingappender.h"

#include "protocol/topic.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <chrono>
#include <csignal>

namespace mqttscope {

namespace {

// Commits come at most this often while messages trickle in: each commit appends the pages it
// touched to the log, and a commit per network read would write them over and over.
constexpr int commitIntervalMs = 100;
// ... unless this many wait, then at once.
constexpr qsizetype batchSize = 20000;
constexpr int statusIntervalMs = 250;
constexpr qsizetype maximumTransaction = 50000;
constexpr qint64 maximumTransactionBytes = qint64(32) << 20;

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

class RecordingWriterPrivate
{
public:
    explicit RecordingWriterPrivate(RecordingWriter *q)
        : q(q)
    {
    }

    bool accepts(const Message &message) const;
    void enqueue(QList<RecordedMessage> &&messages);
    void run();
    // Waits for the next batch; empty when stopping with nothing left.
    QList<RecordedMessage> takeBatch(QElapsedTimer &sinceCommit);
    // Applies the outcome of a batch; false when recording ends with it.
    bool finishBatch(RecordingAppender::Outcome outcome);
    void emitStatus();
    qint64 pendingMessages() const;

    RecordingWriter *q;
    // Set by start() before the thread and the producers use them.
    RecordingOptions options;
    QList<QByteArray> topicFilters; // options.topicFilters in UTF-8
    QString path;
    std::unique_ptr<RecordingAppender> appender; // used on the writer's thread only
    std::unique_ptr<QThread> thread;

    mutable QMutex mutex; // guards what follows
    QWaitCondition wake;
    QList<RecordedMessage> queue;
    qsizetype writing = 0; // in the batch being written
    bool stopping = false;
    RecordingStatus status;
};

bool RecordingWriterPrivate::accepts(const Message &message) const
{
    if (topicFilters.isEmpty())
        return true;
    for (const QByteArray &filter : topicFilters) {
        if (Topic::matches(filter, message.topic))
            return true;
    }
    return false;
}

void RecordingWriterPrivate::enqueue(QList<RecordedMessage> &&messages)
{
    if (messages.isEmpty())
        return;
    QMutexLocker locker(&mutex);
    if (status.state != RecordingStatus::State::Recording)
        return;
    const bool wasEmpty = queue.isEmpty();
    queue.append(std::move(messages));
    status.messagesPending = queue.size() + writing;
    if (wasEmpty || queue.size() >= batchSize)
        wake.wakeOne();
}

QList<RecordedMessage> RecordingWriterPrivate::takeBatch(QElapsedTimer &sinceCommit)
{
    QMutexLocker locker(&mutex);
    while (queue.isEmpty() && !stopping)
        wake.wait(&mutex);
    // Let a trickle gather into one commit, unless enough waits already.
    while (!stopping && queue.size() < batchSize && sinceCommit.elapsed() < commitIntervalMs)
        wake.wait(&mutex, QDeadlineTimer(commitIntervalMs - sinceCommit.elapsed()));
    // One transaction is at most so much: its pages all go to the WAL before a checkpoint can
    // fold them into the file, so the WAL stays that small.
    qsizetype count = 0;
    qint64 bytes = 0;
    while (count < queue.size() && count < maximumTransaction
           && (count == 0 || bytes < maximumTransactionBytes)) {
        bytes += queue.at(count).message.payload.size();
        ++count;
    }
    QList<RecordedMessage> batch = queue.first(count);
    queue.remove(0, count); // from the front: Qt moves the list's start, copies nothing
    writing = batch.size();
    return batch;
}

bool RecordingWriterPrivate::finishBatch(RecordingAppender::Outcome outcome)
{
    const qint64 fileBytes = appender->fileBytes();
    QMutexLocker locker(&mutex);
    writing = 0;
    status.messagesWritten = appender->messagesWritten();
    status.messagesDropped = appender->messagesDropped();
    status.fileBytes = fileBytes;
    switch (outcome) {
    case RecordingAppender::Outcome::Written:
        status.messagesPending = queue.size();
        return true;
    case RecordingAppender::Outcome::BudgetReached:
        status.state = RecordingStatus::State::Stopped;
        status.budgetReached = true;
        status.error = RecordingWriter::tr("size budget reached (%1)")
                           .arg(QLocale::system().formattedDataSize(options.byteBudget, 0,
                                                                    QLocale::DataSizeIecFormat));
        break;
    case RecordingAppender::Outcome::Failed:
        status.state = RecordingStatus::State::Failed;
        status.error = appender->error();
        break;
    }
    queue.clear(); // cannot be written any more
    status.messagesPending = 0;
    return false;
}

qint64 RecordingWriterPrivate::pendingMessages() const
{
    QMutexLocker locker(&mutex);
    return queue.size() + writing;
}

void RecordingWriterPrivate::emitStatus()
{
    emit q->statusChanged(q->status());
}

void RecordingWriterPrivate::run()
{
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    QElapsedTimer sinceStatus;
    sinceStatus.start();
    for (;;) {
        const QList<RecordedMessage> batch = takeBatch(sinceCommit);
        if (batch.isEmpty())
            break;
        const RecordingAppender::Outcome outcome = appender->append(batch);
        sinceCommit.restart();
        if (!finishBatch(outcome)) {
            emitStatus();
            return;
        }
        // Also when everything is written: a producer that paused its source for the writer
        // waits for that news, and nothing else would come.
        if (sinceStatus.elapsed() >= statusIntervalMs || pendingMessages() == 0) {
            sinceStatus.restart();
            emitStatus();
        }
    }
}

RecordingWriter::RecordingWriter(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RecordingWriterPrivate>(this))
{
    qRegisterMetaType<mqttscope::RecordingStatus>();
}

RecordingWriter::~RecordingWriter()
{
    stop();
}

bool RecordingWriter::start(const QString &path, const RecordingOptions &options, QString *error)
{
    stop();
    // A file size limit (ulimit -f) must fail a write with EFBIG, not kill the process with
    // SIGXFSZ: the recording then stops with a message and what it committed stays.
    std::signal(SIGXFSZ, SIG_IGN);
    auto appender = std::make_unique<RecordingAppender>();
    QString why;
    if (!appender->open(path, options, &why)) {
        if (error)
            *error = why;
        QMutexLocker locker(&d->mutex);
        d->status = RecordingStatus{};
        d->status.state = RecordingStatus::State::Failed;
        d->status.error = why;
        return false;
    }
    d->path = path;
    d->options = options;
    d->topicFilters.clear();
    for (const QString &filter : options.topicFilters)
        d->topicFilters.append(filter.toUtf8());
    d->appender = std::move(appender);
    {
        QMutexLocker locker(&d->mutex);
        d->stopping = false;
        d->queue.clear();
        d->status = RecordingStatus{};
        d->status.state = RecordingStatus::State::Recording;
        d->status.byteBudget = options.byteBudget;
        d->status.fileBytes = d->appender->fileBytes();
    }
    d->thread.reset(QThread::create([this] { d->run(); }));
    d->thread->setObjectName(QStringLiteral("RecordingWriter"));
    d->thread->start();
    d->emitStatus();
    return true;
}

void RecordingWriter::stop()
{
    if (!d->thread)
        return;
    {
        QMutexLocker locker(&d->mutex);
        d->stopping = true;
        d->wake.wakeOne();
    }
    d->thread->wait();
    d->thread.reset();
    d->appender.reset(); // closes the file
    {
        QMutexLocker locker(&d->mutex);
        if (d->status.state == RecordingStatus::State::Recording)
            d->status.state = RecordingStatus::State::Stopped;
        d->status.messagesPending = 0;
    }
    d->emitStatus();
}

void RecordingWriter::recordReceived(const QList<Message> &messages)
{
    QList<RecordedMessage> recorded;
    recorded.reserve(messages.size());
    qint64 now = 0;
    for (const Message &message : messages) {
        if (!d->accepts(message))
            continue;
        RecordedMessage &entry = recorded.emplace_back();
        if (message.receivedMsecsSinceEpoch) {
            entry.timeUs = message.receivedMsecsSinceEpoch * 1000;
        } else {
            if (!now)
                now = nowUs();
            entry.timeUs = now;
        }
        entry.message = message;
    }
    d->enqueue(std::move(recorded));
}

void RecordingWriter::recordPublished(const Message &message)
{
    if (!d->options.recordPublished)
        return;
    RecordedMessage entry;
    entry.timeUs = nowUs();
    entry.direction = RecordedMessage::Direction::Published;
    entry.message = message;
    entry.message.receivedMsecsSinceEpoch = 0;
    d->enqueue({entry});
}

RecordingStatus RecordingWriter::status() const
{
    QMutexLocker locker(&d->mutex);
    return d->status;
}

QString RecordingWriter::path() const
{
    return d->path;
}

qint64 RecordingWriter::pendingMessages() const
{
    return d->pendingMessages();
}

} // namespace mqttscope
