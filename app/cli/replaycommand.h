// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientcommand.h"

#include "replay/replayer.h"

namespace mqttscope::cli {

// `mqttscope-cli replay FILE`: replays a recording through the connection, with a progress
// line on stderr (when it is a terminal) and a summary at the end; exits 0 when every message
// was acknowledged, 1 otherwise, saying why.
class ReplayCommand : public ClientCommand
{
    Q_OBJECT
public:
    explicit ReplayCommand(const SubcommandOptions &options, QObject *parent = nullptr);

    // Opens the recording before connecting. False with *error set when it cannot.
    bool prepare(QString *error);
    // Stops the replay: the summary says how far it got, and the status is 1 (not all sent).
    void interrupt() override { m_replayer.stop(); }

    // The lines printed at the end (for the tests: they are the command's report).
    static QString summaryText(const ReplaySummary &summary);
    static QString progressText(const ReplayProgress &progress);

protected:
    void onConnected(const ConnackPacket &connack, bool firstTime) override;

private:
    void handleFinished(const ReplaySummary &summary);

    Replayer m_replayer;
    bool m_showProgress = false;
};

} // namespace mqttscope::cli
