// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop window through its real widgets, on the offscreen platform, against a real
// mosquitto: create a profile in the connection manager and connect, see topics arrive in the
// tree, select one and see its history and payload, publish at every QoS with and without
// retain and see it come back, delete a retained subtree, switch the payload format, filter.
#include "connectionmanagerdialog.h"
#include "connectiontab.h"
#include "fakebroker.h"
#include "guitestbench.h"
#include "mainwindow.h"
#include "noticebanner.h"
#include "profileeditor.h"
#include "publishpanel.h"
#include "secretsdialog.h"
#include "subscriptionspanel.h"
#include "userpropertieseditor.h"
#include "models/historymodel.h"
#include "models/topictreemodel.h"
#include "mosquittobroker.h"
#include "profiles/profilestore.h"
#include "views/payloadview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;
using namespace mqttscope::test;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

// Picks the item of `combo` whose data is `value`, as a user would (activated is emitted).
void choose(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

// The latest payload the tab holds for `topic`; empty while the topic is unknown.
QByteArray latestPayload(const ConnectionTab *tab, const QByteArray &topic)
{
    const TopicNodeId node = tab->topicStore().find(topic);
    return node == TopicStore::InvalidId ? QByteArray() : tab->topicStore().latestPayload(node);
}

// The index of the row named by `path` ("gui", "rank", ...) in the view's model; invalid when
// a level is not (yet) there.
QModelIndex rowAt(const QAbstractItemModel *model, const QStringList &path)
{
    QModelIndex parent;
    for (const QString &level : path) {
        QModelIndex found;
        for (int row = 0; row < model->rowCount(parent) && !found.isValid(); ++row) {
            if (model->index(row, 0, parent).data().toString() == level)
                found = model->index(row, 0, parent);
        }
        if (!found.isValid())
            return {};
        parent = found;
    }
    return parent;
}

// The color of a state dot, above its middle (clear of the refused bar).
QRgb dotColor(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16), 1.0).toImage().pixelColor(8, 5).rgb();
}

// Gives `widget` the keyboard as a user's click would: its window active (a modal question
// may have taken that), then the focus. Shortcuts only reach an active window.
bool focusForKeys(QWidget *widget)
{
    widget->window()->activateWindow();
    if (!QTest::qWaitForWindowActive(widget->window()))
        return false;
    widget->setFocus();
    return widget->hasFocus();
}

// Answers the next message box with `button` once it shows, keeping its text in *text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, text, tries = 250]() mutable {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (--tries == 0) // none came: stop rather than answer a later one
                poll->deleteLater();
            return;
        }
        *text = box->text();
        box->button(button)->click();
        poll->deleteLater();
    });
    poll->start();
}

// As a user double-clicks: the first click presses the row, the second opens it.
void doubleClick(QListWidget *list, QListWidgetItem *item)
{
    QSignalSpy doubleClicked(list, &QListWidget::itemDoubleClicked);
    const QPoint position = list->visualItemRect(item).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, position);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, position);
    QCOMPARE(doubleClicked.size(), 1);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_Gui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void createProfileAndConnect();
    void subscriptionsAreGranted();
    void topicsArriveInTheTree();
    void selectedTopicShowsHistoryAndPayload();
    void switchPayloadFormat();
    void deleteKeyClearsHistory();
    void publishComesBack_data();
    void publishComesBack();
    void publishHistoryRestoresProperties();
    void badTopicIsShownNextToTheField();
    void filterTopics_data();
    void filterTopics();
    void sortByTrafficFollowsLiveCounts_data();
    void sortByTrafficFollowsLiveCounts();
    void deleteRetainedSubtree();
    void shiftDeleteAsksThenDeletesRetained();
    void deleteKeyRemovesAProfile();
    void unsubscribeShowsTheResult_data();
    void unsubscribeShowsTheResult();
    void refusedConnectionShowsTheReason();
    void passwordAskedWhenTheKeychainHasNone();
    void autoVersionFallsBackInTheTab_data();
    void autoVersionFallsBackInTheTab();

