// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagepane.h"

#include "decode/payloadencoding.h"
#include "explorer/historyexporter.h"
#include "models/historymodel.h"
#include "views/diffview.h"
#include "views/payloadview.h"
#include "views/renderpacer.h"
#include "views/valueextractor.h"
#include "views/valueplot.h"

#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

MessagePane::MessagePane(ExplorerData *data, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
    , m_historyModel(new HistoryModel(&data->history(), &data->decoded(), this))
    , m_pacer(new RenderPacer([this] { showCurrentRow(); }, this))
{
    setObjectName(u"messagePane"_s);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    createHistoryView();
    m_payloadView = new PayloadView(this);
    m_payloadView->setObjectName(u"payloadView"_s);
    m_diffView = new DiffView(this);
    m_diffView->setObjectName(u"diffView"_s);
    m_plot = new ValuePlot(this);
    m_plot->setObjectName(u"valuePlot"_s);
    m_plot->setPayloadReader(
        [data](const Message &message) { return data->decoded().text(message); });
    m_messageTabs = new QTabWidget(splitter);
    m_messageTabs->addTab(m_payloadView, tr("Payload"));
    m_messageTabs->addTab(m_diffView, tr("Diff with previous"));
    m_messageTabs->addTab(m_plot, tr("Plot"));
    connect(m_messageTabs, &QTabWidget::currentChanged, this, [this] {
        const QModelIndex current = m_historyView->currentIndex();
        if (m_diffStale && m_messageTabs->currentWidget() == m_diffView && current.isValid())
            showDiff(current.row());
    });
    splitter->addWidget(m_historyView);
    splitter->addWidget(m_messageTabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void MessagePane::createHistoryView()
{
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(u"historyView"_s);
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height()
                                                           + 6);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths: measuring contents would walk every row on each flush.
    const QFontMetrics metrics = m_historyView->fontMetrics();
    const auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 16;
    };
    m_historyView->setColumnWidth(HistoryModel::TimeColumn, width(u"2026-12-31 23:59:59.999"_s));
    for (int column :
         {HistoryModel::QosColumn, HistoryModel::RetainColumn, HistoryModel::DupColumn})
        m_historyView->setColumnWidth(
            column, width(m_historyModel->headerData(column, Qt::Horizontal).toString()));
    m_historyView->setColumnWidth(HistoryModel::SizeColumn, width(u"1000.0 KiB"_s));
    m_historyView->setColumnWidth(HistoryModel::PropertiesColumn,
                                  width(u"content-type=application/json"_s));
    m_historyView->setWordWrap(false);
    m_historyView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *exportAction = new QAction(tr("Export history…"), m_historyView);
    connect(exportAction, &QAction::triggered, this, &MessagePane::exportHistory);
    m_historyView->addAction(exportAction);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessagePane::onCurrentRowChanged);
}

void MessagePane::setTopic(TopicNodeId node)
{
    m_historyModel->setTopic(node == TopicStore::InvalidId ? HistoryModel::NoTopic : node);
    const int rows = m_historyModel->rowCount();
    if (rows > 0) {
        m_historyView->setCurrentIndex(m_historyModel->index(rows - 1, 0));
        m_historyView->scrollToBottom();
    } else {
        clear();
    }
}

TopicNodeId MessagePane::topic() const
{
    const TopicNodeId node = m_historyModel->topic();
    return node == HistoryModel::NoTopic ? TopicStore::InvalidId : node;
}

void MessagePane::refresh()
{
    const int rowsBefore = m_historyModel->rowCount();
    const QModelIndex current = m_historyView->currentIndex();
    const bool following = !current.isValid() || current.row() == rowsBefore - 1;
    m_following = true; // what moves the current row now is the stream
    m_historyModel->refresh();
    const int rows = m_historyModel->rowCount();
    // Follow the newest message unless the user is reading an older one. With the history full,
    // the rows evicted above move the current row off the newest while the count stays.
    if (following && rows > 0 && m_historyView->currentIndex().row() != rows - 1)
        m_historyView->setCurrentIndex(m_historyModel->index(rows - 1, 0));
    m_following = false;
}

void MessagePane::addToPlot(const QList<Message> &messages)
{
    if (m_plot->seriesCount() == 0)
        return;
    for (const Message &m : messages)
        m_plot->addMessage(m);
}

void MessagePane::clear()
{
    m_pacer->cancel();
    m_payloadView->clear();
    m_diffView->clear();
}

bool MessagePane::selectMessage(quint64 sequence)
{
    for (int row = m_historyModel->rowCount() - 1; row >= 0; --row) {
        if (m_historyModel->entry(row).sequence == sequence) {
            m_historyView->setCurrentIndex(m_historyModel->index(row, 0));
            m_historyView->scrollTo(m_historyView->currentIndex());
            return true;
        }
    }
    return false;
}

