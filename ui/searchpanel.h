// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searchquery.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace mqttscope {

class ExplorerData;
class FieldMessage;
class PayloadDecoder;
class SearchJob;
class SearchMatcher;
class SearchResultModel;
struct SearchResult;

// Search over what a tab holds: a live connection's history (setHistory) or a recording file
// (setRecording). The fields build a SearchQuery (all parts must hold); a part the search cannot
// use says why under its field. The search runs in the background with a progress bar and a
// Cancel button; its results list (at most SearchJob::DefaultCap rows, every match counted)
// emits messageActivated for the row the user opens. Export writes every match as JSON lines
// (the format of `mqttscope-cli sub --json`) or CSV.
class SearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    // `data` must outlive the panel (or the next setHistory/setRecording call).
    void setHistory(const ExplorerData *data);
    // `decoder` (the recording tab's): the topics it decodes are searched as their JSON.
    void setRecording(const QString &path, std::shared_ptr<const PayloadDecoder> decoder = {});

    SearchQuery query() const; // as the fields say
    void setQuery(const SearchQuery &query);
    // Brings the panel to the front (in every tab widget it sits in) and focuses its first field.
    void reveal();
    void startSearch();
    void cancel();

    // For tests.
    QLineEdit *topicEdit() const { return m_topic; }
    QLineEdit *payloadEdit() const { return m_payload; }
    QLineEdit *jsonEdit() const { return m_json; }
    QTableView *resultsView() const { return m_results; }
    SearchResultModel *resultModel() const { return m_model; }
    QString statusText() const;
    QString jsonProblem() const;

signals:
    // A result row was opened: `key` is the live history's sequence, or the recording's row id.
    void messageActivated(const QByteArray &topic, qint64 timeUs, qint64 key);
    void searchFinished();

private:
    enum class Run { Idle, Searching, Exporting };

    QWidget *createForm();
    QWidget *createResults();
    QWidget *createTimeRange();
    void showProblems();
    bool start(const SearchMatcher &matcher, bool exporting);
    void exportResults();
    void onFinished(const SearchResult &result);
    void setRunning(Run run);
    void activateRow(const QModelIndex &index);

    const ExplorerData *m_data = nullptr;
    QString m_recordingPath;
    std::shared_ptr<const PayloadDecoder> m_recordingDecoder;
    SearchJob *m_job;
    SearchResultModel *m_model;
    Run m_run = Run::Idle;
    QString m_exportFile;

    QLineEdit *m_topic;
    FieldMessage *m_topicMessage;
    QLineEdit *m_payload;
    QComboBox *m_payloadMode;
    FieldMessage *m_payloadMessage;
    QLineEdit *m_json;
    FieldMessage *m_jsonMessage;
    QLineEdit *m_userName;
    QLineEdit *m_userValue;
    QLineEdit *m_contentType;
    QLineEdit *m_correlation;
    QCheckBox *m_fromEnabled;
    QDateTimeEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateTimeEdit *m_to;
    FieldMessage *m_timeMessage;
    QPushButton *m_searchButton;
    QPushButton *m_cancelButton;
    QPushButton *m_exportButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableView *m_results;
};

} // namespace mqttscope