private:
    ConnectionTab *tab() const { return m_window ? m_window->currentTab() : nullptr; }

    GuiTestBench m_bench;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Gui::initTestCase()
{
    QString error;
    QVERIFY2(m_bench.start(
                 &error, {MosquittoBroker::Listener::Tcp, MosquittoBroker::Listener::PasswordTcp}),
             qPrintable(error));
    // Retained before the window subscribes, so they reach it flagged retained.
    QVERIFY(m_bench.peer().publish("gui/retained/a", "1", 1, true));
    QVERIFY(m_bench.peer().publish("gui/retained/b/c", "2", 1, true));
    QVERIFY(m_bench.peer().publish("gui/kept", "stays", 1, true));

    m_profiles = std::make_unique<ProfileStore>(m_bench.filePath(u"profiles.json"_s));
    m_window = std::make_unique<MainWindow>(m_profiles.get(), m_bench.secrets());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_Gui::cleanupTestCase()
{
    m_window.reset();
}

void tst_Gui::createProfileAndConnect()
{
    ConnectionManagerDialog dialog(m_profiles.get(), m_bench.secrets(), m_window.get());
    dialog.createProfile();
    ProfileEditor *editor = dialog.editor();
    child<QLineEdit>(editor, u"profileName"_s)->setText(u"Test broker"_s);
    child<QLineEdit>(editor, u"profileHost"_s)->setText(u"127.0.0.1"_s);
    child<QSpinBox>(editor, u"profilePort"_s)
        ->setValue(m_bench.broker().port(MosquittoBroker::Listener::Tcp));
    child<QPushButton>(editor, u"randomClientId"_s)->click(); // on a page not shown, so no mouse

    QSignalSpy connectRequested(&dialog, &ConnectionManagerDialog::connectRequested);
    connect(&dialog, &ConnectionManagerDialog::connectRequested, m_window.get(),
            qOverload<const QUuid &>(&MainWindow::openProfile));
    QString question; // a new profile is a draft: Connect asks whether to save it
    answerNextMessageBox(QMessageBox::Save, &question);
    QTest::mouseClick(child<QPushButton>(&dialog, u"connectProfile"_s), Qt::LeftButton);
    QCOMPARE(connectRequested.size(), 1);
    m_window->activateWindow(); // from the question, as the user's next click would
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // Saved to the profile file before connecting.
    ProfileStore reloaded(m_profiles->filePath());
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.profiles().size(), 1);
    QCOMPARE(reloaded.profiles().constFirst().name, u"Test broker"_s);
    QVERIFY(reloaded.profiles().constFirst().clientId.startsWith(u"mqttscope"_s));

    QCOMPARE(m_window->tabCount(), 1);
    QVERIFY(tab());
    QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), ClientState::Connected, 10000);
    QVERIFY2(tab()->statusText().contains(u"Connected"_s), qPrintable(tab()->statusText()));
    QVERIFY(m_window->tabs()->tabText(0).contains(u"Test broker"_s));
    // The tab shows the state as a colored dot too.
    QCOMPARE(tab()->indicator(), ConnectionIndicator::Connected);
    QCOMPARE(dotColor(m_window->tabs()->tabIcon(0)),
             indicatorColor(ConnectionIndicator::Connected, m_window->palette()).rgb());
    // Fits a small laptop screen with a connection open.
    QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
}

void tst_Gui::subscriptionsAreGranted()
{
    QVERIFY(tab());
    // The profile's default subscriptions, each with its SUBACK result.
    QTRY_COMPARE_WITH_TIMEOUT(tab()->subscriptionsPanel()->resultOf(u"#"_s), u"granted QoS 0"_s,
                              5000);
    QTRY_COMPARE_WITH_TIMEOUT(tab()->subscriptionsPanel()->resultOf(u"$SYS/#"_s),
                              u"granted QoS 0"_s, 5000);
}

void tst_Gui::topicsArriveInTheTree()
{
    QVERIFY(tab());
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_bench.peer().publish("gui/sensors/" + QByteArray::number(i) + "/temperature",
                                       R"({"celsius": 2)" + QByteArray::number(i) + "}"));
    QTRY_VERIFY_WITH_TIMEOUT(
        tab()->topicStore().find("gui/sensors/4/temperature") != TopicStore::InvalidId, 5000);
    QTRY_VERIFY(tab()->topicStore().isRetained(tab()->topicStore().find("gui/retained/a")));
    // Retained while we watch: with retain as published the flag arrives too [MQTT-3.3.1-13].
    QVERIFY(m_bench.peer().publish("gui/watched/retained", "2", 1, true));
    QTRY_VERIFY_WITH_TIMEOUT(
        tab()->topicStore().find("gui/watched/retained") != TopicStore::InvalidId, 5000);
    QVERIFY(tab()->topicStore().isRetained(tab()->topicStore().find("gui/watched/retained")));

    // The tree view shows them: "gui" at the top level, its children below.
    const QAbstractItemModel *model = tab()->topicTree()->model();
    QModelIndex gui;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 for (int row = 0; row < model->rowCount(); ++row) {
                                     if (model->index(row, 0).data().toString() == u"gui"_s)
                                         gui = model->index(row, 0);
                                 }
                                 return gui.isValid();
                             }()),
                             5000);
    QVERIFY(model->rowCount(gui) >= 3); // sensors, retained, kept
}

