// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaycommand.h"

#include "replay/recordingfilesource.h"

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

constexpr int listedFailures = 10; // on stderr; the rest are counted

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    return u"%1:%2"_s.arg(seconds / 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
}

} // namespace

ReplayCommand::ReplayCommand(const SubcommandOptions &options, QObject *parent)
    : ClientCommand(options, parent)
    , m_replayer(&client())
    , m_showProgress(::isatty(STDERR_FILENO) == 1)
{
    m_replayer.setOptions(options.replay);
    connect(&m_replayer, &Replayer::finished, this, &ReplayCommand::handleFinished);
    if (m_showProgress) {
        connect(&m_replayer, &Replayer::progressChanged, this, [](const ReplayProgress &p) {
            if (p.state != ReplayState::Finished)
                std::fputs(qPrintable(u"\r"_s + progressText(p) + u"\x1b[K"_s), stderr);
        });
    }
}

bool ReplayCommand::prepare(QString *error)
{
    QString why;
    std::unique_ptr<RecordingFileSource> source =
        RecordingFileSource::open(options().replayFile, &why);
    if (!source) {
        *error = tr("Error: Cannot replay \"%1\": %2").arg(options().replayFile, why);
        return false;
    }
    m_replayer.setSource(std::move(source));
    return true;
}

void ReplayCommand::onConnected(const ConnackPacket &, bool firstTime)
{
    if (firstTime)
        m_replayer.start(); // after a reconnect the replay carries on by itself
}

QString ReplayCommand::progressText(const ReplayProgress &progress)
{
    QString text = tr("%1 of %2 sent, %3 acknowledged, %4 failed")
                       .arg(progress.sent)
                       .arg(progress.total - progress.skipped)
                       .arg(progress.acknowledged)
                       .arg(progress.failed);
    if (progress.remainingMs >= 0)
        text += tr(", %1 left").arg(duration(progress.remainingMs));
    return text;
}

QString ReplayCommand::summaryText(const ReplaySummary &summary)
{
    const ReplayProgress &p = summary.progress;
    QString text = tr("Replayed %1 messages in %2 s: %3 acknowledged, %4 failed")
                       .arg(p.sent)
                       .arg(double(p.elapsedMs) / 1000.0, 0, 'f', 1)
                       .arg(p.acknowledged)
                       .arg(p.failed);
    if (p.unfinished() > 0)
        text += tr(", %1 unconfirmed").arg(p.unfinished());
    if (p.skipped > 0)
        text += tr(", %1 published by the recording connection not replayed").arg(p.skipped);
    text += u".\n"_s;
    for (qsizetype i = 0; i < summary.failures.size() && i < listedFailures; ++i) {
        const ReplayFailure &failure = summary.failures.at(i);
        text += tr("Not acknowledged: message %1 on \"%2\": %3\n")
                    .arg(failure.recordedId)
                    .arg(QString::fromUtf8(failure.topic), failure.reason);
    }
    if (p.failed > listedFailures)
        text += tr("... and %1 more not acknowledged.\n").arg(p.failed - listedFailures);
    return text;
}

void ReplayCommand::handleFinished(const ReplaySummary &summary)
{
    if (m_showProgress)
        std::fputs("\r\x1b[K", stderr);
    std::fputs(qPrintable(summaryText(summary)), stderr);
    if (summary.succeeded())
        finish(0);
    else if (!summary.error.isEmpty())
        finish(1, tr("Error: %1").arg(summary.error));
    else if (summary.stopped)
        finish(1, tr("Error: the replay was stopped"));
    else
        finish(1,
               tr("Error: %1 of %2 messages were not acknowledged")
                   .arg(summary.progress.sent - summary.progress.acknowledged)
                   .arg(summary.progress.sent));
}

} // namespace mqttscope::cli
