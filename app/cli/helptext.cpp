// SPDX-License-Identifier: GPL-3.0-or-later
#include "helptext.h"

#include <QCoreApplication>

namespace mqttscope::cli::HelpText {
namespace {

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope::cli::HelpText", text);
}

QString connectionOptions()
{
    return tr("Connection:\n"
              " -h, --host HOST      broker host (default localhost)\n"
              " -p, --port PORT      broker port (default 1883, 8883 with TLS)\n"
              " -L, --url URL        mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path; for "
              "mqtt[s]\n"
              "                      the path is the topic, for ws[s] the WebSocket path\n"
              " --proxy PROXY_URL    through a proxy: socks5h://[user[:pass]@]host[:port]\n"
              "                      (default port 1080, names resolved by the proxy) or\n"
              "                      http://[user[:pass]@]host[:port] (CONNECT, default 8080)\n"
              " -V, --protocol-version auto|mqttv5|mqttv311|mqttv31 (also 5, 311, 31); default "
              "auto:\n"
              "                      5.0, falling back to 3.1.1 when the broker refuses 5.0\n"
              " -i, --id ID          client id (default: assigned by the broker)\n"
              " -I, --id-prefix P    client id made of P and the process id\n"
              " -u, --username USER  -P, --pw PASSWORD\n"
              " -k, --keepalive SEC  keepalive, 5..65535 (default 60)\n"
              " -c, --disable-clean-session  persistent session (needs -i or -I)\n"
              " -x SECONDS           session expiry interval (MQTT 5; -1 = never)\n"
              " -q, --qos 0|1|2      QoS to subscribe or publish with (default 0)\n"
              " -D, --property COMMAND IDENTIFIER VALUE   MQTT 5 property, as mosquitto: COMMAND "
              "is\n"
              "                      CONNECT, PUBLISH, SUBSCRIBE, UNSUBSCRIBE, DISCONNECT or "
              "WILL,\n"
              "                      IDENTIFIER e.g. user-property NAME VALUE, content-type,\n"
              "                      message-expiry-interval, receive-maximum, "
              "session-expiry-interval\n"
              " --will-topic T  --will-payload P  --will-qos Q  --will-retain\n"
              " -d, --debug          print connection events and packets to stderr\n"
              "TLS:\n"
              " --cafile FILE  --capath DIR   trusted CAs (default: the OS trust store)\n"
              " --tls-use-os-certs   TLS with the OS trust store\n"
              " --cert FILE --key FILE        client certificate and key (PEM)\n"
              " --key-passphrase PASS         passphrase of an encrypted key or of --pkcs12\n"
              " --pkcs12 FILE        client certificate and key in one PKCS#12 file\n"
              " --insecure           do not verify the server certificate and host name\n"
              " --tls-alpn PROTOCOL  ALPN protocol, e.g. x-amzn-mqtt-ca\n")
        + tr("Delivery:\n"
             " --max-inflight N     QoS 1/2 messages awaiting their ack at most (default 20;\n"
             "                      0 = no limit); brokers drop what exceeds their quota\n");
}

} // namespace

QString overview()
{
    return tr("mqttscope-cli %1: MQTT 5.0/3.1.1 command-line client, a drop-in for "
              "mosquitto_sub and mosquitto_pub.\n\n"
              "Usage: mqttscope-cli sub [OPTIONS] -t TOPIC...\n"
              "       mqttscope-cli pub [OPTIONS] -t TOPIC {-m MESSAGE | -f FILE | -l | -n | -s}\n"
              "       mqttscope-cli replay [OPTIONS] FILE\n"
              "       mqttscope-cli import FILE --output RECORDING\n"
              "       mqttscope-cli sub --help | pub --help | replay --help | import --help | "
              "--version\n")
        .arg(QCoreApplication::applicationVersion());
}

