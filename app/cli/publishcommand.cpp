// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishcommand.h"

#include "protofiles.h"

#include <QCoreApplication>
#include <QFile>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
namespace {

// How many -l messages may be handed to the client before their acknowledgement (it sends at
// most its in-flight window of them at once, the rest wait in its queue), and how many lines
// may wait to be published before stdin is no longer read.
constexpr qsizetype maximumInFlight = 1000;
constexpr qsizetype maximumQueuedLines = 10000;

} // namespace

PublishCommand::PublishCommand(const SubcommandOptions &options, QObject *parent)
    : ClientCommand(options, parent)
{
    connect(&client(), &MqttClient::publishFinished, this, &PublishCommand::handlePublished);
    m_repeatTimer.setSingleShot(true);
    connect(&m_repeatTimer, &QTimer::timeout, this, &PublishCommand::publishRepeated);
}

bool PublishCommand::prepare(QString *error)
{
    if (!prepareEncoder(error) || !readMessage(error))
        return false;
    if (!m_encoder || m_lines || options().source == MessageSource::Null)
        return true;
    QString why;
    const std::optional<QByteArray> encoded = m_encoder->encode(m_payload, &why);
    if (!encoded) {
        *error = tr("Error: --encode %1: %2").arg(encodeArgument(), why);
        return false;
    }
    m_payload = *encoded;
    return true;
}

// The schemas are compiled and the message type looked up before anything is read or sent.
bool PublishCommand::prepareEncoder(QString *error)
{
    if (options().encodeAs == PayloadEncoding::Auto)
        return true;
    const std::optional<std::shared_ptr<const ProtobufSchemas>> schemas =
        ProtoFiles::load(options(), error);
    if (!schemas)
        return false;
    m_encoder.emplace(options().encodeAs, options().encodeMessageType, *schemas);
    if (const QString problem = m_encoder->problem(); !problem.isEmpty()) {
        *error = tr("Error: --encode %1: %2").arg(encodeArgument(), problem);
        return false;
    }
    return true;
}

QString PublishCommand::encodeArgument() const
{
    const QString format = Encoding::key(options().encodeAs);
    return options().encodeMessageType.isEmpty() ? format
                                                 : format + u':' + options().encodeMessageType;
}

bool PublishCommand::readMessage(QString *error)
{
    switch (options().source) {
    case MessageSource::Argument:
        m_payload = options().message;
        break;
    case MessageSource::File: {
        QFile file(options().file);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                tr("Error: Unable to open file \"%1\": %2").arg(options().file, file.errorString());
            return false;
        }
        m_payload = file.readAll();
        break;
    }
    case MessageSource::StdinWhole: {
        QFile input;
        if (!input.open(STDIN_FILENO, QIODevice::ReadOnly)) {
            *error = tr("Error: Unable to read stdin: %1").arg(input.errorString());
            return false;
        }
        m_payload = input.readAll();
        break;
    }
    case MessageSource::StdinLines:
        m_lines = std::make_unique<StdinLineReader>(STDIN_FILENO);
        m_lines->setPaused(true); // until connected
        connect(m_lines.get(), &StdinLineReader::linesAvailable, this,
                &PublishCommand::publishLines);
        break;
    case MessageSource::Null:
    case MessageSource::None:
        break;
    }
    return true;
}

void PublishCommand::onConnected(const ConnackPacket &, bool firstTime)
{
    if (m_lines)
        publishLines(); // carries on after a reconnect too
    else if (firstTime)
        publishRepeated(); // a reconnect resends what is in flight; nothing new to start
}

bool PublishCommand::send(const QByteArray &payload)
{
    Message message;
    message.topic = options().topics.constFirst().toUtf8();
    message.payload = payload;
    message.qos = options().qos;
    message.retain = options().retain;
    message.properties = options().publishProperties;
    const quint64 token = client().publish(message);
    if (token == 0) {
        m_failed = true; // errorOccurred has said why
        return false;
    }
    m_inFlight.insert(token);
    return true;
}

// A line that does not encode is named on stderr and skipped; the run then exits with 1.
void PublishCommand::sendLine(const QByteArray &line)
{
    ++m_linesTaken;
    if (!m_encoder) {
        send(line);
        return;
    }
    QString why;
    if (const std::optional<QByteArray> encoded = m_encoder->encode(line, &why)) {
        send(*encoded);
        return;
    }
    m_failed = true;
    printError(tr("Error: --encode %1: line %2 not sent: %3")
                   .arg(encodeArgument())
                   .arg(m_linesTaken)
                   .arg(why));
}

void PublishCommand::publishRepeated()
{
    ++m_published;
    if (!send(m_payload)) {
        finish(1);
        return;
    }
    finishWhenDone();
}

void PublishCommand::publishLines()
{
    if (isFinishing())
        return;
    if (client().state() == ClientState::Connected) {
        const qsizetype room = maximumInFlight - m_inFlight.size();
        if (room > 0) {
            const QList<QByteArray> lines = m_lines->takeLines(room);
            for (const QByteArray &line : lines)
                sendLine(line);
        }
    }
    m_lines->setPaused(m_lines->lineCount() >= maximumQueuedLines);
    finishWhenDone();
}

void PublishCommand::handlePublished(quint64 token, ReasonCode reason, const QString &reasonString)
{
    if (!m_inFlight.remove(token))
        return;
    if (isError(reason)) {
        m_failed = true;
        printError(tr("Warning: Publish failed: %1 (0x%2)%3")
                       .arg(reasonCodeName(reason))
                       .arg(int(reason), 2, 16, QLatin1Char('0'))
                       .arg(reasonString.isEmpty() ? QString() : u": "_s + reasonString));
    }
    if (m_lines) {
        publishLines();
        return;
    }
    if (m_inFlight.isEmpty() && m_published < options().repeatCount) {
        m_repeatTimer.start(int(options().repeatDelaySeconds * 1000));
        return;
    }
    finishWhenDone();
}

void PublishCommand::finishWhenDone()
{
    if (!m_inFlight.isEmpty() || m_repeatTimer.isActive())
        return;
    const bool allSent = m_lines ? m_lines->atEnd() : m_published >= options().repeatCount;
    if (allSent)
        finish(m_failed ? 1 : 0);
}

} // namespace mqttscope::cli
