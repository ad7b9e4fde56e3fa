// SPDX-License-Identifier: GPL-3.0-or-later
#include "guitestbench.h"
#include "connectiontab.h"
#include "subscriptionspanel.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

GuiTestBench::GuiTestBench()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    m_secrets = std::make_unique<SecretStore>(u"mqttscope-test"_s);
    m_secrets->setTimeoutMs(2000);
}

bool GuiTestBench::start(QString *error, const QList<MosquittoBroker::Listener> &listeners)
{
    if (!m_broker.start(listeners)) {
        *error = m_broker.errorString();
        return false;
    }
    m_peer = std::make_unique<BrokerPeer>(m_broker.endpoint(MosquittoBroker::Listener::Tcp));
    if (!m_peer->connect()) {
        *error = u"the peer client could not connect to the test broker"_s;
        return false;
    }
    return true;
}

ConnectionProfile GuiTestBench::profile(const QString &name, const Subscription &subscription) const
{
    ConnectionProfile profile;
    profile.name = name;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_broker.port(MosquittoBroker::Listener::Tcp);
    profile.autoReconnect = false;
    profile.subscriptions = {subscription};
    return profile;
}

bool GuiTestBench::showConnected(ConnectionTab &tab, QSize size, const QString &filter,
                                 const QString &granted, QString *error)
{
    tab.resize(size);
    tab.show();
    if (!QTest::qWaitForWindowExposed(&tab)) {
        *error = u"the tab was not exposed"_s;
        return false;
    }
    tab.connectToBroker();
    if (!QTest::qWaitFor([&] { return tab.state() == ClientState::Connected; }, 10000)) {
        *error = u"the tab did not connect"_s;
        return false;
    }
    const auto result = [&] { return tab.subscriptionsPanel()->resultOf(filter); };
    if (!QTest::qWaitFor([&] { return result() == granted; }, 10000)) {
        *error = u"%1: \"%2\", not \"%3\""_s.arg(filter, result(), granted);
        return false;
    }
    return true;
}

} // namespace mqttscope::test
