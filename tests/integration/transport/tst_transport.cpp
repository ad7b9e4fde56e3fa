// SPDX-License-Identifier: GPL-3.0-or-later
#include "mosquittobroker.h"

#include <QProcess>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

class TransportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fixtureListens();
    void fixtureWorksWithMosquittoPub_data();
    void fixtureWorksWithMosquittoPub();

private:
    MosquittoBroker m_broker;
};

void TransportTest::initTestCase()
{
    using L = MosquittoBroker::Listener;
    MQTTSCOPE_START_BROKER(m_broker, {L::Tcp, L::Tls, L::TlsClientCert, L::Ws, L::Wss, L::PasswordTcp});
}

void TransportTest::fixtureListens()
{
    using L = MosquittoBroker::Listener;
    for (L listener : {L::Tcp, L::Tls, L::TlsClientCert, L::Ws, L::Wss, L::PasswordTcp}) {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_broker.port(listener));
        QVERIFY2(socket.waitForConnected(2000), qPrintable(socket.errorString()));
    }
    QVERIFY2(m_broker.log().contains("running"), m_broker.log().constData());
}

// The broker and certificates are right independently of our transports: mosquitto's own
// client publishes through each TCP-based listener.
void TransportTest::fixtureWorksWithMosquittoPub_data()
{
    using L = MosquittoBroker::Listener;
    QTest::addColumn<L>("listener");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("accepted");
    const TestCertificates &certs = m_broker.certificates();
    const QStringList ca{u"--cafile"_s, certs.caFile()};
    const QStringList client{u"--cert"_s, certs.clientCertFile(), u"--key"_s, certs.clientKeyFile()};
    QTest::newRow("tcp") << L::Tcp << QStringList() << true;
    QTest::newRow("tls") << L::Tls << ca << true;
    QTest::newRow("tls, wrong CA") << L::Tls << QStringList{u"--cafile"_s, certs.otherCaFile()} << false;
    QTest::newRow("tls client cert") << L::TlsClientCert << ca + client << true;
    QTest::newRow("tls client cert missing") << L::TlsClientCert << ca << false;
    QTest::newRow("password") << L::PasswordTcp << QStringList{u"-u"_s, u"alice"_s, u"-P"_s, u"secret"_s} << true;
    QTest::newRow("wrong password") << L::PasswordTcp << QStringList{u"-u"_s, u"alice"_s, u"-P"_s, u"nope"_s} << false;
}

void TransportTest::fixtureWorksWithMosquittoPub()
{
    QFETCH(MosquittoBroker::Listener, listener);
    QFETCH(QStringList, arguments);
    QFETCH(bool, accepted);
    QProcess pub;
    pub.setProcessChannelMode(QProcess::MergedChannels);
    pub.start(u"mosquitto_pub"_s, QStringList{u"-h"_s, u"127.0.0.1"_s, u"-p"_s,
                                              QString::number(m_broker.port(listener)), u"-t"_s,
                                              u"fixture/check"_s, u"-m"_s, u"x"_s}
                                      + arguments);
    QVERIFY2(pub.waitForFinished(10000), "mosquitto_pub hung");
    QCOMPARE(pub.exitCode() == 0, accepted);
}

QTEST_GUILESS_MAIN(TransportTest)
#include "tst_transport.moc"
