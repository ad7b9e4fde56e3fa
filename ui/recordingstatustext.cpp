// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordingstatustext.h"

#include <QLocale>

namespace mqttscope {
namespace {

QString bytes(qint64 count)
{
    return QLocale().formattedDataSize(count, 1, QLocale::DataSizeIecFormat);
}

} // namespace

QString RecordingStatusText::summary(const RecordingStatus &status)
{
    QString state;
    switch (status.state) {
    case RecordingStatus::State::Idle:
        return tr("Not recording");
    case RecordingStatus::State::Recording:
        state = tr("Recording");
        break;
    case RecordingStatus::State::Stopped:
        state = tr("Recording stopped");
        break;
    case RecordingStatus::State::Failed:
        state = tr("Recording failed");
        break;
    }
    const QLocale locale;
    // %Ln: the count as the locale writes numbers ("12,345").
    QString text =
        tr("%1 · %Ln message(s)", nullptr, int(qMin<qint64>(status.messagesWritten, INT_MAX)))
            .arg(state);
    text += tr(" · %1 of %2").arg(bytes(status.fileBytes), bytes(status.byteBudget));
    if (status.messagesDropped > 0)
        text += tr(" · %1 dropped").arg(locale.toString(status.messagesDropped));
    if (status.messagesPending > 0)
        text += tr(" · %1 waiting").arg(locale.toString(status.messagesPending));
    return text;
}

QString RecordingStatusText::endTitle(const RecordingStatus &status, const QString &fileName)
{
    if (status.state == RecordingStatus::State::Failed)
        return tr("The recording to %1 failed; what was written before is kept").arg(fileName);
    return tr("The recording to %1 stopped").arg(fileName);
}

} // namespace mqttscope
