// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchwindow.h"

#include "connectiontab.h"
#include "loadsource.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::bench {

BenchWindow::BenchWindow()
    : m_window(&m_profiles, &m_secrets)
{
    m_window.resize(1280, 800);
    m_window.show();
}

ConnectionTab *BenchWindow::open(const Connection &connection)
{
    ConnectionProfile profile;
    profile.name = u"bench"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = connection.port;
    profile.version = connection.version;
    profile.keepAliveSeconds = connection.keepAliveSeconds;
    profile.clientId = u"mqttscope-bench"_s;
    profile.subscriptions = {Subscription{u"#"_s}};
    profile.autoReconnect = false;
    ConnectionTab *tab = m_window.openProfile(profile);
    // The client's open is queued ahead of the recorder: both reach the worker before any message.
    QString error;
    if (!connection.recordTo.isEmpty() && !tab->startRecording(connection.recordTo, {}, &error))
        return nullptr;
    if (!waitUntil([tab] { return tab->state() == ClientState::Connected; }, 10000))
        return nullptr;
    return tab;
}

ConnectionTab *BenchWindow::openOn(LoadSource &source, const QString &program,
                                   const QStringList &arguments, Connection connection,
                                   QString *error)
{
    if (!source.start(program, arguments, error))
        return nullptr;
    connection.port = source.port();
    ConnectionTab *tab = open(connection);
    if (!tab) {
        *error = connection.recordTo.isEmpty()
            ? u"could not connect to the load server"_s
            : u"could not connect to the load server, or record"_s;
    }
    return tab;
}

bool BenchWindow::waitUntil(const std::function<bool()> &done, int timeoutMs, int pollMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(pollMs);
    loop.exec();
    return done();
}

void BenchWindow::runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace mqttscope::bench
