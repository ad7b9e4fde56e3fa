// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordingstatus.h"

#include <QCoreApplication>

namespace mqttscope {

// The words a connection tab shows for its recording, from plain values so they can be checked
// without a window or a disk.
class RecordingStatusText
{
    Q_DECLARE_TR_FUNCTIONS(RecordingStatusText)
public:
    // "Recording · 12,345 messages · 3.2 MiB of 2.0 GiB · 10 dropped", "Recording stopped · …".
    static QString summary(const RecordingStatus &status);
    // The banner's heading for a recording that failed or stopped on its own.
    static QString endTitle(const RecordingStatus &status, const QString &fileName);
};

} // namespace mqttscope
