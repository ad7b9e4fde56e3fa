// SPDX-License-Identifier: GPL-3.0-or-later
// Big payloads arriving often on the topic a user watches: the message pane renders at most once
// per flush and then the latest, its text page holds the payload's start only (until "Show all"),
// nothing is copied on the way (the store, the history and the view share one buffer), the
// history keeps to its byte budget without losing count, and the diff is made only when shown.
// Asserts what is done, never how long it takes.
#include "explorer/explorerdata.h"
#include "explorer/payloadpreview.h"
#include "messagebuilder.h"
#include "messagepane.h"
#include "models/historymodel.h"
#include "views/diffview.h"
#include "views/payloadview.h"
#include "views/renderpacer.h"

#include <QHash>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

constexpr qsizetype MiB = 1024 * 1024;
const QByteArray Topic = "plant/camera/frames";

// A JSON document of `bytes` bytes whose first field is "seq" ("007"): consecutive ones differ
// early. Made once per size, then only the number is written.
QByteArray bigJson(qsizetype bytes, int seq)
{
    static QHash<qsizetype, QByteArray> made;
    QByteArray &json = made[bytes];
    if (json.isEmpty()) {
        json = "{\"seq\":\"000\",\"samples\":[";
        for (int i = 0; json.size() < bytes - 40; ++i)
            json += (i ? ",{\"t\":" : "{\"t\":") + QByteArray::number(i)
                + ",\"v\":" + QByteArray::number(i % 100) + '}';
        json += "]}";
        json.append(bytes - json.size(), ' ');
    }
    QByteArray copy = json;
    copy.replace(8, 3, QByteArray::number(seq).rightJustified(3, '0'));
    return copy;
}

Message message(const QByteArray &payload, int second)
{
    return test::MessageBuilder(Topic).payload(payload).receivedAt(1764680000000 + second * 1000);
}

} // namespace

class tst_BigPayloads : public QObject
{
    Q_OBJECT
private slots:
    void fourMebibytesFiftyTimes();
    void showAllRendersTheWhole();
    void diffIsMadeOnlyWhenShown();
    void followsTheNewestWhenTheHistoryIsFull();
};

void tst_BigPayloads::fourMebibytesFiftyTimes()
{
    constexpr int Messages = 50;
    constexpr qint64 Budget = 64 * MiB; // room for 15 of them
    ExplorerData data(MessageHistory::Limits{Budget, 1000});
    MessagePane pane(&data);
    pane.resize(900, 700);
    pane.show();
    data.ingest({message(bigJson(4 * MiB, 0), 0)}, 0);
    const TopicNodeId node = data.store().find(Topic);
    pane.setTopic(node);
    PayloadView *view = pane.payloadView();
    QCOMPARE(pane.renderPacer()->renders(), 1);

    QByteArray last;
    for (int i = 1; i < Messages; ++i) {
        last = bigJson(4 * MiB, i);
        data.ingest({message(last, i)}, 0);
        pane.refresh(); // what each flush of the tree does
        QCoreApplication::processEvents();
    }
    // At most once per flush, the latest once the pace allows.
    QVERIFY2(pane.renderPacer()->renders() <= Messages,
             qPrintable(QString::number(pane.renderPacer()->renders())));
    QTRY_VERIFY(!pane.renderPacer()->isWaiting());
    QCOMPARE(view->message().payload, last);

    // Shared, not copied: the view, the history and the store hold the same bytes.
    const QList<HistoryEntry> kept = data.history().entries(node);
    QCOMPARE(view->message().payload.constData(), kept.last().payload.constData());
    QCOMPARE(data.store().latestPayload(node).constData(), kept.last().payload.constData());

    // The page holds the start of the text only; the bytes stay whole.
    QVERIFY(view->isShownInPart());
    QVERIFY(view->renderedText().size() <= PayloadView::shownCharLimit);
    QVERIFY(view->renderedText().startsWith(u"{\n  \"seq\": \"049\","_s));
    QCOMPARE(view->message().payload.size(), 4 * MiB);

    // The older messages within the budget, the oldest gone, the count of what arrived kept;
    // the latest is the store's, on top of the budget.
    QVERIFY(data.history().bytesUsed() <= Budget);
    QCOMPARE(kept.size(), qsizetype(Budget / (4 * MiB + MessageHistory::EntryOverheadBytes)) + 1);
    QCOMPARE(pane.historyModel()->rowCount(), kept.size());
    QCOMPARE(data.statistics().total(Statistics::MessagesIn), Messages);
    QCOMPARE(pane.historyModel()->entry(0).sequence, kept.first().sequence);

    // The one-line previews look at the start only.
    const QString preview =
        pane.historyModel()->index(kept.size() - 1, HistoryModel::PayloadColumn).data().toString();
    QVERIFY2(preview.size() <= 80 && preview.startsWith(u"{\"seq\":\"049\","_s),
             qPrintable(preview));
    QVERIFY(Payload::preview(last).size() <= 80);
}

