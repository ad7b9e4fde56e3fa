// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokerpeer.h"
#include "mosquittobroker.h"
#include "profiles/connectionprofile.h"
#include "profiles/secretstore.h"

#include <QSize>
#include <QTemporaryDir>

#include <memory>

namespace mqttscope {
class ConnectionTab;
}

namespace mqttscope::test {

// What a GUI test sets up around its window: QStandardPaths' test mode and QSettings in a folder
// of its own (nothing of the user's is read or written), the test keychain's store, and a
// mosquitto with a BrokerPeer beside the window.
class GuiTestBench
{
public:
    GuiTestBench();

    // Starts mosquitto on `listeners` and connects the peer to the TCP one; false with *error.
    bool start(QString *error,
               const QList<MosquittoBroker::Listener> &listeners = {
                   MosquittoBroker::Listener::Tcp});
    MosquittoBroker &broker() { return m_broker; }
    const MosquittoBroker &broker() const { return m_broker; }
    BrokerPeer &peer() { return *m_peer; }
    SecretStore *secrets() { return m_secrets.get(); }
    // A file in the bench's own folder, beside the settings.
    QString filePath(const QString &name) const { return m_config.filePath(name); }

    // A profile of the broker's TCP listener with one subscription. It does not reconnect: a lost
    // connection fails the test instead of hiding.
    ConnectionProfile profile(const QString &name, const Subscription &subscription) const;
    // Shows `tab` at `size`, connects it and waits (bounded) until the subscription panel says
    // `granted` for `filter`; false with *error.
    static bool showConnected(ConnectionTab &tab, QSize size, const QString &filter,
                              const QString &granted, QString *error);

private:
    QTemporaryDir m_config;
    MosquittoBroker m_broker;
    std::unique_ptr<BrokerPeer> m_peer;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace mqttscope::test
