// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"
#include "profiles/profilestore.h"
#include "profiles/secretstore.h"

#include <functional>

namespace mqttscope {
class ConnectionTab;
}

namespace mqttscope::bench {

class LoadSource;

// The real application window (shown; on the offscreen platform under the benchmarks) with
// stores of its own, opening connections to the load server the way a user's profile would.
class BenchWindow
{
public:
    struct Connection
    {
        quint16 port = 0;
        VersionChoice version = VersionChoice::V5;
        quint16 keepAliveSeconds = 60;
        // Recorded from the first message on when set (started before the connection is up).
        QString recordTo;
    };

    BenchWindow();

    MainWindow &window() { return m_window; }
    // Opens a tab for 127.0.0.1:port subscribed to "#" and waits until it is connected
    // (nullptr after 10 s without).
    ConnectionTab *open(const Connection &connection);
    // Starts the load server in `source` (`program` with `arguments`) and opens a tab on its
    // port (connection.port: 0, it is the server's); nullptr with *error, the scenario's error row,
    // when either could not.
    ConnectionTab *openOn(LoadSource &source, const QString &program, const QStringList &arguments,
                          Connection connection, QString *error);

    // Runs the event loop until `done` holds or `timeoutMs` passed, checking every `pollMs`;
    // returns done(). (The benchmark's own loop: product code never waits like this.)
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs, int pollMs = 5);
    // Runs the event loop for `milliseconds` with nothing of the benchmark's own in it.
    static void runFor(int milliseconds);

private:
    ProfileStore m_profiles;
    SecretStore m_secrets;
    MainWindow m_window;
};

} // namespace mqttscope::bench