void tst_Gui::selectedTopicShowsHistoryAndPayload()
{
    QVERIFY(tab());
    QVERIFY(m_bench.peer().publish("gui/sensors/0/temperature", R"({"celsius": 30})"));
    QTRY_COMPARE_WITH_TIMEOUT(
        tab()->topicStore().messageCount(tab()->topicStore().find("gui/sensors/0/temperature")),
        quint64(2), 5000);
    tab()->selectTopic("gui/sensors/0/temperature");
    QCOMPARE(tab()->selectedTopic(), QByteArray("gui/sensors/0/temperature"));
    QTRY_COMPARE(tab()->historyView()->model()->rowCount(), 2);
    QCOMPARE(tab()->historyView()->currentIndex().row(), 1); // the newest is shown
    QCOMPARE(tab()->payloadView()->message().payload, QByteArray(R"({"celsius": 30})"));
    QCOMPARE(tab()->payloadView()->format(), PayloadViewFormat::Json);
    QVERIFY2(tab()->payloadView()->renderedText().contains(u"celsius"_s),
             qPrintable(tab()->payloadView()->renderedText()));

    // A newer message follows while the newest row is selected.
    QVERIFY(m_bench.peer().publish("gui/sensors/0/temperature", R"({"celsius": 31})"));
    QTRY_COMPARE_WITH_TIMEOUT(tab()->payloadView()->message().payload,
                              QByteArray(R"({"celsius": 31})"), 5000);
    QCOMPARE(tab()->historyView()->model()->rowCount(), 3);
}

void tst_Gui::switchPayloadFormat()
{
    QVERIFY(tab());
    tab()->selectTopic("gui/sensors/0/temperature");
    PayloadView *view = tab()->payloadView();
    const QByteArray payload = view->message().payload;
    QVERIFY(!payload.isEmpty());
    auto *combo = view->findChild<QComboBox *>();
    QVERIFY(combo);
    choose(combo, int(PayloadViewFormat::Base64));
    QCOMPARE(view->format(), PayloadViewFormat::Base64);
    QVERIFY2(view->renderedText().contains(QString::fromLatin1(payload.toBase64())),
             qPrintable(view->renderedText()));
    choose(combo, int(PayloadViewFormat::Hex));
    QCOMPARE(view->format(), PayloadViewFormat::Hex);
    QCOMPARE(view->message().payload, payload); // the bytes never change
    choose(combo, int(PayloadViewFormat::Text));
    QCOMPARE(view->renderedText(), QString::fromUtf8(payload));
}

void tst_Gui::deleteKeyClearsHistory()
{
    QVERIFY(tab());
    tab()->selectTopic("gui/sensors/1/temperature");
    QTRY_COMPARE(tab()->historyView()->model()->rowCount(), 1);
    tab()->topicTree()->setFocus();
    QTest::keyClick(tab()->topicTree(), Qt::Key_Delete);
    QCOMPARE(tab()->historyView()->model()->rowCount(), 0);
    QVERIFY(tab()->payloadView()->message().payload.isEmpty());
    // The topic stays in the tree; only its history went.
    QVERIFY(tab()->topicStore().find("gui/sensors/1/temperature") != TopicStore::InvalidId);
}

void tst_Gui::publishComesBack_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<bool>("retain");
    QTest::addColumn<QString>("acknowledgement");
    QTest::newRow("QoS 0") << 0 << false << u"sent"_s;
    QTest::newRow("QoS 1") << 1 << false << u"PUBACK"_s;
    QTest::newRow("QoS 2") << 2 << false << u"PUBCOMP"_s;
    QTest::newRow("QoS 1 retained") << 1 << true << u"PUBACK"_s;
    QTest::newRow("QoS 2 retained") << 2 << true << u"PUBCOMP"_s;
}

