// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchpanel.h"

#include "fieldmessage.h"
#include "models/searchresultmodel.h"
#include "search/exportsink.h"
#include "search/searchjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString jsonHelp()
{
    return SearchPanel::tr(
        "<p>Conditions on fields of JSON payloads, joined with <b>and</b>:</p>"
        "<p><code>battery &lt; 20</code><br><code>status == \"error\"</code><br>"
        "<code>a.b[2].c &gt;= 1.5 and x != null</code><br><code>tags contains \"red\"</code></p>"
        "<p>Comparisons: == != &lt; &lt;= &gt; &gt;= contains. Values: numbers, \"text\" in "
        "double quotes, true, false, null. A field the payload does not have matches nothing; a "
        "name with spaces goes in quotes: <code>\"room name\" == \"hall\"</code>.</p>");
}

QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

// A row's label whose mnemonic focuses `buddy` (QFormLayout makes none for a row of several).
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent)
    , m_job(new SearchJob(this))
    , m_model(new SearchResultModel(this))
{
    setObjectName(u"searchPanel"_s);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(createForm(), 2);
    layout->addWidget(createResults(), 3);
    connect(m_job, &SearchJob::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_job, &SearchJob::finished, this, &SearchPanel::onFinished);
    setRunning(Run::Idle);
}

SearchPanel::~SearchPanel() = default;

QWidget *SearchPanel::createForm()
{
    auto *form = new QWidget(this);
    auto *rows = new QFormLayout(form);
    rows->setContentsMargins(0, 0, 0, 0);
    m_topic = lineEdit(u"searchTopic"_s, tr("Topic filter, e.g. sensors/+/battery or #"), form);
    m_topicMessage = new FieldMessage(form);
    rows->addRow(tr("&Topic:"), m_topic);
    rows->addRow(QString(), m_topicMessage);

    m_payload = lineEdit(u"searchPayload"_s, tr("Text the payload contains"), form);
    m_payloadMode = new QComboBox(form);
    m_payloadMode->addItem(tr("Contains"), int(SearchQuery::PayloadMode::Substring));
    m_payloadMode->addItem(tr("Regular expression"),
                           int(SearchQuery::PayloadMode::RegularExpression));
    m_payloadMode->setToolTip(tr("Contains: the payload bytes hold the text, case sensitive.\n"
                                 "Regular expression: the payload read as UTF-8 matches "
                                 "anywhere; (?i) ignores case."));
    auto *payloadRow = new QHBoxLayout;
    payloadRow->addWidget(m_payload, 1);
    payloadRow->addWidget(m_payloadMode);
    m_payloadMessage = new FieldMessage(form);
    rows->addRow(buddyLabel(tr("&Payload:"), m_payload, form), payloadRow);
    rows->addRow(QString(), m_payloadMessage);

    m_json = lineEdit(u"searchJson"_s, tr("JSON field, e.g. battery < 20"), form);
    m_json->setToolTip(jsonHelp());
    m_jsonMessage = new FieldMessage(form);
    rows->addRow(tr("&JSON:"), m_json);
    rows->addRow(QString(), m_jsonMessage);

    m_userName = lineEdit(u"searchUserName"_s, tr("name"), form);
    m_userValue = lineEdit(u"searchUserValue"_s, tr("value (any when empty)"), form);
    auto *userRow = new QHBoxLayout;
    userRow->addWidget(m_userName);
    userRow->addWidget(new QLabel(u"="_s, form));
    userRow->addWidget(m_userValue);
    rows->addRow(buddyLabel(tr("&User property:"), m_userName, form), userRow);
    m_contentType = lineEdit(u"searchContentType"_s, tr("content type"), form);
    m_correlation = lineEdit(u"searchCorrelation"_s, tr("correlation data contains"), form);
    auto *propertyRow = new QHBoxLayout;
    propertyRow->addWidget(m_contentType);
    propertyRow->addWidget(m_correlation);
    rows->addRow(buddyLabel(tr("MQTT &5:"), m_contentType, form), propertyRow);
    rows->addRow(tr("Time:"), createTimeRange());

    m_searchButton = new QPushButton(tr("&Search"), form);
    m_searchButton->setObjectName(u"searchButton"_s);
    m_searchButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), form);
    m_progress = new QProgressBar(form);
    m_progress->setRange(0, 100);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_searchButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);
    rows->addRow(buttons);

    for (QLineEdit *edit :
         {m_topic, m_payload, m_json, m_userName, m_userValue, m_contentType, m_correlation}) {
        connect(edit, &QLineEdit::returnPressed, this, &SearchPanel::startSearch);
        connect(edit, &QLineEdit::textChanged, this, &SearchPanel::showProblems);
    }
    connect(m_payloadMode, &QComboBox::currentIndexChanged, this, &SearchPanel::showProblems);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchPanel::startSearch);
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchPanel::cancel);
    return form;
}