void tst_BigPayloads::showAllRendersTheWhole()
{
    PayloadView view;
    const QByteArray text = QByteArray(PayloadView::shownCharLimit * 2, 'x');
    view.setMessage(message(text, 0));
    view.setFormat(PayloadViewFormat::Text);
    QVERIFY(view.isShownInPart());
    // (Broken into lines of 1,000 for display.)
    QVERIFY(view.renderedText().remove(u'\n').size() <= PayloadView::shownCharLimit);
    view.showWhole();
    QVERIFY(!view.isShownInPart());
    QCOMPARE(view.renderedText().remove(u'\n'), QString::fromLatin1(text)); // lines broken only
    // The choice holds for the topic's next messages and ends with another topic.
    view.setMessage(message(text + "y", 1));
    QVERIFY(!view.isShownInPart());
    Message other = message(text, 2);
    other.topic = "other/topic";
    view.setMessage(other);
    QVERIFY(view.isShownInPart());

    // JSON and base64 are cut the same way.
    view.setMessage(message(bigJson(MiB, 3), 3));
    QCOMPARE(view.format(), PayloadViewFormat::Json);
    QVERIFY(view.isShownInPart());
    QVERIFY(view.renderedText().size() <= PayloadView::shownCharLimit);
    view.setFormat(PayloadViewFormat::Base64);
    QVERIFY(view.isShownInPart());
    QVERIFY(view.renderedText().size() <= PayloadView::shownCharLimit + 1000);
    QVERIFY(QByteArray(bigJson(MiB, 3).toBase64())
                .startsWith(view.renderedText().left(1000).remove(u'\n').toLatin1()));
}

void tst_BigPayloads::diffIsMadeOnlyWhenShown()
{
    ExplorerData data;
    MessagePane pane(&data);
    pane.show();
    data.ingest({message("{\"a\":1,\"b\":2}", 0), message("{\"a\":1,\"b\":3}", 1)}, 0);
    pane.setTopic(data.store().find(Topic));
    QVERIFY(pane.diffView()->lines().isEmpty()); // its tab is not the one shown
    auto *tabs = pane.findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(pane.diffView());
    QCOMPARE(pane.diffView()->lines().size(), 5); // {, "a", - "b": 2, + "b": 3, }

    // Shown, it follows the newest; too big a pair is told apart without a line diff.
    data.ingest({message(bigJson(DiffView::maximumBytes + 1, 7), 2)}, 0);
    pane.refresh();
    QTRY_VERIFY(!pane.renderPacer()->isWaiting());
    QVERIFY(pane.diffView()->lines().isEmpty());
}

// Full, the history drops one row above for each one below: the count stays, the newest moves.
void tst_BigPayloads::followsTheNewestWhenTheHistoryIsFull()
{
    ExplorerData data(MessageHistory::Limits{64 * MiB, 3});
    MessagePane pane(&data);
    data.ingest({message("0", 0)}, 0);
    pane.setTopic(data.store().find(Topic));
    for (int i = 1; i < 10; ++i) {
        data.ingest({message(QByteArray::number(i), i)}, 0);
        pane.refresh();
        QTRY_VERIFY(!pane.renderPacer()->isWaiting());
        QCOMPARE(pane.historyModel()->rowCount(), qMin(i + 1, 3));
        QCOMPARE(pane.historyView()->currentIndex().row(), pane.historyModel()->rowCount() - 1);
        QCOMPARE(pane.payloadView()->message().payload, QByteArray::number(i));
    }
}

QTEST_MAIN(tst_BigPayloads)
#include "tst_bigpayloads.moc"