void tst_Gui::publishComesBack()
{
    QFETCH(int, qos);
    QFETCH(bool, retain);
    QFETCH(QString, acknowledgement);
    QVERIFY(tab());
    PublishPanel *panel = tab()->publishPanel();
    const QByteArray topic =
        "gui/published/" + QByteArray(QTest::currentDataTag()).replace(' ', '-');
    const QByteArray payload = "hello at QoS " + QByteArray::number(qos);
    child<QLineEdit>(panel, u"publishTopic"_s)->setText(QString::fromUtf8(topic));
    child<QPlainTextEdit>(panel, u"publishPayload"_s)->setPlainText(QString::fromUtf8(payload));
    choose(child<QComboBox>(panel, u"publishFormat"_s), int(PayloadInputFormat::Text));
    choose(child<QComboBox>(panel, u"publishQos"_s), qos);
    child<QCheckBox>(panel, u"publishRetain"_s)->setChecked(retain);

    // Ctrl+Enter in the payload editor publishes.
    auto *editor = child<QPlainTextEdit>(panel, u"publishPayload"_s);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);

    // The outcome is shown, and our own subscription to # brings the message back.
    QTRY_VERIFY2_WITH_TIMEOUT(panel->lastOutcome().contains(acknowledgement),
                              qPrintable(panel->lastOutcome()), 5000);
    QVERIFY2(!panel->lastOutcome().contains(u"failed"_s), qPrintable(panel->lastOutcome()));
    QTRY_COMPARE_WITH_TIMEOUT(latestPayload(tab(), topic), payload, 5000);

    // A fresh subscriber sees it retained only when it was published retained [MQTT-3.3.1-5].
    const QList<Message> later = m_bench.peer().collect(QString::fromUtf8(topic), 300);
    QCOMPARE(later.size(), retain ? 1 : 0);
    if (retain) {
        QCOMPARE(later.constFirst().payload, payload);
        QVERIFY(later.constFirst().retain);
    }
}

void tst_Gui::publishHistoryRestoresProperties()
{
    QVERIFY(tab());
    PublishPanel *panel = tab()->publishPanel();
    const QByteArray topic = "gui/published/with-properties";
    child<QLineEdit>(panel, u"publishTopic"_s)->setText(QString::fromUtf8(topic));
    child<QPlainTextEdit>(panel, u"publishPayload"_s)->setPlainText(u"{\"on\": true}"_s);
    choose(child<QComboBox>(panel, u"publishFormat"_s), int(PayloadInputFormat::Json));
    choose(child<QComboBox>(panel, u"publishQos"_s), 1);
    child<QCheckBox>(panel, u"publishShowProperties"_s)->setChecked(true);
    child<QLineEdit>(panel, u"publishContentType"_s)->setText(u"application/json"_s);
    child<QCheckBox>(panel, u"publishPayloadIsUtf8"_s)->setChecked(true);
    child<QSpinBox>(panel, u"publishMessageExpiry"_s)->setValue(300);
    child<QLineEdit>(panel, u"publishResponseTopic"_s)->setText(u"gui/replies"_s);
    child<QLineEdit>(panel, u"publishCorrelationData"_s)->setText(u"request-7"_s);
    child<UserPropertiesEditor>(panel, u"publishUserProperties"_s)
        ->setProperties({{u"site"_s, u"lab"_s}, {u"site"_s, u"roof"_s}});
    const std::optional<Message> sent = panel->composeMessage();
    QVERIFY(sent);
    QCOMPARE(sent->properties->contentType.value_or(QString()), u"application/json"_s);
    QCOMPARE(sent->properties->userProperties.size(), 2);
    QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(panel->lastOutcome().contains(u"PUBACK"_s),
                              qPrintable(panel->lastOutcome()), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(latestPayload(tab(), topic), sent->payload, 5000);

    // Another publish without properties empties the form...
    child<QLineEdit>(panel, u"publishTopic"_s)->setText(u"gui/published/plain"_s);
    child<QPlainTextEdit>(panel, u"publishPayload"_s)->setPlainText(u"plain"_s);
    choose(child<QComboBox>(panel, u"publishFormat"_s), int(PayloadInputFormat::Text));
    child<QCheckBox>(panel, u"publishShowProperties"_s)->setChecked(false);
    QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(panel->lastOutcome().contains(u"plain"_s),
                              qPrintable(panel->lastOutcome()), 5000);

    // ...and a double-click on the first one in the history brings all of it back.
    auto *history = child<QListWidget>(panel, u"publishHistory"_s);
    QListWidgetItem *item = history->item(1); // newest first
    QCOMPARE(item->toolTip(), QString::fromUtf8(topic));
    doubleClick(history, item);
    QVERIFY(child<QCheckBox>(panel, u"publishShowProperties"_s)->isChecked());
    const std::optional<Message> reloaded = panel->composeMessage();
    QVERIFY(reloaded);
    QCOMPARE(reloaded->topic, sent->topic);
    QCOMPARE(reloaded->payload, sent->payload);
    QCOMPARE(reloaded->qos, sent->qos);
    QCOMPARE(reloaded->properties, sent->properties);

    // Loading the plain one clears the properties again.
    doubleClick(history, history->item(0));
    QVERIFY(!child<QCheckBox>(panel, u"publishShowProperties"_s)->isChecked());
    QVERIFY(panel->composeMessage()->properties.isEmpty());
}

void tst_Gui::badTopicIsShownNextToTheField()
{
    QVERIFY(tab());
    PublishPanel *panel = tab()->publishPanel();
    child<QLineEdit>(panel, u"publishTopic"_s)->setText(u"gui/+/wildcard"_s);
    QSignalSpy requested(panel, &PublishPanel::publishRequested);
    QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
    QCOMPARE(requested.size(), 0); // a topic name has no wildcards [MQTT-3.3.2-2]
    const auto messages = panel->findChildren<QLabel *>();
    const bool shown = std::any_of(messages.begin(), messages.end(), [](QLabel *l) {
        return l->isVisible() && l->text().contains(u"wildcard"_s, Qt::CaseInsensitive);
    });
    QVERIFY(shown);

    // Invalid JSON is refused too, with the reason.
    child<QLineEdit>(panel, u"publishTopic"_s)->setText(u"gui/json"_s);
    choose(child<QComboBox>(panel, u"publishFormat"_s), int(PayloadInputFormat::Json));
    child<QPlainTextEdit>(panel, u"publishPayload"_s)->setPlainText(u"{\"a\": "_s);
    QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    choose(child<QComboBox>(panel, u"publishFormat"_s), int(PayloadInputFormat::Text));
}

void tst_Gui::filterTopics_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("visible");
    QTest::addColumn<QByteArray>("hidden");
    QTest::newRow("substring") << int(TopicFilter::Mode::Substring) << u"TEMPERATURE"_s
                               << QByteArray("gui/sensors/3/temperature") << QByteArray("gui/kept");
    QTest::newRow("wildcard") << int(TopicFilter::Mode::Wildcard) << u"gui/retained/#"_s
                              << QByteArray("gui/retained/b/c")
                              << QByteArray("gui/sensors/1/temperature");
    QTest::newRow("regex") << int(TopicFilter::Mode::RegularExpression) << u"sensors/[0-2]/"_s
                           << QByteArray("gui/sensors/2/temperature")
                           << QByteArray("gui/sensors/3/temperature");
    QTest::newRow("payload") << int(TopicFilter::Mode::PayloadText) << u"stays"_s
                             << QByteArray("gui/kept") << QByteArray("gui/sensors/1/temperature");
}

