// SPDX-License-Identifier: GPL-3.0-or-later
// Recording in a connection tab and reopening the file in a recording tab (issue 11), through the
// real widgets on the offscreen platform against a real mosquitto: the Record dialog, what the
// file holds (binary payloads unaltered, what the tab published), a failure in the banner, a
// burst recorded whole, and the recording tab's tree, timeline and play.
#include "connectionrecorder.h"
#include "connectiontab.h"
#include "guitestbench.h"
#include "mainwindow.h"
#include "messagepane.h"
#include "noticebanner.h"
#include "recordingbar.h"
#include "recordingdialog.h"
#include "recordingplayer.h"
#include "recordingtab.h"
#include "searchpanel.h"
#include "subscriptionspanel.h"
#include "timelinepanel.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "decode/formatrule.h"
#include "profiles/profilestore.h"
#include "recording/recordingreader.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

constexpr int arrivalTimeoutMs = 10000;

QByteArray binaryPayload()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes + QByteArray("\0\xff\xfe", 3);
}

} // namespace

class tst_GuiRecording : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void recordThenReopen();
    void reopenedWithTheProfilesFormats();
    void failureShowsInTheBanner();
    void burstIsRecordedWhole();
    void fullBudgetStopsWithTheReason();

private:
    // Waits until the tab's tree holds `payload` as `topic`'s latest message.
    bool waitForValue(const QByteArray &topic, const QByteArray &payload) const;
    void recordThroughTheDialog(const QString &path);
    static QByteArray latest(const TopicStore &store, const QByteArray &topic);

    GuiTestBench m_bench;
    std::unique_ptr<ConnectionTab> m_tab;
};

void tst_GuiRecording::initTestCase()
{
    QString error;
    QVERIFY2(m_bench.start(&error), qPrintable(error));
    m_tab = std::make_unique<ConnectionTab>(
        m_bench.profile(u"Recording"_s, Subscription{.filter = u"rec/#"_s}), m_bench.secrets());
    QVERIFY2(
        GuiTestBench::showConnected(*m_tab, {1200, 800}, u"rec/#"_s, u"granted QoS 0"_s, &error),
        qPrintable(error));
}

void tst_GuiRecording::cleanupTestCase()
{
    m_tab.reset();
}

QByteArray tst_GuiRecording::latest(const TopicStore &store, const QByteArray &topic)
{
    const TopicNodeId node = store.find(topic);
    return node == TopicStore::InvalidId ? QByteArray("<absent>") : store.latestPayload(node);
}

bool tst_GuiRecording::waitForValue(const QByteArray &topic, const QByteArray &payload) const
{
    return QTest::qWaitFor([&] { return latest(m_tab->topicStore(), topic) == payload; },
                           arrivalTimeoutMs);
}

void tst_GuiRecording::recordThroughTheDialog(const QString &path)
{
    // The dialog is modal: fill it in and press Record once it shows.
    QTimer::singleShot(0, this, [path] {
        auto *dialog = qobject_cast<RecordingDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QVERIFY(dialog->path().endsWith(u".mqttrec"_s)); // a timestamped default
        dialog->findChild<QLineEdit *>(u"recordingPath"_s)->setText(path);
        dialog->accept();
    });
    m_tab->recordingBar()->recordButton()->click();
}

