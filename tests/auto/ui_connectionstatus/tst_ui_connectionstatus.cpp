// SPDX-License-Identifier: GPL-3.0-or-later
// The words of a connection's title and status line, and the broker limits it lists, from plain
// status values: no window, no broker.
#include "connectionstatustext.h"

#include <QLocale>
#include <QTest>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

namespace {

ConnectionStatus statusOf(ClientState state, const QString &detail = {})
{
    ConnectionStatus status;
    status.state = state;
    status.detail = detail;
    return status;
}

} // namespace

class tst_ConnectionStatus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void title_data();
    void title();
    void indicator();
    void connectedText();
    void reconnectCountdown_data();
    void reconnectCountdown();
    void disconnectedText();
    void traffic();
    void limits();
    void failures();
};

void tst_ConnectionStatus::title_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::newRow("connecting") << int(ClientState::Connecting) << QString()
                                << u"home · connecting"_s;
    QTest::newRow("connected") << int(ClientState::Connected) << QString() << u"home · connected"_s;
    QTest::newRow("reconnecting") << int(ClientState::Reconnecting) << u"reset"_s
                                  << u"home · reconnecting"_s;
    QTest::newRow("disconnected by the user")
        << int(ClientState::Disconnected) << QString() << u"home · disconnected"_s;
    // A reason means the connection ended without being asked to.
    QTest::newRow("dropped") << int(ClientState::Disconnected) << u"refused: Not authorized"_s
                             << u"home · offline"_s;
}

void tst_ConnectionStatus::title()
{
    QFETCH(int, state);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionStatusText::title(u"home"_s, statusOf(ClientState(state), detail)),
             expected);
}

void tst_ConnectionStatus::indicator()
{
    QCOMPARE(ConnectionStatusText::indicator(statusOf(ClientState::Connecting)),
             ConnectionIndicator::Connecting);
    QCOMPARE(ConnectionStatusText::indicator(statusOf(ClientState::Connected)),
             ConnectionIndicator::Connected);
    QCOMPARE(ConnectionStatusText::indicator(statusOf(ClientState::Reconnecting)),
             ConnectionIndicator::Reconnecting);
    ConnectionStatus status = statusOf(ClientState::Disconnected);
    QCOMPARE(ConnectionStatusText::indicator(status), ConnectionIndicator::Disconnected);
    status.refused = true;
    QCOMPARE(ConnectionStatusText::indicator(status), ConnectionIndicator::Refused);
}

void tst_ConnectionStatus::connectedText()
{
    ConnectionStatus status = statusOf(ClientState::Connected);
    status.version = ProtocolVersion::V311;
    QCOMPARE(ConnectionStatusText::state(u"h:1883"_s, status, 0),
             u"Connected to h:1883 (MQTT 3.1.1)"_s);
    status.version = ProtocolVersion::V5;
    status.pingMs = 3;
    status.catchingUp = true;
    QCOMPARE(ConnectionStatusText::state(u"h:1883"_s, status, 0),
             u"Connected to h:1883 (MQTT 5.0) · ping 3 ms · catching up…"_s);
    QCOMPARE(ConnectionStatusText::state(u"h:1883"_s, statusOf(ClientState::Connecting), 0),
             u"Connecting to h:1883…"_s);
}

void tst_ConnectionStatus::reconnectCountdown_data()
{
    QTest::addColumn<qint64>("left");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a little over 3 s") << qint64(3001) << u"Reconnecting in 4 s · reset"_s;
    QTest::newRow("3 s") << qint64(3000) << u"Reconnecting in 3 s · reset"_s;
    QTest::newRow("just now") << qint64(1) << u"Reconnecting in 1 s · reset"_s;
    QTest::newRow("overdue") << qint64(-5000) << u"Reconnecting in 0 s · reset"_s;
}

void tst_ConnectionStatus::reconnectCountdown()
{
    QFETCH(qint64, left);
    QFETCH(QString, expected);
    ConnectionStatus status = statusOf(ClientState::Reconnecting, u"reset"_s);
    status.reconnectAtMsecs = 100000 + left;
    QCOMPARE(ConnectionStatusText::state(u"h"_s, status, 100000), expected);
}

void tst_ConnectionStatus::disconnectedText()
{
    QCOMPARE(ConnectionStatusText::state(u"h"_s, statusOf(ClientState::Disconnected), 0),
             u"Disconnected"_s);
    QCOMPARE(ConnectionStatusText::state(u"h"_s, statusOf(ClientState::Disconnected, u"gone"_s), 0),
             u"Disconnected: gone"_s);
}