QWidget *SearchPanel::createTimeRange()
{
    auto *range = new QWidget(this);
    auto *row = new QHBoxLayout(range);
    row->setContentsMargins(0, 0, 0, 0);
    const QDateTime now = QDateTime::currentDateTime();
    m_fromEnabled = new QCheckBox(tr("from"), range);
    m_from = new QDateTimeEdit(now.addSecs(-3600), range);
    m_toEnabled = new QCheckBox(tr("to"), range);
    m_to = new QDateTimeEdit(now, range);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox *box : {m_fromEnabled, m_toEnabled})
        connect(box, &QCheckBox::toggled, this, &SearchPanel::showProblems);
    for (QDateTimeEdit *edit : {m_from, m_to})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &SearchPanel::showProblems);
    m_timeMessage = new FieldMessage(range);
    row->addWidget(m_fromEnabled);
    row->addWidget(m_from, 1);
    row->addWidget(m_toEnabled);
    row->addWidget(m_to, 1);
    auto *column = new QWidget(this);
    auto *lines = new QVBoxLayout(column);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->addWidget(range);
    lines->addWidget(m_timeMessage);
    return column;
}

QWidget *SearchPanel::createResults()
{
    auto *results = new QWidget(this);
    auto *column = new QVBoxLayout(results);
    column->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(results);
    m_status->setObjectName(u"searchStatus"_s);
    m_exportButton = new QPushButton(tr("&Export results…"), results);
    m_exportButton->setToolTip(
        tr("Writes every message matching the query now (not only those listed) as JSON lines "
           "(the format of mqttscope-cli sub --json) or CSV"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_status, 1);
    header->addWidget(m_exportButton);
    m_results = new QTableView(results);
    m_results->setObjectName(u"searchResults"_s);
    m_results->setModel(m_model);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setWordWrap(false);
    m_results->verticalHeader()->hide();
    m_results->verticalHeader()->setDefaultSectionSize(m_results->fontMetrics().height() + 6);
    m_results->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_results->fontMetrics();
    m_results->setColumnWidth(SearchResultModel::TimeColumn,
                              metrics.horizontalAdvance(u"2026-12-31 23:59:59.999"_s) + 16);
    m_results->setColumnWidth(SearchResultModel::TopicColumn,
                              metrics.horizontalAdvance(u"sensors/kitchen/temperature"_s));
    m_results->setColumnWidth(SearchResultModel::SizeColumn,
                              metrics.horizontalAdvance(u"1000.0 KiB"_s) + 16);
    column->addLayout(header);
    column->addWidget(m_results, 1);
    connect(m_results, &QAbstractItemView::activated, this, &SearchPanel::activateRow);
    connect(m_exportButton, &QPushButton::clicked, this, &SearchPanel::exportResults);
    return results;
}

void SearchPanel::setHistory(const ExplorerData *data)
{
    cancel();
    m_data = data;
    m_recordingPath.clear();
    m_model->clear();
}

void SearchPanel::setRecording(const QString &path, std::shared_ptr<const PayloadDecoder> decoder)
{
    cancel();
    m_data = nullptr;
    m_recordingPath = path;
    m_recordingDecoder = std::move(decoder);
    m_model->clear();
}

SearchQuery SearchPanel::query() const
{
    SearchQuery q;
    q.topicFilter = m_topic->text().trimmed();
    q.payloadText = m_payload->text();
    q.payloadMode = SearchQuery::PayloadMode(m_payloadMode->currentData().toInt());
    q.jsonPredicate = m_json->text();
    q.userPropertyName = m_userName->text();
    if (!m_userValue->text().isEmpty())
        q.userPropertyValue = m_userValue->text();
    q.contentType = m_contentType->text();
    q.correlationData = m_correlation->text();
    if (m_fromEnabled->isChecked())
        q.fromUs = m_from->dateTime().toMSecsSinceEpoch() * 1000;
    if (m_toEnabled->isChecked()) // the whole last second shown
        q.toUs = m_to->dateTime().toMSecsSinceEpoch() * 1000 + 999'999;
    return q;
}

void SearchPanel::setQuery(const SearchQuery &q)
{
    m_topic->setText(q.topicFilter);
    m_payload->setText(q.payloadText);
    m_payloadMode->setCurrentIndex(m_payloadMode->findData(int(q.payloadMode)));
    m_json->setText(q.jsonPredicate);
    m_userName->setText(q.userPropertyName);
    m_userValue->setText(q.userPropertyValue.value_or(QString()));
    m_contentType->setText(q.contentType);
    m_correlation->setText(q.correlationData);
    m_fromEnabled->setChecked(q.fromUs.has_value());
    if (q.fromUs)
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(*q.fromUs / 1000));
    m_toEnabled->setChecked(q.toUs.has_value());
    if (q.toUs)
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(*q.toUs / 1000));
}

