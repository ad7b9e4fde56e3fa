// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/recordingstatus.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace mqttscope {

// A connection tab's recording controls in one row: Record (its dot red while recording), what
// the recording has written against its budget, and Stop.
class RecordingBar : public QWidget
{
    Q_OBJECT
public:
    explicit RecordingBar(QWidget *parent = nullptr);

    void setStatus(const RecordingStatus &status);

    QToolButton *recordButton() const { return m_record; }
    QToolButton *stopButton() const { return m_stop; }
    QString statusText() const;

    // A round dot, for the Record button and the tabs of recordings.
    static QIcon dotIcon(const QColor &color, int size);

signals:
    void recordRequested();
    void stopRequested();

private:
    QToolButton *m_record;
    QLabel *m_status;
    QToolButton *m_stop;
};

} // namespace mqttscope
