// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/clientoptions.h"
#include "decode/formatrule.h"
#include "protocol/properties.h"
#include "recording/recordingoptions.h"
#include "replay/replayoptions.h"
#include "search/messageimport.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mqttscope::cli {

enum class Subcommand { Sub, Pub, Replay, Import, Help, Version };

// How `sub` prints each message (mosquitto_sub's modes plus --json).
enum class OutputMode {
    Payload, // the payload bytes only (mosquitto_sub's default)
    Verbose, // -v: "topic payload"
    Format, // -F: mosquitto_sub's format string
    Json, // --json: one JSON object per line, see MessageJson
};

// Where `pub` takes its message from (exactly one of -m -f -l -n -s).
enum class MessageSource { None, Argument, File, StdinLines, Null, StdinWhole };

// Everything the command line asked for: the client's options plus what to do with the
// connection. Built by ArgumentParser, run by SubscribeCommand, PublishCommand or ReplayCommand.
struct SubcommandOptions
{
    Subcommand subcommand = Subcommand::Help;
    ClientOptions client;
    bool debug = false;
    QStringList topics; // -t: filters for sub, topic names for pub (the first is used)
    quint8 qos = 0;

    // MQTT 5 properties given with -D for the packets other than CONNECT (those and the will's
    // are in `client`).
    Properties publishProperties;
    Properties subscribeProperties;
    Properties unsubscribeProperties;
    Properties disconnectProperties;
    Properties willProperties; // moved into client.will once the will topic is known

    // sub
    OutputMode output = OutputMode::Payload;
    QByteArray format; // -F, kept as bytes: it is applied to bytes
    bool appendNewline = true; // -N turns it off
    QStringList filterOut; // -T
    QStringList unsubscribeTopics; // -U
    int messageCount = 0; // -C, 0 = unlimited
    int timeoutSeconds = 0; // -W, 0 = none
    bool exitAfterSubscribe = false; // -E
    bool skipRetained = false; // -R
    bool retainedOnly = false; // --retained-only
    bool removeRetained = false; // --remove-retained
    bool retainAsPublished = false; // --retain-as-published
    QString recordFile; // --record: also write every message received to this recording
    RecordingOptions recording; // --record-budget, --record-when-full
    QList<FormatRule> formatRules; // --decode, in the order given
    QStringList protoFiles; // --proto (sub and pub)
    QStringList protoImportPaths; // --proto-path (sub and pub)

    // pub
    MessageSource source = MessageSource::None;
    QByteArray message; // -m
    QString file; // -f
    bool retain = false;
    int repeatCount = 1; // --repeat
    double repeatDelaySeconds = 0; // --repeat-delay
    // --encode FORMAT[:TYPE]: the message is JSON, sent as Protobuf or MessagePack; Auto = as is
    PayloadEncoding encodeAs = PayloadEncoding::Auto;
    QString encodeMessageType;

    // replay
    QString replayFile; // FILE
    ReplayOptions replay; // --speed, --as-fast, --rewrite, --published, -r, --no-retain, -q, -D

    // import
    QString importFile; // FILE: JSON lines or mosquitto_sub -v output; "-" for standard input
    QString importOutput; // --output: the new recording
    MessageImport::Format importFormat = MessageImport::Format::Auto; // --format
};

} // namespace mqttscope::cli
