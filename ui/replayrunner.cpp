// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayrunner.h"

#include "client/mqttclient.h"
#include "replay/replayer.h"

#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ReplayRunner::ReplayRunner(QObject *parent)
    : QObject(parent)
{
}

ReplayRunner::~ReplayRunner()
{
    if (!m_thread)
        return;
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(
            m_client,
            [client = m_client, replayer = m_replayer] {
                replayer->stop();
                client->disconnectFromBroker();
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    delete m_client; // its thread has finished: nothing runs it any more
}

void ReplayRunner::start(const ClientOptions &client, const ReplayOptions &options,
                         std::unique_ptr<ReplaySource> source)
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"replay"_s);
    m_client = new MqttClient;
    m_client->setOptions(client);
    m_replayer = new Replayer(m_client, m_client);
    m_replayer->setOptions(options);
    m_replayer->setSource(std::move(source));
    // Kept until the runner goes (see the destructor), so that a late pause() or stop() finds
    // it: posted to a finished thread, such a call is never run.
    m_client->moveToThread(m_thread);

    connect(m_replayer, &Replayer::progressChanged, this, &ReplayRunner::progressChanged);
    connect(m_replayer, &Replayer::finished, this, [this](const ReplaySummary &summary) {
        m_running = false;
        emit finished(summary);
    });
    // On the replay's thread: the connection ends with the replay, the thread with the connection.
    QThread *thread = m_thread;
    MqttClient *c = m_client;
    connect(m_replayer, &Replayer::finished, m_client, [c] { c->disconnectFromBroker(); });
    connect(m_client, &MqttClient::stateChanged, m_client, [thread](ClientState state) {
        if (state == ClientState::Disconnected)
            thread->quit();
    });
    m_running = true;
    m_thread->start();
    QMetaObject::invokeMethod(m_replayer, &Replayer::start, Qt::QueuedConnection);
}

void ReplayRunner::pause()
{
    if (m_running)
        QMetaObject::invokeMethod(m_replayer, &Replayer::pause, Qt::QueuedConnection);
}

void ReplayRunner::resume()
{
    if (m_running)
        QMetaObject::invokeMethod(m_replayer, &Replayer::resume, Qt::QueuedConnection);
}

void ReplayRunner::stop()
{
    if (m_running)
        QMetaObject::invokeMethod(m_replayer, &Replayer::stop, Qt::QueuedConnection);
}

} // namespace mqttscope
