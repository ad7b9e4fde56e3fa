// SPDX-License-Identifier: GPL-3.0-or-later
// Which failed attempts are worth repeating: a network that drops or a busy broker may pass; a
// refused login, a rejected client id or an untrusted certificate fails the same way again.
#include "client/connectionfailure.h"

#include <QTest>

using namespace mqttscope;
using Cause = ConnectionFailure::Cause;

class tst_ConnectionFailure : public QObject
{
    Q_OBJECT
private slots:
    void refusals_data();
    void refusals();
    void transportFailures();
};

void tst_ConnectionFailure::refusals_data()
{
    QTest::addColumn<ReasonCode>("reason");
    QTest::addColumn<Cause>("cause");
    QTest::addColumn<bool>("retryCanHelp");
    // 3.1.1 return codes 1..5 (its table 3.1) arrive as these 5.0 reason codes.
    QTest::newRow("unacceptable version (3.1.1 rc 1)")
        << ReasonCode::UnsupportedProtocolVersion << Cause::UnsupportedVersion << false;
    QTest::newRow("identifier rejected (rc 2)")
        << ReasonCode::ClientIdentifierNotValid << Cause::ClientIdentifier << false;
    QTest::newRow("server unavailable (rc 3)")
        << ReasonCode::ServerUnavailable << Cause::BrokerUnavailable << true;
    QTest::newRow("bad user name or password (rc 4)")
        << ReasonCode::BadUserNameOrPassword << Cause::Credentials << false;
    QTest::newRow("not authorized (rc 5)")
        << ReasonCode::NotAuthorized << Cause::NotAuthorized << false;
    QTest::newRow("banned") << ReasonCode::Banned << Cause::NotAuthorized << false;
    QTest::newRow("bad authentication method")
        << ReasonCode::BadAuthenticationMethod << Cause::AuthenticationMethod << false;
    QTest::newRow("server busy") << ReasonCode::ServerBusy << Cause::BrokerUnavailable << true;
    QTest::newRow("connection rate exceeded")
        << ReasonCode::ConnectionRateExceeded << Cause::BrokerUnavailable << true;
    QTest::newRow("quota exceeded")
        << ReasonCode::QuotaExceeded << Cause::BrokerUnavailable << true;
    QTest::newRow("unspecified") << ReasonCode::UnspecifiedError << Cause::BrokerUnavailable
                                 << true;
    QTest::newRow("use another server")
        << ReasonCode::UseAnotherServer << Cause::ServerMoved << false;
    QTest::newRow("server moved") << ReasonCode::ServerMoved << Cause::ServerMoved << false;
    QTest::newRow("will topic invalid")
        << ReasonCode::TopicNameInvalid << Cause::ConnectOptions << false;
    QTest::newRow("will QoS not supported")
        << ReasonCode::QoSNotSupported << Cause::ConnectOptions << false;
    QTest::newRow("will retain not supported")
        << ReasonCode::RetainNotSupported << Cause::ConnectOptions << false;
    QTest::newRow("malformed") << ReasonCode::MalformedPacket << Cause::Protocol << true;
}

void tst_ConnectionFailure::refusals()
{
    QFETCH(ReasonCode, reason);
    QFETCH(Cause, cause);
    QFETCH(bool, retryCanHelp);
    QCOMPARE(ConnectionFailure::causeOfRefusal(reason), cause);
    QCOMPARE((ConnectionFailure{cause, {}}.retryCanHelp()), retryCanHelp);
}

void tst_ConnectionFailure::transportFailures()
{
    QCOMPARE(ConnectionFailure::causeOf(Transport::FailureKind::Network), Cause::Network);
    QCOMPARE(ConnectionFailure::causeOf(Transport::FailureKind::TlsVerification),
             Cause::TlsVerification);
    QCOMPARE(ConnectionFailure::causeOf(Transport::FailureKind::TlsSetup), Cause::TlsSetup);
    QVERIFY((ConnectionFailure{Cause::Network, {}}.retryCanHelp()));
    QVERIFY(!(ConnectionFailure{Cause::TlsVerification, {}}.retryCanHelp()));
    QVERIFY(!(ConnectionFailure{Cause::TlsSetup, {}}.retryCanHelp()));
    // A proxy that refuses the user name or password refuses it again.
    QCOMPARE(ConnectionFailure::causeOf(Transport::FailureKind::ProxyAuthentication),
             Cause::ProxyCredentials);
    QVERIFY(!(ConnectionFailure{Cause::ProxyCredentials, {}}.retryCanHelp()));
}

QTEST_GUILESS_MAIN(tst_ConnectionFailure)
#include "tst_connectionfailure.moc"
