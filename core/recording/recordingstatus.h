// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace mqttscope {

// Where a recording stands, as RecordingWriter reports it to whoever shows it.
struct RecordingStatus
{
    enum class State {
        Idle, // not started
        Recording,
        Stopped, // by the user, or because the budget was reached with WhenFull::Stop
        Failed, // the file could not be written (disk full, unwritable); `error` says why
    };

    State state = State::Idle;
    qint64 messagesWritten = 0; // committed to the file
    qint64 messagesDropped = 0; // deleted to stay within the budget (WhenFull::DropOldest)
    qint64 messagesPending = 0; // handed to the writer, not yet committed
    qint64 fileBytes = 0;
    qint64 byteBudget = 0;
    bool budgetReached = false;
    QString error; // set when Failed, or why it Stopped on its own ("size budget reached")
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::RecordingStatus)