void tst_GuiRecording::recordThenReopen()
{
    const QString path = m_bench.filePath(u"session.mqttrec"_s);
    recordThroughTheDialog(path);
    QVERIFY(m_tab->recorder()->isRecording());
    QVERIFY(!m_tab->recordingBar()->recordButton()->isEnabled());
    QVERIFY(m_tab->recordingBar()->stopButton()->isVisible());

    QVERIFY(m_bench.peer().publish("rec/value", "first", 1));
    QVERIFY(waitForValue("rec/value", "first"));
    QTest::qWait(300); // the two values a moment apart on the timeline
    QVERIFY(m_bench.peer().publish("rec/value", "second", 1));
    QVERIFY(m_bench.peer().publish("rec/binary", binaryPayload(), 1));
    Message published;
    published.topic = "rec/published";
    published.payload = "from the tab";
    m_tab->publish(published);
    QVERIFY(waitForValue("rec/binary", binaryPayload()));
    QVERIFY(waitForValue("rec/published", "from the tab"));
    // What the bar says follows the writer's commits.
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->recorder()->status().messagesWritten >= 5, 5000);
    QVERIFY2(m_tab->recordingBar()->statusText().startsWith(u"Recording · "_s),
             qPrintable(m_tab->recordingBar()->statusText()));
    m_tab->recordingBar()->stopButton()->click();
    QVERIFY(!m_tab->recorder()->isRecording());
    QVERIFY(m_tab->recordingBar()->statusText().startsWith(u"Recording stopped"_s));
    QCOMPARE(m_tab->banner()->kind(), NoticeBanner::Kind::None); // the user's stop is no news

    QString error;
    std::unique_ptr<RecordingTab> recording(RecordingTab::open(path, &error));
    QVERIFY2(recording, qPrintable(error));
    recording->resize(1200, 800);
    recording->show();
    QVERIFY(recording->title().startsWith(u"session.mqttrec ("_s));
    // Received four, published one (which came back as received too).
    QCOMPARE(recording->reader().summary().messageCount, 5);
    const TopicStore &store = recording->explorerData().store();
    QCOMPARE(latest(store, "rec/value"), "second"); // opened at its end
    QCOMPARE(latest(store, "rec/binary"), binaryPayload());
    QCOMPARE(latest(store, "rec/published"), "from the tab");

    // The history of a chosen topic comes from the file.
    recording->selectTopic("rec/value");
    QCOMPARE(recording->messagePane()->historyModel()->rowCount(), 2);

    // An early moment shows the earlier value, and its history only up to then.
    const QList<RecordedMessage> first = recording->reader().messagesAfter(0, LLONG_MAX, 1);
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().message.payload, "first");
    recording->seek(first.first().timeUs);
    QCOMPARE(latest(store, "rec/value"), "first");
    QCOMPARE(store.find("rec/binary"), TopicStore::InvalidId); // not there yet
    QCOMPARE(recording->selectedTopic(), "rec/value"); // the choice held across the seek
    QCOMPARE(recording->messagePane()->historyModel()->rowCount(), 1);

    // Play at 100×: the later messages arrive through the tree's ingest, the cursor moves.
    recording->timelinePanel()->speedBox()->setCurrentIndex(2);
    recording->timelinePanel()->playButton()->click();
    QVERIFY(recording->isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(latest(store, "rec/value"), "second", 5000);
    QTRY_COMPARE_WITH_TIMEOUT(latest(store, "rec/binary"), binaryPayload(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!recording->isPlaying(), 5000); // stops at the end
    QCOMPARE(recording->position(), recording->reader().summary().lastTimeUs);
    QCOMPARE(recording->messagePane()->historyModel()->rowCount(), 2);

    // A search over the file; its result shows the state as of the message found.
    SearchPanel *search = recording->searchPanel();
    search->topicEdit()->setText(u"rec/value"_s);
    search->payloadEdit()->setText(u"first"_s);
    QSignalSpy finished(search, &SearchPanel::searchFinished);
    search->startSearch();
    QVERIFY(finished.wait(5000));
    QTableView *results = search->resultsView();
    QCOMPARE(results->model()->rowCount(), 1);
    emit results->activated(results->model()->index(0, 0));
    QCOMPARE(latest(store, "rec/value"), "first");
    QCOMPARE(recording->position(), first.first().timeUs);
    QCOMPARE(recording->selectedTopic(), "rec/value");
}

void tst_GuiRecording::reopenedWithTheProfilesFormats()
{
    const QByteArray packed("\x81\xa5value\x2a", 8); // MessagePack for {"value":42}
    m_tab->decodeTopicsAs(FormatRule{u"rec/packed"_s, PayloadEncoding::MessagePack, {}});
    const QString path = m_bench.filePath(u"formats.mqttrec"_s);
    recordThroughTheDialog(path);
    QVERIFY(m_bench.peer().publish("rec/packed", packed, 1));
    QVERIFY(waitForValue("rec/packed", packed));
    QTRY_VERIFY_WITH_TIMEOUT(m_tab->recorder()->status().messagesWritten >= 1, 5000);
    m_tab->recordingBar()->stopButton()->click();

    const auto decodedIn = [](const RecordingTab *tab) {
        const TopicStore &store = tab->explorerData().store();
        const TopicNodeId node = store.find("rec/packed");
        return tab->explorerData().decoded().text(node, store.latestPayload(node));
    };
    // Found by its id; then, for a recording that names its profile only, by its name.
    ProfileStore saved(m_bench.filePath(u"profiles.json"_s));
    ConnectionProfile profile = m_tab->profile();
    saved.upsert(profile);
    MainWindow window(&saved, m_bench.secrets());
    QString error;
    RecordingTab *byId = window.openRecording(path, &error);
    QVERIFY2(byId, qPrintable(error));
    QCOMPARE(decodedIn(byId), R"({"value":42})");
    QCOMPARE(byId->banner()->kind(), NoticeBanner::Kind::None);

    saved.remove(profile.id);
    profile.id = QUuid::createUuid();
    profile.protoFiles = {m_bench.filePath(u"broken.proto"_s)};
    QFile broken(profile.protoFiles.constFirst());
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("syntax = \"proto3\";\nmessage Broken { int32 }\n");
    broken.close();
    saved.upsert(profile);
    RecordingTab *byName = window.openRecording(path, &error);
    QVERIFY2(byName, qPrintable(error));
    QCOMPARE(decodedIn(byName), R"({"value":42})");
    // A .proto that does not compile is named, with the compiler's line.
    QCOMPARE(byName->banner()->kind(), NoticeBanner::Kind::Warning);
    QVERIFY2(byName->banner()->reason().contains(u"broken.proto:2:"_s),
             qPrintable(byName->banner()->reason()));

    // Without its profile the recording still opens, its MessagePack undecoded.
    saved.remove(profile.id);
    RecordingTab *alone = window.openRecording(path, &error);
    QVERIFY2(alone, qPrintable(error));
    QCOMPARE(decodedIn(alone), packed);
}

void tst_GuiRecording::failureShowsInTheBanner()
{
    // A file where the folder should be: the folder cannot be made (root or not).
    const QString blocker = m_bench.filePath(u"not-a-folder"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + u"/inside/rec.mqttrec"_s;
    QString error;
    QVERIFY(!m_tab->startRecording(path, {}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_tab->banner()->kind(), NoticeBanner::Kind::Warning);
    QVERIFY2(m_tab->banner()->title().contains(u"rec.mqttrec"_s),
             qPrintable(m_tab->banner()->title()));
    QCOMPARE(m_tab->banner()->reason(), error); // the whole reason
    QVERIFY(!m_tab->recorder()->isRecording());
    QVERIFY(m_tab->recordingBar()->recordButton()->isEnabled());
}

void tst_GuiRecording::burstIsRecordedWhole()
{
    constexpr int count = 20000;
    const QString path = m_bench.filePath(u"burst.mqttrec"_s);
    RecordingOptions options;
    options.topicFilters = {u"rec/burst/#"_s};
    QString error;
    QVERIFY2(m_tab->startRecording(path, options, &error), qPrintable(error));
    const TopicStore &store = m_tab->topicStore();
    const auto received = [&store] {
        const TopicNodeId node = store.find("rec/burst");
        return node == TopicStore::InvalidId ? 0 : store.subtreeMessageCount(node);
    };
    const quint64 before = received();
    // Unpaced: all at once, as fast as the peer's socket takes them.
    for (int i = 0; i < count; ++i) {
        Message message;
        message.topic = "rec/burst/" + QByteArray::number(i % 100);
        message.payload = QByteArray::number(i);
        QVERIFY(m_bench.peer().client().publish(message) != 0);
    }
    QVERIFY(QTest::qWaitFor([&] { return received() - before >= quint64(count); }, 20000));
    m_tab->stopRecording();
    QCOMPARE(m_tab->recorder()->status().messagesWritten, count);
    const auto reader = RecordingReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->summary().messageCount, count);
    // In order and whole: the last one is the last one published.
    const QList<RecordedMessage> last =
        reader->messagesAfter(reader->summary().lastId - 1, LLONG_MAX, 1);
    QCOMPARE(last.first().message.payload, QByteArray::number(count - 1));
}

void tst_GuiRecording::fullBudgetStopsWithTheReason()
{
    const QString path = m_bench.filePath(u"small.mqttrec"_s);
    RecordingOptions options;
    options.byteBudget = 256 * 1024;
    options.whenFull = RecordingOptions::WhenFull::Stop;
    QString error;
    QVERIFY2(m_tab->startRecording(path, options, &error), qPrintable(error));
    const QByteArray kilobyte(1024, 'x');
    for (int i = 0; i < 600 && m_tab->recorder()->isRecording(); ++i) {
        // Each waits for its PUBACK, running the event loop the tab's status arrives through.
        QVERIFY(m_bench.peer().publish("rec/full/" + QByteArray::number(i % 10), kilobyte, 1));
    }
    // The recording ends on its own; the banner says so, with the writer's reason.
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->recorder()->isRecording(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->banner()->kind(), NoticeBanner::Kind::Warning, 2000);
    QVERIFY2(m_tab->banner()->reason().contains(u"budget"_s),
             qPrintable(m_tab->banner()->reason()));
    QVERIFY(m_tab->recorder()->status().budgetReached);
    QVERIFY(m_tab->recordingBar()->recordButton()->isEnabled()); // ready to record again
    const auto reader = RecordingReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error)); // what was written stays readable
    QVERIFY(reader->summary().messageCount > 0);
}

QTEST_MAIN(tst_GuiRecording)
#include "tst_guirecording.moc"