void tst_Gui::filterTopics()
{
    QFETCH(int, mode);
    QFETCH(QString, pattern);
    QFETCH(QByteArray, visible);
    QFETCH(QByteArray, hidden);
    QVERIFY(tab());
    // Ctrl+F puts the cursor in the filter box.
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(tab()->filterEdit()->hasFocus());
    choose(tab()->filterModeBox(), mode);
    tab()->filterEdit()->setText(pattern);

    const TopicTreeModel *model = tab()->topicModel();
    const TopicStore &store = tab()->topicStore();
    QTRY_VERIFY_WITH_TIMEOUT(model->isFiltered(), 2000);
    QVERIFY(model->isNodeVisible(store.find(visible)));
    QVERIFY(!model->isNodeVisible(store.find(hidden)));
    tab()->filterEdit()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isFiltered(), 2000);
}

void tst_Gui::sortByTrafficFollowsLiveCounts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("group");
    QTest::newRow("by messages") << int(TopicTreeModel::MessagesColumn) << u"count"_s;
    QTest::newRow("by rate") << int(TopicTreeModel::RateColumn) << u"rate"_s;
}

void tst_Gui::sortByTrafficFollowsLiveCounts()
{
    QFETCH(int, column);
    QFETCH(QString, group);
    QVERIFY(tab());
    const QByteArray base = "gui/" + group.toUtf8() + '/';
    // a is the busiest, c the quietest.
    for (const auto &[level, count] : {std::pair{"a", 3}, {"b", 2}, {"c", 1}}) {
        for (int i = 0; i < count; ++i)
            QVERIFY(m_bench.peer().publish(base + level, QByteArray::number(i)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(tab()->topicStore().find(base + 'c') != TopicStore::InvalidId, 5000);
    QTreeView *tree = tab()->topicTree();
    const QAbstractItemModel *model = tree->model();
    choose(child<QComboBox>(tab(), u"sortOrder"_s), column);
    tree->expand(rowAt(model, {u"gui"_s}));
    tree->expand(rowAt(model, {u"gui"_s, group}));
    tab()->selectTopic(base + 'b');
    const auto firstRow = [&] {
        return model->index(0, 0, rowAt(model, {u"gui"_s, group})).data().toString();
    };

    // c gets busy: a steady stream, so it leads by count and by the rate of each second.
    QTimer stream;
    stream.setInterval(40);
    int sent = 0;
    connect(&stream, &QTimer::timeout, this, [&] {
        Message message;
        message.topic = base + 'c';
        message.payload = QByteArray::number(++sent);
        m_bench.peer().client().publish(message);
    });
    stream.start();
    // The tree re-sorts once a second (the timer of ConnectionTab), after the rate of a whole
    // second is known: within about two seconds c is on top.
    QTRY_COMPARE_WITH_TIMEOUT(firstRow(), u"c"_s, 3000);
    stream.stop();
    // The user's place survives the re-sort: the selected topic and the expanded branch.
    QCOMPARE(tab()->selectedTopic(), base + 'b');
    QVERIFY(tree->isExpanded(rowAt(model, {u"gui"_s, group})));
    choose(child<QComboBox>(tab(), u"sortOrder"_s), -1);
}

void tst_Gui::deleteRetainedSubtree()
{
    QVERIFY(tab());
    const TopicStore &store = tab()->topicStore();
    QCOMPARE(store.retainedUnder(store.find("gui/retained")).size(), 2);
    QCOMPARE(tab()->deleteRetained("gui/retained", false), 2);

    // The broker forgets them: a new subscriber gets none, while a retained message elsewhere
    // stays.
    QTRY_VERIFY_WITH_TIMEOUT(m_bench.peer().collect(u"gui/retained/#"_s, 200).isEmpty(), 5000);
    const QList<Message> kept = m_bench.peer().collect(u"gui/kept"_s, 200);
    QCOMPARE(kept.size(), 1);
    QVERIFY(kept.constFirst().retain);
    // Our tree saw the empty messages: nothing retained is left there either.
    QTRY_COMPARE_WITH_TIMEOUT(store.retainedUnder(store.find("gui/retained")).size(), 0, 5000);
    // And the tab says it is done, once the broker acknowledged each.
    auto *banner = child<NoticeBanner>(tab(), u"noticeBanner"_s);
    QTRY_COMPARE_WITH_TIMEOUT(banner->title(),
                              u"Deleted 2 retained message(s) under gui/retained."_s, 5000);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), NoticeBanner::Kind::Notice);
    banner->dismiss();
}

void tst_Gui::unsubscribeShowsTheResult_data()
{
    QTest::addColumn<VersionChoice>("version");
    QTest::addColumn<QString>("unsubscribed");
    // 5.0 answers per filter [MQTT-3.11.3-1]; 3.1.1's UNSUBACK has no payload, only "done".
    QTest::newRow("5.0") << VersionChoice::V5 << u"unsubscribed: Success"_s;
    QTest::newRow("3.1.1") << VersionChoice::V311 << u"unsubscribed"_s;
}

void tst_Gui::unsubscribeShowsTheResult()
{
    QFETCH(VersionChoice, version);
    QFETCH(QString, unsubscribed);
    ConnectionProfile profile;
    profile.name = u"Unsubscribe"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_bench.broker().port(MosquittoBroker::Listener::Tcp);
    profile.version = version;
    profile.subscriptions.clear();
    profile.autoReconnect = false;
    ConnectionTab *tab = m_window->openProfile(profile);
    const auto closeTab = qScopeGuard([&] { m_window->closeTab(m_window->tabs()->indexOf(tab)); });
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Connected, 10000);
    SubscriptionsPanel *panel = tab->subscriptionsPanel();
    child<QTabWidget>(tab, u"panelTabs"_s)->setCurrentWidget(panel);
    auto *list = child<QTreeWidget>(panel, u"subscriptionList"_s);
    const auto subscribeTo = [&](const QString &filter) {
        child<QLineEdit>(panel, u"subscriptionFilter"_s)->setText(filter);
        QTest::mouseClick(child<QPushButton>(panel, u"subscribeButton"_s), Qt::LeftButton);
    };
    const auto select = [&](const QString &filter) {
        const auto items = list->findItems(filter, Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        list->setCurrentItem(items.constFirst());
    };
    subscribeTo(u"gui/unsub/#"_s);
    subscribeTo(u"gui/kept-subscribed"_s);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultOf(u"gui/unsub/#"_s), u"granted QoS 0"_s, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultOf(u"gui/kept-subscribed"_s), u"granted QoS 0"_s, 5000);

    select(u"gui/unsub/#"_s);
    QTest::mouseClick(child<QPushButton>(panel, u"unsubscribeButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->resultOf(u"gui/unsub/#"_s), unsubscribed, 5000);
    // Listed until removed, but no longer made again after a reconnect.
    QCOMPARE(panel->subscriptions().size(), 1);
    QCOMPARE(panel->subscriptions().constFirst().first.filter, u"gui/kept-subscribed"_s);
    // The broker really dropped it: a message there no longer reaches the tab.
    QVERIFY(m_bench.peer().publish("gui/unsub/after", "x", 1));
    QVERIFY(m_bench.peer().publish("gui/kept-subscribed", "y", 1));
    QTRY_VERIFY_WITH_TIMEOUT(tab->topicStore().find("gui/kept-subscribed") != TopicStore::InvalidId,
                             5000);
    QCOMPARE(tab->topicStore().find("gui/unsub/after"), TopicStore::InvalidId);
    // Del on an unsubscribed row takes it off the list.
    select(u"gui/unsub/#"_s);
    QVERIFY(focusForKeys(list));
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(panel->resultOf(u"gui/unsub/#"_s), QString());

    // A request the connection cannot send fails with the reason, and the filter stays.
    tab->disconnectFromBroker();
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Disconnected, 5000);
    select(u"gui/kept-subscribed"_s);
    QTest::mouseClick(child<QPushButton>(panel, u"unsubscribeButton"_s), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        panel->resultOf(u"gui/kept-subscribed"_s).startsWith(u"unsubscribe failed: "_s),
        qPrintable(panel->resultOf(u"gui/kept-subscribed"_s)), 5000);
    QCOMPARE(panel->subscriptions().size(), 1);
}

void tst_Gui::shiftDeleteAsksThenDeletesRetained()
{
    QVERIFY(tab());
    QVERIFY(m_bench.peer().publish("gui/shift-del/a", "1", 1, true));
    QVERIFY(m_bench.peer().publish("gui/shift-del/b/c", "2", 1, true));
    // Live messages arrive without the retain flag [MQTT-3.3.1-9]; a new subscription brings
    // the stored ones flagged [MQTT-3.3.1-8].
    SubscriptionsPanel *panel = tab()->subscriptionsPanel();
    child<QLineEdit>(panel, u"subscriptionFilter"_s)->setText(u"gui/shift-del/#"_s);
    QTest::mouseClick(child<QPushButton>(panel, u"subscribeButton"_s), Qt::LeftButton);
    const TopicStore &store = tab()->topicStore();
    QTRY_VERIFY_WITH_TIMEOUT(store.find("gui/shift-del/b/c") != TopicStore::InvalidId
                                 && store.retainedUnder(store.find("gui/shift-del")).size() == 2,
                             5000);
    tab()->selectTopic("gui/shift-del");
    QVERIFY(focusForKeys(tab()->topicTree()));

    // No: nothing is deleted.
    QString question;
    answerNextMessageBox(QMessageBox::No, &question);
    QTest::keyClick(tab()->topicTree(), Qt::Key_Delete, Qt::ShiftModifier);
    QVERIFY2(question.contains(u"2"_s) && question.contains(u"gui/shift-del"_s),
             qPrintable(question));
    QCOMPARE(m_bench.peer().collect(u"gui/shift-del/#"_s, 200).size(), 2);

    // Yes: the broker forgets both [MQTT-3.3.1-10], and so does the tree.
    QVERIFY(focusForKeys(tab()->topicTree()));
    question.clear();
    answerNextMessageBox(QMessageBox::Yes, &question);
    QTest::keyClick(tab()->topicTree(), Qt::Key_Delete, Qt::ShiftModifier);
    QVERIFY2(question.contains(u"2"_s), qPrintable(question));
    QTRY_VERIFY_WITH_TIMEOUT(m_bench.peer().collect(u"gui/shift-del/#"_s, 200).isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(store.retainedUnder(store.find("gui/shift-del")).size(), 0, 5000);
}

void tst_Gui::deleteKeyRemovesAProfile()
{
    ConnectionManagerDialog dialog(m_profiles.get(), m_bench.secrets(), m_window.get());
    dialog.show();
    const qsizetype before = m_profiles->profiles().size();
    dialog.createProfile();
    child<QLineEdit>(dialog.editor(), u"profileName"_s)->setText(u"Short-lived"_s);
    child<QLineEdit>(dialog.editor(), u"profileHost"_s)->setText(u"127.0.0.1"_s);
    QVERIFY(dialog.saveCurrent());
    QCOMPARE(m_profiles->profiles().size(), before + 1);
    const QUuid id = dialog.currentProfileId();

    auto *list = child<QTreeWidget>(&dialog, u"profileList"_s);
    QVERIFY(focusForKeys(list));
    QString question;
    answerNextMessageBox(QMessageBox::Yes, &question);
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY2(question.contains(u"Short-lived"_s), qPrintable(question));
    QCOMPARE(m_profiles->profiles().size(), before);
    QVERIFY(!m_profiles->profile(id));
}

void tst_Gui::refusedConnectionShowsTheReason()
{
    // The password listener refuses anonymous clients; the tab says why.
    ConnectionProfile profile;
    profile.name = u"Refused"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_bench.broker().port(MosquittoBroker::Listener::PasswordTcp);
    profile.version = VersionChoice::V5;
    profile.autoReconnect = false;
    ConnectionTab *refused = m_window->openProfile(profile);
    QCOMPARE(m_window->tabCount(), 2);
    QTRY_VERIFY2_WITH_TIMEOUT(refused->statusText().contains(u"refused"_s, Qt::CaseInsensitive),
                              qPrintable(refused->statusText()), 10000);
    QCOMPARE(refused->state(), ClientState::Disconnected);
    QCOMPARE(refused->indicator(), ConnectionIndicator::Refused);
    const int refusedIndex = m_window->tabs()->indexOf(refused);
    QCOMPARE(dotColor(m_window->tabs()->tabIcon(refusedIndex)),
             indicatorColor(ConnectionIndicator::Refused, m_window->palette()).rgb());
    m_window->closeTab(m_window->tabs()->indexOf(refused));
    QCOMPARE(m_window->tabCount(), 1);
}

void tst_Gui::passwordAskedWhenTheKeychainHasNone()
{
    // A profile with a password the keychain does not hold (none here, or no entry): the tab
    // asks for it, keeps it in memory only, and connects with it.
    ConnectionProfile profile;
    profile.name = u"With password"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = m_bench.broker().port(MosquittoBroker::Listener::PasswordTcp);
    profile.username = u"alice"_s;
    profile.hasPassword = true;
    profile.autoReconnect = false;
    ConnectionTab *tab = m_window->openProfile(profile);
    SecretsDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = tab->findChild<SecretsDialog *>(u"secretsDialog"_s)), 10000);
    auto *password = dialog->findChild<QLineEdit *>(u"passwordField"_s);
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    password->setText(u"secret"_s);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(tab->state(), ClientState::Connected, 10000);

    bool remembered = false;
    m_bench.secrets()->read(profile.id,
                            [&](std::optional<ProfileSecrets> secrets, const QString &) {
                                remembered = secrets && secrets->password == "secret";
                            });
    QTRY_VERIFY(remembered);
    QVERIFY(!QFile(m_profiles->filePath()).exists()
            || !readAll(m_profiles->filePath()).contains("secret"));
    m_window->closeTab(m_window->tabs()->indexOf(tab));
}

