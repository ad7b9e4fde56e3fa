// SPDX-License-Identifier: GPL-3.0-or-later
// A password that expires (Azure's SAS token) is asked for at each CONNECT: against a real
// mosquitto whose password file holds only the token of the moment, a client reconnecting after
// its token neared expiry logs in with a new one. The old token would be refused, and a refused
// login is not retried.
#include "mosquittobroker.h"
#include "profiles/sastokensource.h"
#include "testclient.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

const QString kResource = u"hub.azure-devices.net/devices/press-7"_s;
const QByteArray kKey = "a2V5LW9mLXByZXNzLTc=";
constexpr quint32 kLifetime = 600;

} // namespace

class tst_SasRenewal : public QObject
{
    Q_OBJECT
private slots:
    void reconnectLogsInWithRenewedToken();
};

void tst_SasRenewal::reconnectLogsInWithRenewedToken()
{
    auto now = std::make_shared<QDateTime>(QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC));
    auto source =
        std::make_shared<SasTokenSource>(kResource, kKey, kLifetime, [now] { return *now; });
    const QByteArray first =
        SasTokenSource::sign(kResource, kKey, now->toSecsSinceEpoch() + kLifetime);

    MosquittoBroker broker;
    broker.setUsers({{u"press-7"_s, QString::fromLatin1(first)}});
    MQTTSCOPE_START_BROKER(broker, {MosquittoBroker::Listener::PasswordTcp});

    ClientOptions options;
    options.endpoint = broker.endpoint(MosquittoBroker::Listener::PasswordTcp);
    options.version = VersionChoice::V311;
    options.clientId = u"press-7"_s;
    options.username = u"press-7"_s;
    options.passwordAtConnect = [source] { return source->token(); };
    options.reconnect.initialDelayMs = 100;
    options.reconnect.maximumDelayMs = 500;
    TestClient client;
    client->setOptions(options);
    QVERIFY(connectClient(client));

    // 20 s before the token ends, the broker restarts knowing only the next token.
    *now = now->addSecs(kLifetime - 20);
    const QByteArray next =
        SasTokenSource::sign(kResource, kKey, now->toSecsSinceEpoch() + kLifetime);
    QVERIFY(next != first);
    broker.setUsers({{u"press-7"_s, QString::fromLatin1(next)}});
    QVERIFY2(broker.restart(), qPrintable(broker.errorString()));

    QTRY_VERIFY2_WITH_TIMEOUT(client.recorder.connacks.size() == 2,
                              qPrintable(client.recorder.story()), 15000);
    QVERIFY(client.recorder.refusals.isEmpty()); // the old token: "not authorized", not retried
    QCOMPARE(source->expiry(), now->toSecsSinceEpoch() + kLifetime);
    client->disconnectFromBroker();
}

QTEST_GUILESS_MAIN(tst_SasRenewal)
#include "tst_sasrenewal.moc"
