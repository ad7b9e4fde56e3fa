// SPDX-License-Identifier: GPL-3.0-or-later
// mqttscope-loadserver: the benchmarks' load source. Serves pre-encoded PUBLISH packets to
// subscribers as fast as the socket takes them (or at a steady --rate), or floods a real broker
// as a publisher. --distinct N encodes N messages and sends them in turn, for streams too long
// (or payloads too big) to encode whole; --json-fill makes a big payload a JSON document. Prints
// the port, then one JSON line per served client (see ServeReport).
#include "loadserver.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace mqttscope::bench;

static void usage()
{
    std::fprintf(
        stderr,
        "usage: mqttscope-loadserver [--port P] [--clients C] [--messages N] [--topics T]\n"
        "                            [--payload BYTES] [--qos 0|1] [--retain] [--prefix P]\n"
        "                            [--rate MSG_PER_S] [--sparkplug] [--publish-to HOST:PORT]\n"
        "                            [--distinct N] [--json-fill]\n"
        "Serves C subscribers one after the other (printing the port first, then a JSON\n"
        "line per client), or with --publish-to floods a broker with the same messages\n"
        "as a QoS 0 publisher.\n");
}

int main(int argc, char *argv[])
{
    LoadSpec spec;
    int port = 0, clients = 1;
    std::string publishTo;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        auto next = [&] { return std::string(argv[++i]); };
        if (arg == "--port" && hasValue)
            port = std::stoi(next());
        else if (arg == "--clients" && hasValue)
            clients = std::stoi(next());
        else if (arg == "--messages" && hasValue)
            spec.messages = std::stoull(next());
        else if (arg == "--topics" && hasValue)
            spec.topics = std::uint32_t(std::stoul(next()));
        else if (arg == "--payload" && hasValue)
            spec.payloadBytes = std::uint32_t(std::stoul(next()));
        else if (arg == "--qos" && hasValue)
            spec.qos = std::stoi(next());
        else if (arg == "--prefix" && hasValue)
            spec.topicPrefix = QByteArray::fromStdString(next());
        else if (arg == "--rate" && hasValue)
            spec.messagesPerSecond = std::stod(next());
        else if (arg == "--retain")
            spec.retain = true;
        else if (arg == "--sparkplug")
            spec.sparkplug = true;
        else if (arg == "--distinct" && hasValue)
            spec.distinct = std::stoull(next());
        else if (arg == "--json-fill")
            spec.jsonFill = true;
        else if (arg == "--publish-to" && hasValue)
            publishTo = next();
        else {
            usage();
            return 2;
        }
    }
    if (spec.topics == 0 || spec.qos < 0 || spec.qos > 1 || spec.messagesPerSecond < 0
        || (spec.distinct > 0 && (spec.sparkplug || spec.qos > 0))) {
        usage();
        return 2;
    }
    if (!publishTo.empty()) {
        const auto colon = publishTo.rfind(':');
        if (colon == std::string::npos) {
            usage();
            return 2;
        }
        return publishToBroker(spec, publishTo.substr(0, colon).c_str(),
                               std::stoi(publishTo.substr(colon + 1)))
            ? 0
            : 1;
    }
    LoadServer server(spec);
    const int bound = server.listen(port);
    if (bound < 0) {
        std::perror("mqttscope-loadserver: listen");
        return 1;
    }
    std::printf("%d\n", bound);
    std::fflush(stdout);
    server.serve(clients, [](const ServeReport &r) {
        std::printf("{\"sent\":%llu,\"acked\":%llu,\"send_s\":%.6f,\"keepalive_s\":%d,"
                    "\"pings\":%d,\"max_silence_ms\":%.3f,\"disconnected\":%s}\n",
                    static_cast<unsigned long long>(r.sent),
                    static_cast<unsigned long long>(r.acked), r.sendSeconds, r.keepAliveSeconds,
                    r.pings, r.maxSilenceMs, r.disconnected ? "true" : "false");
        std::fflush(stdout);
    });
    return 0;
}