void tst_ConnectionStatus::traffic()
{
    Statistics::Snapshot s;
    s.perSecond[Statistics::MessagesIn] = 1234.4;
    s.perSecond[Statistics::BytesIn] = 2048;
    s.perSecond[Statistics::MessagesOut] = 0.4;
    s.totals[Statistics::MessagesIn] = 1000000;
    s.totals[Statistics::BytesIn] = 3 * 1024 * 1024;
    s.totals[Statistics::MessagesOut] = 7;
    s.totals[Statistics::BytesOut] = 700;
    QCOMPARE(ConnectionStatusText::traffic(s),
             u"In 1,234 msg/s, 2.0 KiB/s · out 0 msg/s, 0 bytes/s · total in 1,000,000 (3.0 MiB), "
             "out 7 (700 bytes)"_s);
}

void tst_ConnectionStatus::limits()
{
    QVERIFY(ConnectionStatusText::limits({}).isEmpty());
    Properties p;
    p.maximumQoS = 1;
    p.receiveMaximum = 20;
    p.maximumPacketSize = 1024 * 1024;
    p.topicAliasMaximum = 10;
    p.retainAvailable = 0;
    p.wildcardSubscriptionAvailable = 1; // available: not a limit
    p.sharedSubscriptionAvailable = 0;
    p.subscriptionIdentifierAvailable = 0;
    p.serverKeepAlive = 30;
    p.assignedClientIdentifier = u"auto-1"_s; // not a limit
    QCOMPARE(ConnectionStatusText::limits(p),
             QStringList({u"max QoS 1"_s, u"receive max 20"_s, u"max packet 1.0 MiB"_s,
                          u"topic aliases 10"_s, u"no retain"_s, u"no shared subscriptions"_s,
                          u"no subscription ids"_s, u"keepalive 30 s"_s}));
}

void tst_ConnectionStatus::failures()
{
    using Cause = ConnectionFailure::Cause;
    // Retrying: the attempts so far, then the last reason.
    ConnectionStatus status = statusOf(ClientState::Reconnecting, u"refused by h:1883"_s);
    status.failedAttempts = 3;
    status.failure = ConnectionFailure{Cause::Network, u"refused by h:1883"_s};
    status.reconnectAtMsecs = 2000;
    QCOMPARE(ConnectionStatusText::state(u"h"_s, status, 0),
             u"Reconnecting in 2 s · 3 failed attempt(s) · refused by h:1883"_s);
    // Stopped for good: says so, with the whole reason.
    status = statusOf(ClientState::Disconnected, u"Connection refused: Not authorized"_s);
    status.failure =
        ConnectionFailure{Cause::NotAuthorized, u"Connection refused: Not authorized"_s};
    QVERIFY(status.needsUser());
    QCOMPARE(ConnectionStatusText::state(u"h"_s, status, 0),
             u"Not reconnecting: Connection refused: Not authorized"_s);
    // A transient failure never stops: nothing for the user to fix.
    status.failure->cause = Cause::BrokerUnavailable;
    QVERIFY(!status.needsUser());
    QCOMPARE(ConnectionStatusText::failureTitle(Cause::TlsVerification, u"mqtts://h:8883"_s),
             u"The certificate of mqtts://h:8883 is not trusted"_s);
    QCOMPARE(ConnectionStatusText::failureTitle(Cause::Credentials, u"h"_s),
             u"h refused the connection"_s);
    // The proxy, not the broker, refused: the title says so.
    QCOMPARE(ConnectionStatusText::failureTitle(Cause::ProxyCredentials, u"mqtt://h:1883"_s),
             u"The proxy to mqtt://h:1883 refused the user name or password"_s);
    // Each cause the user must fix has its own advice.
    QSet<QString> hints;
    for (Cause cause : {Cause::Credentials, Cause::NotAuthorized, Cause::ClientIdentifier,
                        Cause::AuthenticationMethod, Cause::ServerMoved, Cause::ConnectOptions,
                        Cause::UnsupportedVersion, Cause::TlsVerification, Cause::TlsSetup,
                        Cause::ProxyCredentials})
        hints.insert(ConnectionStatusText::failureHint(cause));
    QCOMPARE(hints.size(), 10);
}

QTEST_GUILESS_MAIN(tst_ConnectionStatus)
#include "tst_ui_connectionstatus.moc"
