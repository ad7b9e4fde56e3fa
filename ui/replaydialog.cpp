// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaydialog.h"

#include "profilesecretsrequest.h"
#include "replayrunner.h"

#include "explorer/historyexporter.h"
#include "profiles/profilestore.h"
#include "replay/messagelistsource.h"
#include "replay/recordingfilesource.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

} // namespace

ReplayDialog::ReplayDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Replay"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createSourceBox());
    layout->addWidget(createTargetBox());
    layout->addWidget(createOptionsBox());
    layout->addWidget(createProgressBox());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton = buttons->addButton(tr("&Start"), QDialogButtonBox::ActionRole);
    m_pauseButton = buttons->addButton(tr("&Pause"), QDialogButtonBox::ActionRole);
    m_stopButton = buttons->addButton(tr("S&top"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(u"replayStart"_s);
    m_pauseButton->setObjectName(u"replayPause"_s);
    m_stopButton->setObjectName(u"replayStop"_s);
    connect(m_startButton, &QPushButton::clicked, this, &ReplayDialog::start);
    connect(m_pauseButton, &QPushButton::clicked, this, &ReplayDialog::togglePause);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->stop();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButtons();
}

ReplayDialog::~ReplayDialog() = default;

QWidget *ReplayDialog::createSourceBox()
{
    auto *box = new QGroupBox(tr("From"), this);
    auto *layout = new QVBoxLayout(box);
    auto *fileRow = new QHBoxLayout;
    m_fromFile = new QRadioButton(tr("Recording &file:"), box);
    m_file = new QLineEdit(box);
    m_file->setObjectName(u"replayFile"_s);
    auto *browse = new QPushButton(tr("&Browse…"), box);
    connect(browse, &QPushButton::clicked, this, &ReplayDialog::chooseFile);
    connect(m_file, &QLineEdit::textEdited, m_fromFile, [this] { m_fromFile->setChecked(true); });
    fileRow->addWidget(m_fromFile);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    layout->addLayout(fileRow);
    m_fromSubtree = new QRadioButton(tr("The selected subtree (no messages kept)"), box);
    m_fromSubtree->setEnabled(false);
    layout->addWidget(m_fromSubtree);
    m_fromFile->setChecked(true);
    return box;
}

QWidget *ReplayDialog::createTargetBox()
{
    auto *box = new QGroupBox(tr("Into"), this);
    auto *layout = new QFormLayout(box);
    m_target = new QComboBox(box);
    m_target->setObjectName(u"replayTarget"_s);
    QList<ConnectionProfile> profiles = m_profiles->profiles();
    std::sort(profiles.begin(), profiles.end(),
              [](const auto &a, const auto &b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (const ConnectionProfile &profile : std::as_const(profiles))
        m_target->addItem(profile.name, profile.id);
    layout->addRow(tr("&Connection:"), m_target);
    return box;
}

QWidget *ReplayDialog::createOptionsBox()
{
    auto *box = new QGroupBox(tr("How"), this);
    auto *layout = new QFormLayout(box);
    auto *paceRow = new QHBoxLayout;
    m_recordedPace = new QRadioButton(tr("Recorded times ×"), box);
    m_speed = new QDoubleSpinBox(box);
    m_speed->setObjectName(u"replaySpeed"_s);
    m_speed->setRange(0.01, 10000);
    m_speed->setValue(1);
    m_asFast = new QRadioButton(tr("As &fast as the broker takes them"), box);
    m_asFast->setObjectName(u"replayAsFast"_s);
    m_recordedPace->setChecked(true);
    paceRow->addWidget(m_recordedPace);
    paceRow->addWidget(m_speed);
    paceRow->addWidget(m_asFast);
    paceRow->addStretch();
    layout->addRow(tr("Pace:"), paceRow);

    m_qos = new QComboBox(box);
    m_qos->addItems({tr("As recorded"), u"0"_s, u"1"_s, u"2"_s});
    layout->addRow(tr("&QoS:"), m_qos);
    m_retain = new QComboBox(box);
    m_retain->addItems({tr("As recorded"), tr("Every message retained"), tr("None retained")});
    layout->addRow(tr("&Retain:"), m_retain);
    m_dropProperties = new QCheckBox(tr("Leave out the MQTT 5 properties"), box);
    layout->addRow(QString(), m_dropProperties);
    m_published = new QCheckBox(tr("Also what the recording connection published"), box);
    layout->addRow(QString(), m_published);

    auto *rewriteRow = new QHBoxLayout;
    m_rewriteFrom = new QLineEdit(box);
    m_rewriteFrom->setObjectName(u"replayRewriteFrom"_s);
    m_rewriteFrom->setPlaceholderText(u"prod/"_s);
    m_rewriteTo = new QLineEdit(box);
    m_rewriteTo->setObjectName(u"replayRewriteTo"_s);
    m_rewriteTo->setPlaceholderText(u"test/"_s);
    rewriteRow->addWidget(m_rewriteFrom);
    rewriteRow->addWidget(new QLabel(tr("becomes"), box));
    rewriteRow->addWidget(m_rewriteTo);
    layout->addRow(tr("Topic prefix:"), rewriteRow);
    return box;
}

QWidget *ReplayDialog::createProgressBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressBar = new QProgressBar(box);
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(0);
    m_counts = new QLabel(box);
    m_counts->setObjectName(u"replayCounts"_s);
    m_counts->setWordWrap(true);
    m_counts->setMinimumHeight(2 * m_counts->fontMetrics().lineSpacing()); // counts and verdict
    m_failures = new QListWidget(box);
    m_failures->setObjectName(u"replayFailures"_s);
    m_failures->setMaximumHeight(100);
    m_failures->hide();
    layout->addWidget(m_progressBar);
    layout->addWidget(m_counts);
    layout->addWidget(m_failures);
    return box;
}

void ReplayDialog::setSubtree(const QString &topic, const QList<RecordedMessage> &messages)
{
    m_subtree = messages;
    const QString where = topic.isEmpty() ? tr("every topic") : topic;
    m_fromSubtree->setText(
        tr("The history of %1 (%n message(s) kept)", nullptr, int(messages.size())).arg(where));
    m_fromSubtree->setEnabled(!messages.isEmpty());
    m_fromSubtree->setChecked(!messages.isEmpty());
}

void ReplayDialog::setRecordingFile(const QString &path)
{
    m_file->setText(path);
    m_fromFile->setChecked(true);
}

QList<RecordedMessage> ReplayDialog::subtreeMessages(const TopicStore &store,
                                                     const MessageHistory &history,
                                                     TopicNodeId node)
{
    const HistoryExporter exporter(store, history);
    QList<RecordedMessage> messages;
    for (const HistoryExporter::Row &row :
         exporter.collect(node, HistoryExporter::Scope::Subtree)) {
        RecordedMessage r;
        r.id = qint64(row.entry.sequence);
        r.timeUs = row.entry.receivedMsecs * 1000;
        r.message.topic = row.topic;
        r.message.payload = row.entry.payload;
        r.message.qos = row.entry.qos;
        r.message.retain = row.entry.retain;
        r.message.dup = row.entry.dup;
        r.message.properties = row.entry.properties;
        r.message.receivedMsecsSinceEpoch = row.entry.receivedMsecs;
        messages.append(r);
    }
    return messages;
}

void ReplayDialog::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Replay recording"), m_file->text(),
                                     tr("Recordings (*.mqttrec *.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        setRecordingFile(path);
}

ReplayOptions ReplayDialog::replayOptions() const
{
    ReplayOptions options;
    options.pace =
        m_asFast->isChecked() ? ReplayOptions::Pace::AsFast : ReplayOptions::Pace::Recorded;
    options.speed = m_speed->value();
    if (m_qos->currentIndex() > 0)
        options.qos = quint8(m_qos->currentIndex() - 1);
    if (m_retain->currentIndex() > 0)
        options.retain = m_retain->currentIndex() == 1;
    if (m_dropProperties->isChecked())
        options.properties = Properties();
    options.replayPublished = m_published->isChecked();
    options.rewriteFrom = m_rewriteFrom->text().toUtf8();
    options.rewriteTo = m_rewriteTo->text().toUtf8();
    return options;
}

void ReplayDialog::start()
{
    const std::optional<ConnectionProfile> profile =
        m_profiles->profile(m_target->currentData().toUuid());
    if (!profile) {
        m_counts->setText(tr("Choose a saved connection to replay into."));
        return;
    }
    requestProfileSecrets(*profile, m_secrets, this,
                          [this, profile](const ProfileSecrets &secrets) {
                              startWith(profile->toClientOptions(secrets));
                          });
}

void ReplayDialog::startWith(const ClientOptions &client)
{
    std::unique_ptr<ReplaySource> source;
    if (m_fromSubtree->isChecked()) {
        source = std::make_unique<MessageListSource>(m_subtree);
    } else {
        QString error;
        source = RecordingFileSource::open(m_file->text(), &error);
        if (!source) {
            m_counts->setText(tr("Cannot replay %1: %2").arg(m_file->text(), error));
            return;
        }
    }
    m_failures->clear();
    m_failures->hide();
    m_paused = false;
    m_runner = std::make_unique<ReplayRunner>();
    connect(m_runner.get(), &ReplayRunner::progressChanged, this, &ReplayDialog::showProgress);
    connect(m_runner.get(), &ReplayRunner::finished, this, &ReplayDialog::showFinished);
    m_runner->start(client, replayOptions(), std::move(source));
    updateButtons();
}

void ReplayDialog::togglePause()
{
    if (!m_runner)
        return;
    m_paused = !m_paused;
    if (m_paused)
        m_runner->pause();
    else
        m_runner->resume();
    updateButtons();
}

void ReplayDialog::showProgress(const ReplayProgress &progress)
{
    m_progressBar->setValue(int(progress.fraction() * 1000));
    QString text = tr("%1 of %2 sent · %3 acknowledged · %4 failed")
                       .arg(progress.sent)
                       .arg(progress.total - progress.skipped)
                       .arg(progress.acknowledged)
                       .arg(progress.failed);
    if (progress.state == ReplayState::WaitingForConnection)
        text = tr("Connecting…");
    else if (progress.remainingMs >= 0 && progress.state != ReplayState::Finished)
        text += tr(" · %1 left").arg(duration(progress.remainingMs));
    m_counts->setText(text);
}

void ReplayDialog::showFinished(const ReplaySummary &summary)
{
    showProgress(summary.progress);
    QString verdict;
    if (summary.succeeded())
        verdict = tr("Done: every message acknowledged.");
    else if (!summary.error.isEmpty())
        verdict = summary.error;
    else if (summary.stopped)
        verdict = tr("Stopped.");
    else
        verdict = tr("%n message(s) not acknowledged.", nullptr, int(summary.progress.failed));
    m_counts->setText(m_counts->text() + u"\n"_s + verdict);
    for (const ReplayFailure &failure : summary.failures) {
        m_failures->addItem(tr("#%1 %2: %3")
                                .arg(failure.recordedId)
                                .arg(QString::fromUtf8(failure.topic), failure.reason));
    }
    m_failures->setVisible(!summary.failures.isEmpty());
    updateButtons();
}

void ReplayDialog::updateButtons()
{
    const bool running = m_runner && m_runner->isRunning();
    m_startButton->setEnabled(!running);
    m_pauseButton->setEnabled(running);
    m_pauseButton->setText(m_paused ? tr("&Resume") : tr("&Pause"));
    m_stopButton->setEnabled(running);
}

} // namespace mqttscope
