// SPDX-License-Identifier: GPL-3.0-or-later
// The client's pure parts, which the integration tests cannot drive to their edges: the packet
// id allocator near exhaustion and wrap-around, and the reconnect backoff's growth, cap and jitter.

#include "client/packetidallocator.h"
#include "client/reconnectbackoff.h"

#include <QTest>

using namespace mqttscope;

class tst_ClientParts : public QObject
{
    Q_OBJECT

private slots:
    void packetIdsSkipIdsInUse()
    {
        PacketIdAllocator ids;
        QCOMPARE(ids.allocate(), quint16(1));
        QCOMPARE(ids.allocate(), quint16(2));
        ids.release(1);
        // Not reused at once: the next id follows the last one given.
        QCOMPARE(ids.allocate(), quint16(3));
        for (int i = 0; i < 65532; ++i)
            QVERIFY(ids.allocate() != 0);
        QVERIFY(ids.isExhausted() == false); // id 1 is still free
        // Wrapping around skips 0 [MQTT-2.3.1-1] and every id still in use [MQTT-2.2.1-3].
        QCOMPARE(ids.allocate(), quint16(1));
        QVERIFY(ids.isExhausted());
        QCOMPARE(ids.allocate(), quint16(0));
        ids.release(40000);
        ids.release(40000); // twice is harmless
        QCOMPARE(ids.inUseCount(), 65534);
        QCOMPARE(ids.allocate(), quint16(40000));
    }

    void backoffGrowsToTheCapWithJitter_data()
    {
        QTest::addColumn<double>("jitter");
        QTest::newRow("no jitter") << 0.0;
        QTest::newRow("20% jitter") << 0.2;
    }

    void backoffGrowsToTheCapWithJitter()
    {
        QFETCH(double, jitter);
        ReconnectPolicy policy;
        policy.initialDelayMs = 100;
        policy.maximumDelayMs = 1000;
        policy.multiplier = 2.0;
        policy.jitter = jitter;
        ReconnectBackoff backoff;
        backoff.setPolicy(policy);
        const QList<int> bases{100, 200, 400, 800, 1000, 1000, 1000};
        for (int round = 0; round < 50; ++round) {
            for (int base : bases) {
                const int delay = backoff.nextDelayMs();
                QVERIFY2(delay >= base * (1 - jitter) - 1 && delay <= base * (1 + jitter) + 1,
                         qPrintable(QStringLiteral("%1 for base %2").arg(delay).arg(base)));
            }
            backoff.reset(); // after a successful connection
        }
    }
};

QTEST_GUILESS_MAIN(tst_ClientParts)
#include "tst_clientparts.moc"
