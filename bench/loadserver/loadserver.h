// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>

namespace mqttscope::bench {

// What the load source sends: N PUBLISH packets spread over a number of topics.
struct LoadSpec
{
    std::uint64_t messages = 1000000;
    std::uint32_t topics = 10000;
    std::uint32_t payloadBytes = 47;
    int qos = 0;               // 0, or 1 with PUBACKs awaited
    QByteArray topicPrefix = "bench";
    bool retain = false;
};

// A server that no broker limits: answers CONNECT/SUBSCRIBE of 3.1.1 and 5.0 and then writes
// pre-encoded PUBLISH packets as fast as the socket takes them. Plain blocking POSIX sockets on
// purpose: the point is to measure the client, so the source must cost as little as possible.
class LoadServer
{
public:
    explicit LoadServer(const LoadSpec &spec);

    // Binds 127.0.0.1:port (0 = any free port) and returns the port, or -1.
    int listen(int port);
    // Serves `clients` connections one after the other, then returns.
    void serve(int clients);

private:
    void serveOne(int fd);

    LoadSpec m_spec;
    QByteArray m_publishesV311;
    QByteArray m_publishesV5;
    int m_listenFd = -1;
};

// Publishes the spec's messages to a real broker (e.g. mosquitto) as fast as it accepts them,
// as an MQTT 3.1.1 client. Returns false with a message on stderr on failure.
bool publishToBroker(const LoadSpec &spec, const char *host, int port);

} // namespace mqttscope::bench