namespace {

QString replayUsage()
{
    return tr("Usage: mqttscope-cli replay [OPTIONS] FILE\n"
              "Publishes the messages a recording received, on their recorded schedule, and "
              "waits\n"
              "until every one is acknowledged (PUBACK/PUBCOMP, or written for QoS 0).\n\n"
              "Replay:\n"
              " FILE                 a recording file (docs/recording.md)\n"
              " --speed X            X times the recorded pace, e.g. 0.5, 10, 100 (default 1)\n"
              " --as-fast            as fast as the broker acknowledges, ignoring the times\n"
              " --rewrite FROM=TO    topics starting with FROM start with TO instead\n"
              "                      (e.g. prod/=test/; =replay/ puts replay/ before every "
              "topic)\n"
              " --published          also what the recording connection published\n"
              " -r, --retain         publish every message retained  --no-retain  none retained\n"
              " -q and -D PUBLISH replace the recorded QoS and MQTT 5 properties of every "
              "message.\n"
              "A progress line on stderr while it runs (on a terminal) and a summary at the "
              "end.\n\n")
        + connectionOptions()
        + tr("\nExit status: 0 when every message was acknowledged; the CONNACK reason code "
             "when the broker refused; 1 otherwise (the file cannot be read, a message was not "
             "acknowledged, the connection ended, SIGINT/SIGTERM stopped it), with the reason on "
             "stderr.\n");
}

QString importUsage()
{
    return tr("Usage: mqttscope-cli import FILE --output RECORDING [--format "
              "auto|json|mosquitto]\n"
              "Reads messages saved as text into a new recording file (docs/recording.md).\n\n"
              " FILE                 what to read; - for standard input\n"
              " -o, --output RECORDING   the recording to create (it must not exist)\n"
              " --format auto|json|mosquitto   how FILE is written (default auto: json when its\n"
              "                      first line starts with '{', else mosquitto):\n"
              "   json               JSON lines, the format of sub's JSON output: time, QoS,\n"
              "                      flags and MQTT 5 properties are kept\n"
              "   mosquitto          \"topic payload\" lines, as mosquitto_sub prints them in its\n"
              "                      verbose mode: no time, QoS or properties there, so each\n"
              "                      message gets the import's time and QoS 0; \"(null)\" is an\n"
              "                      empty payload; a payload with a line break reads as two\n"
              " --help               this text\n"
              "A line that cannot be read is skipped and named on stderr by its number; the rest "
              "is imported.\n\n"
              "Exit status: 0 when the recording was written (skipped lines are counted on "
              "stderr); 1 when it could not be (bad arguments, an existing or unwritable file, a "
              "full disk).\n");
}

} // namespace

