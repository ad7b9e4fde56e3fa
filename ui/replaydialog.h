// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/topicstorechanges.h"
#include "recording/recordedmessage.h"
#include "replay/replayprogress.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace mqttscope {

class MessageHistory;
class ProfileStore;
class ReplayRunner;
class SecretStore;
class TopicStore;
struct ClientOptions;
struct ReplayOptions;

// Replays a recording file, or the kept history of a subtree, into any saved connection: speed
// or as fast as the broker takes it, overrides and a topic rewrite; Start, Pause and Stop, a
// progress bar with the time left, the acks counted and the failures listed. The replay runs
// on a thread of its own (ReplayRunner).
class ReplayDialog : public QDialog
{
    Q_OBJECT
public:
    ReplayDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // Offers `messages` (a subtree's history, in arrival order) as the source, and chooses it.
    void setSubtree(const QString &topic, const QList<RecordedMessage> &messages);
    void setRecordingFile(const QString &path);

    // The history of `node`'s subtree as a replay source.
    static QList<RecordedMessage> subtreeMessages(const TopicStore &store,
                                                  const MessageHistory &history, TopicNodeId node);

private:
    QWidget *createSourceBox();
    QWidget *createTargetBox();
    QWidget *createOptionsBox();
    QWidget *createProgressBox();
    void chooseFile();
    void start();
    void startWith(const ClientOptions &client);
    void togglePause();
    void showProgress(const ReplayProgress &progress);
    void showFinished(const ReplaySummary &summary);
    void updateButtons();
    ReplayOptions replayOptions() const;

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QList<RecordedMessage> m_subtree;
    std::unique_ptr<ReplayRunner> m_runner;
    bool m_paused = false;

    QRadioButton *m_fromFile;
    QRadioButton *m_fromSubtree;
    QLineEdit *m_file;
    QComboBox *m_target;
    QRadioButton *m_recordedPace;
    QDoubleSpinBox *m_speed;
    QRadioButton *m_asFast;
    QComboBox *m_qos;
    QComboBox *m_retain;
    QCheckBox *m_dropProperties;
    QCheckBox *m_published;
    QLineEdit *m_rewriteFrom;
    QLineEdit *m_rewriteTo;
    QProgressBar *m_progressBar;
    QLabel *m_counts;
    QListWidget *m_failures;
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_stopButton;
};

} // namespace mqttscope
