// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscribecommand.h"

#include "protocol/topic.h"

#include <QCoreApplication>

#include <unistd.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::cli {
SubscribeCommand::SubscribeCommand(const SubcommandOptions &options, QObject *parent)
    : ClientCommand(options, parent)
    , m_formatter(options.output, options.format, options.appendNewline)
    , m_output(STDOUT_FILENO)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { stop(timedOutExitCode, tr("Timed out")); });
    connect(&client(), &MqttClient::messagesReceived, this, &SubscribeCommand::handleMessages);
    connect(&client(), &MqttClient::subscribeFinished, this, &SubscribeCommand::handleSubscribed);
    connect(&client(), &MqttClient::unsubscribeFinished, this,
            [this](quint64 token) { handleUnsubscribed(token); });
    connect(&client(), &MqttClient::publishFinished, this,
            [this](quint64 token) { handlePublished(token); });
    for (const QString &filter : options.filterOut)
        m_filterOut.append(filter.toUtf8());
}

void SubscribeCommand::onConnected(const ConnackPacket &, bool firstTime)
{
    // mosquitto_sub's -W starts once connected.
    if (firstTime && options().timeoutSeconds > 0)
        m_timeout.start(options().timeoutSeconds * 1000);
    // Subscribe on every connect: a broker that restarted without persistence forgot us.
    m_pendingAcks.clear();
    if (!options().topics.isEmpty()) {
        QList<Subscription> subscriptions;
        for (const QString &filter : options().topics) {
            Subscription subscription;
            subscription.filter = filter;
            subscription.qos = options().qos;
            subscription.retainAsPublished = options().retainAsPublished;
            subscriptions.append(subscription);
            debug(u"sending SUBSCRIBE (Topic: %1, QoS: %2)"_s.arg(filter).arg(options().qos));
        }
        if (const quint64 token = client().subscribe(subscriptions, options().subscribeProperties))
            m_pendingAcks.append(token);
    }
    if (!options().unsubscribeTopics.isEmpty()) {
        debug(u"sending UNSUBSCRIBE (%1)"_s.arg(options().unsubscribeTopics.join(u", "_s)));
        if (const quint64 token = client().unsubscribe(options().unsubscribeTopics,
                                                       options().unsubscribeProperties)) {
            m_pendingAcks.append(token);
        }
    }
    maybeExitAfterSubscribe();
}

void SubscribeCommand::handleSubscribed(quint64 token, const SubackPacket &suback)
{
    QStringList granted;
    bool anyGranted = false;
    for (ReasonCode reason : suback.reasons) {
        granted.append(QString::number(int(reason)));
        anyGranted = anyGranted || !isError(reason);
    }
    debug(u"received SUBACK"_s);
    if (options().debug)
        printError(u"Subscribed (mid: %1): %2"_s.arg(suback.packetId).arg(granted.join(u", "_s)));
    if (!anyGranted && !suback.reasons.isEmpty()) {
        stop(1, tr("All subscription requests were denied."));
        return;
    }
    handleUnsubscribed(token);
}

void SubscribeCommand::handleUnsubscribed(quint64 token)
{
    m_pendingAcks.removeOne(token);
    maybeExitAfterSubscribe();
}

void SubscribeCommand::maybeExitAfterSubscribe()
{
    if (options().exitAfterSubscribe && m_pendingAcks.isEmpty())
        stop(0);
}

void SubscribeCommand::handleMessages(const QList<Message> &messages)
{
    for (const Message &message : messages) {
        if (!m_processing || !handleMessage(message))
            break;
    }
    m_output.flush();
}

bool SubscribeCommand::handleMessage(const Message &message)
{
    // The order of mosquitto_sub's checks.
    const SubcommandOptions &o = options();
    if (o.retainedOnly && !message.retain) {
        stop(0); // the first fresh message ends --retained-only
        return false;
    }
    if (o.skipRetained && message.retain)
        return true;
    // const: a non-const loop detaches the list, which for an empty one allocates every time
    for (const QByteArray &filter : std::as_const(m_filterOut)) {
        if (Topic::matches(filter, message.topic))
            return true;
    }
    if (o.removeRetained && message.retain) {
        Message clear;
        clear.topic = message.topic;
        clear.qos = 1;
        clear.retain = true;
        if (const quint64 token = client().publish(clear))
            m_pendingRemovals.append(token);
    }
    QByteArray errors;
    m_formatter.append(message, m_output.buffer(), &errors);
    if (!errors.isEmpty())
        printError(QString::fromLocal8Bit(errors.chopped(1)));
    m_output.flushIfFull();
    if (o.messageCount > 0 && ++m_received >= o.messageCount) {
        stop(0);
        return false;
    }
    return true;
}

void SubscribeCommand::stop(int exitCode, const QString &errorLine)
{
    m_processing = false;
    m_timeout.stop();
    m_output.flush();
    m_stopExitCode = exitCode;
    m_stopErrorLine = errorLine;
    // Like mosquitto_sub, disconnect only once the retained messages asked to be removed are.
    if (m_pendingRemovals.isEmpty())
        finish(exitCode, errorLine);
}

void SubscribeCommand::handlePublished(quint64 token)
{
    if (m_pendingRemovals.removeOne(token) && !m_processing && m_pendingRemovals.isEmpty())
        finish(m_stopExitCode, m_stopErrorLine);
}

} // namespace mqttscope::cli