QString usage(Subcommand subcommand)
{
    if (subcommand == Subcommand::Replay)
        return replayUsage();
    if (subcommand == Subcommand::Import)
        return importUsage();
    if (subcommand == Subcommand::Pub) {
        return tr("Usage: mqttscope-cli pub [OPTIONS] -t TOPIC {-m MESSAGE | -f FILE | -l | -n | "
                  "-s}\n"
                  "Publishes and waits until every message is acknowledged (PUBACK/PUBCOMP).\n\n"
                  "Message:\n"
                  " -t, --topic TOPIC    topic to publish to\n"
                  " -m, --message TEXT   -f, --file FILE   -n, --null-message\n"
                  " -l, --stdin-line     each line of stdin is a message; reconnects and carries "
                  "on\n"
                  " -s, --stdin-file     all of stdin is one message\n"
                  " -r, --retain         --repeat N   --repeat-delay SECONDS\n\n"
                  "Encoding (the message is JSON, sent in a binary format):\n"
                  " --encode FORMAT[:TYPE]\n"
                  "                      protobuf:package.Message or msgpack; JSON that does not "
                  "parse\n"
                  "                      or fit the type is an error (exit status 1) and nothing "
                  "is\n"
                  "                      sent; with -l, a line that fails is named and skipped\n"
                  " --proto FILE         a .proto file giving the protobuf message types "
                  "(repeatable)\n"
                  " --proto-path DIR     where the .proto files' imports are found "
                  "(repeatable)\n\n")
            + connectionOptions()
            + tr("\nExit status: 0 when every message was acknowledged; the CONNACK reason "
                 "code when the broker refused; 1 otherwise, with one line on stderr.\n");
    }
    return tr("Usage: mqttscope-cli sub [OPTIONS] -t TOPIC...\n"
              "Subscribes and prints each message; reconnects and carries on after a lost "
              "connection.\n\n"
              "Subscription:\n"
              " -t, --topic FILTER   topic filter, repeatable\n"
              " -T, --filter-out F   do not print topics matching F, repeatable\n"
              " -U, --unsubscribe F  unsubscribe from F after subscribing, repeatable\n"
              " -C COUNT             exit after COUNT messages\n"
              " -W SECONDS           exit after SECONDS (exit status 27, \"Timed out\")\n"
              " -E                   exit once subscribed\n"
              " -R                   do not print retained (stale) messages\n"
              " --retained-only      print retained messages only; exit at the first fresh one\n"
              " --remove-retained    clear each retained message received\n"
              " --retain-as-published  MQTT 5 subscription option\n\n"
              "Output (to stdout):\n"
              " (default)            the payload\n"
              " -v, --verbose        \"topic payload\", exactly as mosquitto_sub -v\n"
              " -F FORMAT            mosquitto_sub's format: %t topic, %p payload, %q QoS, %r "
              "retain,\n"
              "                      %l length, %x/%X hex, %I ISO-8601 time, %U Unix time, %j/%J "
              "JSON,\n"
              "                      %C %D %E %F %P %R %S %A MQTT 5 properties, @H strftime, \\n "
              "escapes;\n"
              "                      %d the payload decoded as JSON (see Decoding; else as it "
              "is)\n"
              " -N                   no newline after each message\n"
              " --json               one JSON object per line:\n"
              "   "
              "{\"time\":\"2024-05-01T12:00:00.123Z\",\"topic\":\"a/b\",\"qos\":1,\"retain\":false,"
              "\"dup\":false,\n"
              "    "
              "\"properties\":{\"content-type\":\"text/plain\",\"user-property\":[[\"k\",\"v\"]]},"
              "\"payload\":\"text\"}\n"
              "   time: receive time, UTC, milliseconds. properties: MQTT 5 properties named as "
              "for "
              "-D,\n"
              "   {} for 3.1.1. payload: the payload when it is valid UTF-8, otherwise\n"
              "   \"payload_base64\":\"...\" in its place (likewise "
              "\"correlation-data-base64\").\n\n"
              "Decoding (with --json, a \"decoded\" field, or \"decodeError\"; with -F, %d):\n"
              " --decode FILTER=FORMAT[:TYPE]\n"
              "                      read payloads on topics matching FILTER as FORMAT: "
              "sparkplug,\n"
              "                      protobuf:package.Message, msgpack (json, text...: not "
              "decoded);\n"
              "                      repeatable, the first match wins; spBv1.0/ topics are\n"
              "                      Sparkplug B without one\n"
              " --proto FILE         a .proto file giving the protobuf message types (repeatable)\n"
              " --proto-path DIR     where the .proto files' imports are found (repeatable)\n\n"
              "Recording (besides the output):\n"
              " --record FILE        write every message received to FILE, an SQLite recording\n"
              "                      (docs/recording.md); appends when FILE is one already\n"
              " --record-budget SIZE the file's size budget, e.g. 500M, 2G (default 2G)\n"
              " --record-when-full stop|drop-oldest\n"
              "                      at the budget: stop (exit status 1) or delete the oldest\n"
              "                      messages and go on (default stop)\n\n")
        + connectionOptions()
        + tr("\nExit status: 0 on success; the CONNACK reason code when the broker refused; "
             "27 on -W timeout; 1 otherwise, with one line on stderr.\n");
}

} // namespace mqttscope::cli::HelpText