void SearchPanel::reveal()
{
    // Every tab widget the panel sits in shows the page that holds it.
    for (QWidget *page = this; page; page = page->parentWidget()) {
        QWidget *stack = page->parentWidget();
        if (auto *tabs = stack ? qobject_cast<QTabWidget *>(stack->parentWidget()) : nullptr)
            tabs->setCurrentWidget(page);
    }
    m_topic->setFocus(Qt::ShortcutFocusReason);
    m_topic->selectAll();
}

void SearchPanel::showProblems()
{
    const SearchMatcher matcher(query());
    const SearchMatcher::Problem problem = matcher.problem();
    const auto show = [&problem](FieldMessage *field, SearchMatcher::Part part) {
        if (problem.part == part)
            field->showMessage(problem.message);
        else
            field->clearMessage();
    };
    show(m_topicMessage, SearchMatcher::Part::TopicFilter);
    show(m_payloadMessage, SearchMatcher::Part::Payload);
    show(m_timeMessage, SearchMatcher::Part::TimeRange);
    if (problem.part == SearchMatcher::Part::JsonPredicate)
        m_jsonMessage->showMessage(
            tr("Column %1: %2").arg(problem.position + 1).arg(problem.message));
    else
        m_jsonMessage->clearMessage();
    m_searchButton->setEnabled(matcher.isValid() && m_run == Run::Idle);
}

QString SearchPanel::jsonProblem() const
{
    return m_jsonMessage->text();
}

bool SearchPanel::start(const SearchMatcher &matcher, bool exporting)
{
    if (!matcher.isValid()) {
        showProblems();
        if (matcher.problem().part == SearchMatcher::Part::JsonPredicate) {
            m_json->setFocus();
            m_json->setCursorPosition(matcher.problem().position);
        }
        return false;
    }
    std::unique_ptr<SearchSink> sink;
    if (exporting) {
        const bool csv = m_exportFile.endsWith(u".csv"_s, Qt::CaseInsensitive);
        QString error;
        sink = ExportSink::create(
            m_exportFile, csv ? MessageWriter::Format::Csv : MessageWriter::Format::JsonLines,
            &error);
        if (!sink) {
            m_status->setText(error);
            return false;
        }
    }
    if (m_data)
        m_job->searchHistory(*m_data, matcher, std::move(sink));
    else if (!m_recordingPath.isEmpty())
        m_job->searchRecording(m_recordingPath, matcher, std::move(sink), m_recordingDecoder);
    else
        return false;
    return true;
}

void SearchPanel::startSearch()
{
    if (m_run != Run::Idle)
        cancel();
    m_model->clear();
    setRunning(Run::Searching);
    m_status->setText(tr("Searching…"));
    if (!start(SearchMatcher(query()), false))
        setRunning(Run::Idle);
}

void SearchPanel::exportResults()
{
    QString selectedFilter;
    const QString jsonLines = tr("JSON lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    QString file =
        QFileDialog::getSaveFileName(this, tr("Export search results"), u"search.jsonl"_s,
                                     jsonLines + u";;"_s + csv, &selectedFilter);
    if (file.isEmpty())
        return;
    if (selectedFilter == csv && !file.endsWith(u".csv"_s, Qt::CaseInsensitive))
        file += u".csv"_s;
    if (m_run != Run::Idle)
        cancel();
    m_exportFile = file;
    setRunning(Run::Exporting);
    m_status->setText(tr("Exporting to %1…").arg(file));
    if (!start(SearchMatcher(query()), true))
        setRunning(Run::Idle);
}

void SearchPanel::cancel()
{
    m_job->cancel();
}

void SearchPanel::onFinished(const SearchResult &result)
{
    const QLocale locale;
    const Run run = std::exchange(m_run, Run::Idle);
    QString text;
    if (run == Run::Exporting) {
        text = result.error.isEmpty()
            ? tr("Exported %n message(s) to %1", nullptr, int(result.total)).arg(m_exportFile)
            : tr("Export to %1 failed: %2").arg(m_exportFile, result.error);
    } else {
        m_model->setResult(result);
        if (result.total > result.hits.size())
            text = tr("%1 of %2 messages listed")
                       .arg(locale.toString(result.hits.size()), locale.toString(result.total));
        else
            text = tr("%n message(s) found", nullptr, int(result.total));
    }
    if (result.cancelled)
        text = tr("Cancelled: %1").arg(text);
    if (!result.error.isEmpty() && run != Run::Exporting)
        text = tr("%1 (stopped: %2)").arg(text, result.error);
    m_status->setText(text);
    setRunning(Run::Idle);
    emit searchFinished();
}

void SearchPanel::setRunning(Run run)
{
    m_run = run;
    const bool idle = run == Run::Idle;
    m_cancelButton->setEnabled(!idle);
    m_exportButton->setEnabled(idle);
    m_progress->setVisible(!idle);
    if (!idle)
        m_progress->setValue(0);
    showProblems();
}

QString SearchPanel::statusText() const
{
    return m_status->text();
}

void SearchPanel::activateRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const SearchHit &hit = m_model->hit(index.row());
    emit messageActivated(hit.topic, hit.timeUs, hit.key);
}

} // namespace mqttscope
