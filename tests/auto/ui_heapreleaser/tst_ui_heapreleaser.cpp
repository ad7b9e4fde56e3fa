// SPDX-License-Identifier: GPL-3.0-or-later
// When the memory of a burst is given back: once a burst was applied and the intake stayed low
// for the quiet spell, never during a flood, and never for a trickle.
#include "heapreleaser.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

class tst_HeapReleaser : public QObject
{
    Q_OBJECT
private slots:
    void aBurstIsReleasedOnceQuiet();
    void aTrickleArmsNothing();
    void waitsWhileTheWindowIsBehind();
    void aFloodPostponesTheRelease();
    void releaseShrinksTheFreeHeap();
};

namespace {
constexpr int quietMsecs = 50;

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * qint64(sysconf(_SC_PAGESIZE)) : -1;
}
} // namespace

void tst_HeapReleaser::aBurstIsReleasedOnceQuiet()
{
    HeapReleaser releaser(nullptr, quietMsecs);
    QSignalSpy released(&releaser, &HeapReleaser::released);
    releaser.messagesApplied(HeapReleaser::BurstMessages, true);
    QVERIFY(releaser.isWaiting());
    QVERIFY(released.wait(2000));
    QCOMPARE(released.count(), 1);
    QVERIFY(!releaser.isWaiting());
    // The counter starts over: the next small batch arms nothing.
    releaser.messagesApplied(10, true);
    QVERIFY(!releaser.isWaiting());
}

void tst_HeapReleaser::aTrickleArmsNothing()
{
    HeapReleaser releaser(nullptr, quietMsecs);
    for (int i = 0; i < 100; ++i)
        releaser.messagesApplied(10, true);
    QVERIFY(!releaser.isWaiting()); // an idle window keeps no timer for it
}

void tst_HeapReleaser::waitsWhileTheWindowIsBehind()
{
    HeapReleaser releaser(nullptr, quietMsecs);
    releaser.messagesApplied(HeapReleaser::BurstMessages * 2, false);
    QVERIFY(!releaser.isWaiting()); // the batches still queued hold the memory
    releaser.messagesApplied(1, true);
    QVERIFY(releaser.isWaiting());
}

void tst_HeapReleaser::aFloodPostponesTheRelease()
{
    // A spell of its own several times the feeding interval, so a loaded machine's late timer
    // does not make a quiet spell in the middle of the flood.
    HeapReleaser releaser(nullptr, 300);
    QSignalSpy released(&releaser, &HeapReleaser::released);
    releaser.messagesApplied(HeapReleaser::BurstMessages, true);
    for (int i = 0; i < 80; ++i) { // 0.8 s of flood, about three spells
        releaser.messagesApplied(HeapReleaser::QuietMessages / 10 + 1, i % 2 == 0);
        QTest::qWait(10);
    }
    QCOMPARE(released.count(), 0);
    QVERIFY(releaser.isWaiting()); // for a spell that stays quiet
    QVERIFY(released.wait(3000));
}

void tst_HeapReleaser::releaseShrinksTheFreeHeap()
{
#ifdef __GLIBC__
    // 40 MiB of small blocks, freed but one in a thousand: the free chunks between the kept
    // ones stay resident until the release gives their pages back.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 400000; ++i) {
        blocks.emplace_back(new char[100]);
        std::memset(blocks.back().get(), 1, 100);
    }
    std::vector<std::unique_ptr<char[]>> keep;
    for (std::size_t i = 0; i < blocks.size(); i += 1000)
        keep.push_back(std::move(blocks[i]));
    blocks.clear();
    blocks.shrink_to_fit();
    const qint64 before = residentBytes();
    HeapReleaser releaser(nullptr, quietMsecs);
    QSignalSpy released(&releaser, &HeapReleaser::released);
    releaser.messagesApplied(HeapReleaser::BurstMessages, true);
    QVERIFY(released.wait(2000));
    const qint64 after = residentBytes();
    QVERIFY2(before - after > 16 * 1024 * 1024,
             qPrintable(QString::number((before - after) / 1024) + u" KiB given back"_s));
#else
    QSKIP("malloc_trim is glibc's");
#endif
}

QTEST_GUILESS_MAIN(tst_HeapReleaser)
#include "tst_ui_heapreleaser.moc"
