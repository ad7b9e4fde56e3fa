// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <thread>

namespace mqttscope::test {

// mosquitto 2.0.11 serves its WebSocket connections (libwebsockets) once per turn of its main
// loop, and that loop sleeps up to 100 ms while its plain sockets are quiet: a large message
// over ws or wss then moves one 4 KiB chunk per turn, ~40 KB/s either way (1 MiB in 26 s, with
// our client and with a raw socket alike; eclipse-mosquitto/mosquitto#1390), and the broker's
// other WebSocket clients starve meanwhile, past their keepalive. While started, this plain
// tcp client pings the broker every half millisecond, so the loop keeps turning and ws moves at
// several MB/s. It changes when the broker writes, not what it writes.
//
// The pings cost two lines each in a `log_type all` log: run it only around WebSocket traffic.
class MosquittoLoopWaker
{
public:
    MosquittoLoopWaker() = default;
    ~MosquittoLoopWaker() { stop(); }
    MosquittoLoopWaker(const MosquittoLoopWaker &) = delete;
    MosquittoLoopWaker &operator=(const MosquittoLoopWaker &) = delete;

    // Connects to the tcp listener on 127.0.0.1:`port` and starts pinging; false with
    // errorString() when the broker does not accept it within 5 s.
    bool start(quint16 port);
    // Disconnects. Idempotent.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }
    QString errorString() const { return m_error; }

    // However long a test forgets to stop it, it stops by itself after this.
    static constexpr int maximumRunMs = 10 * 60 * 1000;

private:
    std::thread m_thread;
    std::atomic_bool m_stopRequested{false};
    QString m_error;
};

} // namespace mqttscope::test
