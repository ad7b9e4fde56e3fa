// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "replay/replayoptions.h"
#include "replay/replayprogress.h"
#include "replay/replaysource.h"

#include <QObject>

#include <memory>

class QThread;

namespace mqttscope {

class MqttClient;
class Replayer;

// One replay on a thread of its own, as a connection tab runs its client: the client and the
// Replayer live there, commands go in queued and the progress comes back queued, so the window
// never waits for the broker nor the broker for the window. The connection ends with the replay.
class ReplayRunner : public QObject
{
    Q_OBJECT
public:
    explicit ReplayRunner(QObject *parent = nullptr);
    ~ReplayRunner() override; // stops a replay still running and waits for its thread

    // Connects with `client` and replays `source`; finished() follows once. One run per runner.
    void start(const ClientOptions &client, const ReplayOptions &options,
               std::unique_ptr<ReplaySource> source);
    void pause();
    void resume();
    void stop();
    bool isRunning() const { return m_running; }

signals:
    void progressChanged(const mqttscope::ReplayProgress &progress);
    void finished(const mqttscope::ReplaySummary &summary);

private:
    QThread *m_thread = nullptr;
    MqttClient *m_client = nullptr; // on m_thread, owned
    Replayer *m_replayer = nullptr; // likewise, a child of m_client
    bool m_running = false;
};

} // namespace mqttscope
