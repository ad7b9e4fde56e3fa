// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace mqttscope::bench {

// What the load source sends: N PUBLISH packets spread over a number of topics.
struct LoadSpec
{
    std::uint64_t messages = 1000000;
    std::uint32_t topics = 10000;
    std::uint32_t payloadBytes = 47;
    int qos = 0; // 0, or 1 with PUBACKs awaited
    QByteArray topicPrefix = "bench";
    bool retain = false;
    double messagesPerSecond = 0; // 0: as fast as the socket takes them; else a steady stream
    // Sparkplug B instead of JSON: topic t is device t % 100 of edge node t / 100 under
    // spBv1.0/<prefix>; each node's NBIRTH and each device's DBIRTH (20 metrics) come first,
    // then DDATA of the 20 metrics by alias, with each node's seq counting on.
    bool sparkplug = false;
    // Encode only this many different messages and send them in turn (0: each its own), so that
    // a long stream of big payloads fits in memory. QoS 0 only, and not with sparkplug (packet
    // ids and seq count on).
    std::uint64_t distinct = 0;
    // Pad each JSON payload with an array of samples rather than spaces, so that a big payload
    // is a document the views lay out (and pretty-print) line by line.
    bool jsonFill = false;
};

// What one served connection looked like from the server's side, for the benchmarks that need
// more than the client's own view (keepalive timing, whether the source kept its rate).
struct ServeReport
{
    std::uint64_t sent = 0; // PUBLISH packets written
    std::uint64_t acked = 0; // PUBACKs received (QoS 1)
    double sendSeconds = 0; // from SUBACK to the last PUBLISH written
    int keepAliveSeconds = 0; // as the client's CONNECT asked
    int pings = 0; // PINGREQs received
    // The longest time the client stayed silent (between two of its packets, or from the last
    // one until it left): a broker closes the connection past 1.5 x keepalive [MQTT-3.1.2-24].
    double maxSilenceMs = 0;
    bool disconnected = false; // left with DISCONNECT rather than by closing
};

// A server that no broker limits: answers CONNECT/SUBSCRIBE of 3.1.1 and 5.0 and then writes
// pre-encoded PUBLISH packets as fast as the socket takes them (or at a steady rate), while it
// keeps answering PINGREQ/SUBSCRIBE and counting PUBACKs. Plain POSIX sockets and poll() on
// purpose: the point is to measure the client, so the source must cost as little as possible.
class LoadServer
{
public:
    explicit LoadServer(const LoadSpec &spec);

    // Binds 127.0.0.1:port (0 = any free port) and returns the port, or -1.
    int listen(int port);
    // Serves `clients` connections one after the other, calling `served` after each, then returns.
    template<typename Served>
    void serve(int clients, Served served)
    {
        for (int i = 0; i < clients; ++i) {
            const int fd = accept();
            if (fd >= 0)
                served(serveOne(fd));
        }
    }

private:
    int accept() const;
    ServeReport serveOne(int fd); // closes fd

    LoadSpec m_spec;
    QByteArray m_publishesV311;
    QByteArray m_publishesV5;
    std::vector<qsizetype> m_endsV311; // where each packet of the buffers above ends
    std::vector<qsizetype> m_endsV5;
    int m_listenFd = -1;
};

// Publishes the spec's messages to a real broker (e.g. mosquitto) as fast as it accepts them,
// as an MQTT 3.1.1 client. Returns false with a message on stderr on failure.
bool publishToBroker(const LoadSpec &spec, const char *host, int port);

} // namespace mqttscope::bench