// What 3.1.1-only brokers really answer a 5.0 CONNECT with, replayed by a fake: a profile on
// "auto" connects with 3.1.1, says so in the status line, and shows what the broker sends.
void tst_Gui::autoVersionFallsBackInTheTab_data()
{
    QTest::addColumn<FakeConnectReply>("refusal");
    for (const FakeBroker::FiveRefusal &row : FakeBroker::fiveRefusalsSeenInTheField())
        QTest::newRow(row.name) << row.reply;
}

void tst_Gui::autoVersionFallsBackInTheTab()
{
    QFETCH(FakeConnectReply, refusal);
    FakeBroker fake;
    QVERIFY2(fake.listen(), qPrintable(fake.errorString()));
    fake.actAsOldBroker(refusal, "old/broker", "hello");
    ConnectionProfile profile;
    profile.name = u"Old broker"_s;
    profile.host = u"127.0.0.1"_s;
    profile.port = fake.port();
    profile.version = VersionChoice::Auto;
    ConnectionTab *old = m_window->openProfile(profile);
    QTRY_COMPARE_WITH_TIMEOUT(old->state(), ClientState::Connected, 10000);
    QVERIFY2(old->statusText().contains(u"MQTT 3.1.1"_s), qPrintable(old->statusText()));
    QCOMPARE(fake.version(0), ProtocolVersion::V5);
    QCOMPARE(fake.version(fake.connectionCount() - 1), ProtocolVersion::V311);
    QTRY_VERIFY_WITH_TIMEOUT(old->topicModel()->rowCount() > 0, 10000);
    m_window->closeTab(m_window->tabs()->indexOf(old));
}

QTEST_MAIN(tst_Gui)
#include "tst_gui.moc"