void MessagePane::onCurrentRowChanged(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (m_following)
        m_pacer->follow();
    else
        m_pacer->now();
}

void MessagePane::showCurrentRow()
{
    const QModelIndex index = m_historyView->currentIndex();
    if (!index.isValid())
        return;
    const HistoryEntry &entry = m_historyModel->entry(index.row());
    m_payloadView->setMessage(messageOf(m_data->store().topic(m_historyModel->topic()), entry));
    m_diffStale = m_messageTabs->currentWidget() != m_diffView;
    if (!m_diffStale)
        showDiff(index.row());
}

void MessagePane::showDiff(int row)
{
    m_diffStale = false;
    // The pair compared is decoded (and only it), so a changed field is one changed line.
    const TopicNodeId node = m_historyModel->topic();
    const DecodedPayloads &decoded = m_data->decoded();
    const HistoryEntry &entry = m_historyModel->entry(row);
    const QByteArray after = decoded.text(node, entry.payload, entry.receivedMsecs);
    if (row > 0) {
        const HistoryEntry &before = m_historyModel->entry(row - 1);
        m_diffView->setPayloads(decoded.text(node, before.payload, before.receivedMsecs), after);
    } else {
        m_diffView->setPayloads({}, after);
    }
}

void MessagePane::addPayloadActions(QMenu *menu)
{
    menu->addAction(tr("Copy payload"), m_payloadView, &PayloadView::copyPayload);
    menu->addAction(tr("Save payload…"), m_payloadView, &PayloadView::savePayloadAs);
}

void MessagePane::addPlotActions(QMenu *menu, TopicNodeId node)
{
    const QByteArray payload = m_data->decoded().text(node, m_data->store().latestPayload(node));
    if (extractValue(payload))
        menu->addAction(tr("Plot values"), this, [this, node] { plot(node, {}); });
    const QStringList paths = plotPaths(node, payload);
    if (paths.isEmpty())
        return;
    QMenu *plotMenu = menu->addMenu(tr("Plot JSON field"));
    for (const QString &path : paths)
        plotMenu->addAction(path, this, [this, node, path] { plot(node, path); });
}

QStringList MessagePane::plotPaths(TopicNodeId node, const QByteArray &payload) const
{
    constexpr int MenuPaths = 20;
    if (m_data->decoded().encodingOf(node) != PayloadEncoding::SparkplugB)
        return numericJsonPaths(payload, MenuPaths);
    // A Sparkplug metric is plotted by its value: its alias, flags and timestamps would crowd
    // the values out of the menu.
    constexpr int ScannedPaths = 4096;
    QStringList paths = numericJsonPaths(payload, ScannedPaths);
    paths.removeIf([](const QString &path) {
        return !path.startsWith(u"metrics."_s) || !path.endsWith(u".value"_s);
    });
    return paths.mid(0, MenuPaths);
}

void MessagePane::plot(TopicNodeId node, const QString &jsonPath)
{
    const QByteArray topic = m_data->store().topic(node);
    const int series = m_plot->addSeries(topic, jsonPath);
    // Start the series with what the history already holds (decoded past the cache, which keeps
    // what the views show).
    const auto entries = m_data->history().entries(node);
    for (const HistoryEntry &entry : entries) {
        if (auto value = extractValue(m_data->decoded().text(messageOf(topic, entry)), jsonPath))
            m_plot->addValue(series, entry.receivedMsecs, *value);
    }
    m_messageTabs->setCurrentWidget(m_plot);
}

void MessagePane::exportHistory()
{
    QString selectedFilter;
    const QString jsonLines = tr("JSON lines (*.jsonl)");
    const QString csv = tr("CSV (*.csv)");
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export history"), u"history.jsonl"_s, jsonLines + u";;"_s + csv, &selectedFilter);
    if (fileName.isEmpty())
        return;
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export history"),
                             tr("Cannot write %1: %2").arg(fileName, file.errorString()));
        return;
    }
    const TopicNodeId shown = topic();
    const TopicNodeId node = shown == TopicStore::InvalidId ? TopicStore::RootId : shown;
    HistoryExporter exporter(m_data->store(), m_data->history());
    exporter.setDecoded(&m_data->decoded());
    const bool asCsv = selectedFilter == csv || fileName.endsWith(u".csv"_s, Qt::CaseInsensitive);
    if (asCsv)
        exporter.writeCsv(file, node, HistoryExporter::Scope::Subtree);
    else
        exporter.writeJsonLines(file, node, HistoryExporter::Scope::Subtree);
}

} // namespace mqttscope
