// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetinspectorpanel.h"

#include "client/packettrace.h"
#include "inspector/packetdetails.h"
#include "inspector/packetexport.h"
#include "models/packetfilterproxymodel.h"
#include "models/packetlistmodel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// How often open flows are checked for being stuck while the inspector is shown.
constexpr int kStuckCheckMs = 1000;

const QList<PacketType> &allTypes()
{
    static const QList<PacketType> types{
        PacketType::Connect,  PacketType::Connack,     PacketType::Publish,  PacketType::Puback,
        PacketType::Pubrec,   PacketType::Pubrel,      PacketType::Pubcomp,  PacketType::Subscribe,
        PacketType::Suback,   PacketType::Unsubscribe, PacketType::Unsuback, PacketType::Pingreq,
        PacketType::Pingresp, PacketType::Disconnect,  PacketType::Auth};
    return types;
}

} // namespace

PacketInspectorPanel::PacketInspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PacketListModel(this))
    , m_proxy(new PacketFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_details(new QTreeWidget(this))
    , m_stuckTimer(new QTimer(this))
{
    setObjectName(u"packetInspector"_s);
    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(u"packetTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    const QList<int> widths{118, 34, 170, 50, 52, 56, 56};
    for (int column = 0; column < widths.size(); ++column)
        m_table->setColumnWidth(column, widths.at(column));

    m_details->setObjectName(u"packetDetails"_s);
    m_details->setHeaderLabels({tr("Field"), tr("Value")});
    m_details->setColumnWidth(0, 220);
    m_details->setRootIsDecorated(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createToolBar());
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PacketInspectorPanel::showDetails);
    m_stuckTimer->setInterval(kStuckCheckMs);
    connect(m_stuckTimer, &QTimer::timeout, this, [this] { m_model->markStuck(traceClockUs()); });
    updateCount();
}

QWidget *PacketInspectorPanel::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_type = new QComboBox(bar);
    m_type->setObjectName(u"packetTypeFilter"_s);
    m_type->addItem(tr("All types"), -1);
    for (const PacketType type : allTypes())
        m_type->addItem(packetTypeName(type), int(type));
    m_topic = new QLineEdit(bar);
    m_topic->setObjectName(u"packetTopicFilter"_s);
    m_topic->setPlaceholderText(tr("Topic contains…"));
    m_topic->setClearButtonEnabled(true);
    m_packetId = new QLineEdit(bar);
    m_packetId->setObjectName(u"packetIdFilter"_s);
    m_packetId->setPlaceholderText(tr("Packet id"));
    m_packetId->setMaximumWidth(90);
    m_pause = new QToolButton(bar);
    m_pause->setObjectName(u"packetPause"_s);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    auto *clearButton = new QToolButton(bar);
    clearButton->setText(tr("Clear"));
    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export…"));
    m_keepPackets = new QSpinBox(bar);
    m_keepPackets->setRange(100, 10'000'000);
    m_keepPackets->setSingleStep(10'000);
    m_keepPackets->setValue(int(PacketRing::DefaultMaximumPackets));
    m_keepPackets->setPrefix(tr("keep "));
    m_keepPackets->setSuffix(tr(" packets"));
    m_keepMiB = new QSpinBox(bar);
    m_keepMiB->setRange(1, 4096);
    m_keepMiB->setValue(int(PacketRing::DefaultMaximumBytes >> 20));
    m_keepMiB->setPrefix(tr("or "));
    m_keepMiB->setSuffix(tr(" MiB"));
    m_count = new QLabel(bar);

    row->addWidget(m_type);
    row->addWidget(m_topic, 1);
    row->addWidget(m_packetId);
    row->addWidget(m_pause);
    row->addWidget(clearButton);
    row->addWidget(exportButton);
    row->addWidget(m_keepPackets);
    row->addWidget(m_keepMiB);
    row->addWidget(m_count);

    connect(m_type, &QComboBox::currentIndexChanged, this, &PacketInspectorPanel::applyFilter);
    connect(m_topic, &QLineEdit::textChanged, this, &PacketInspectorPanel::applyFilter);
    connect(m_packetId, &QLineEdit::textChanged, this, &PacketInspectorPanel::applyFilter);
    connect(m_pause, &QToolButton::toggled, this, &PacketInspectorPanel::setPaused);
    connect(clearButton, &QToolButton::clicked, this, &PacketInspectorPanel::clear);
    connect(exportButton, &QToolButton::clicked, this, &PacketInspectorPanel::exportPackets);
    connect(m_keepPackets, &QSpinBox::editingFinished, this, &PacketInspectorPanel::applyLimits);
    connect(m_keepMiB, &QSpinBox::editingFinished, this, &PacketInspectorPanel::applyLimits);
    return bar;
}

void PacketInspectorPanel::addPackets(const QList<PacketTraceEntry> &packets)
{
    if (isPaused()) {
        m_droppedWhilePaused += packets.size();
    } else {
        m_model->append(packets);
    }
    updateCount();
}

void PacketInspectorPanel::setPaused(bool paused)
{
    m_pause->setChecked(paused);
    if (!paused)
        m_droppedWhilePaused = 0;
    updateCount();
}

bool PacketInspectorPanel::isPaused() const
{
    return m_pause->isChecked();
}

void PacketInspectorPanel::clear()
{
    m_model->clear();
    m_details->clear();
    updateCount();
}

void PacketInspectorPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_stuckTimer->start();
    emit tracingWanted(true);
}

void PacketInspectorPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_stuckTimer->stop();
    emit tracingWanted(false);
}

void PacketInspectorPanel::applyFilter()
{
    const int type = m_type->currentData().toInt();
    m_proxy->setType(type < 0 ? std::nullopt : std::optional(PacketType(type)));
    m_proxy->setTopic(m_topic->text().trimmed());
    bool ok = false;
    const uint id = m_packetId->text().trimmed().toUInt(&ok);
    m_proxy->setPacketId(ok && id <= 0xFFFF ? std::optional(quint16(id)) : std::nullopt);
    updateCount();
}

void PacketInspectorPanel::applyLimits()
{
    m_model->setLimits(m_keepPackets->value(), qint64(m_keepMiB->value()) << 20);
    updateCount();
}

void PacketInspectorPanel::showDetails()
{
    m_details->clear();
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return;
    const int row = current.row();
    const TracedPacket &packet = m_model->packetAt(row);
    if (const PacketFlow *flow = m_model->flowAt(row)) {
        auto *flowItem = new QTreeWidgetItem(
            m_details,
            {tr("Flow"), u"%1, %2"_s.arg(flowKindName(flow->kind), flowStateName(flow->state))});
        for (qsizetype i = 0; i < flow->steps.size(); ++i) {
            const FlowStep &step = flow->steps.at(i);
            const QString arrow = step.direction == PacketDirection::Sent ? u"→ "_s : u"← "_s;
            // The first step when, each later one how long after the step before.
            new QTreeWidgetItem(flowItem,
                                {arrow + packetTypeName(step.type),
                                 i == 0 ? formatTraceTime(step.timeUs)
                                        : tr("+%1").arg(formatLatency(step.latencyUs))});
        }
        flowItem->setExpanded(true);
    }
    const PacketTraceEntry *connect =
        packet.entry.type == PacketType::Connack ? m_model->log().connectBefore(row) : nullptr;
    new QTreeWidgetItem(m_details, {tr("Time (UTC)"), formatTraceTime(packet.entry.timeUs)});
    for (const PacketField &field : packetDetails(packet.entry, connect))
        new QTreeWidgetItem(m_details, {field.name, field.value});
}

void PacketInspectorPanel::exportPackets()
{
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export packets"), u"packets.jsonl"_s,
                                     tr("JSON lines (*.jsonl);;Text (*.txt)"), &filter);
    if (path.isEmpty())
        return;
    const PacketExportFormat format = path.endsWith(u".txt"_s) || filter.contains(u"*.txt"_s)
        ? PacketExportFormat::Text
        : PacketExportFormat::JsonLines;
    QByteArray out;
    for (int row = 0; row < m_proxy->rowCount(); ++row) // what the filter shows
        out += exportPacketLine(
            m_model->packetAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()), format);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(out) != out.size()) {
        QMessageBox::warning(this, tr("Export packets"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
    }
}

void PacketInspectorPanel::updateCount()
{
    QString text = tr("%1 of %2 packets").arg(m_proxy->rowCount()).arg(m_model->rowCount());
    if (m_droppedWhilePaused > 0)
        text += tr(", %1 not kept while paused").arg(m_droppedWhilePaused);
    m_count->setText(text);
}

} // namespace mqttscope
