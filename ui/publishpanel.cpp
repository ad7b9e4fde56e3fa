// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpanel.h"

#include "fieldmessage.h"
#include "savedmessageform.h"
#include "publishencodingbox.h"
#include "sparkplugcommanddialog.h"
#include "topiccompleter.h"
#include "userpropertieseditor.h"
#include "protocol/topic.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int RequestIdRole = Qt::UserRole + 1;
constexpr int FormatRole = Qt::UserRole + 2;
constexpr int InputRole = Qt::UserRole + 3;
constexpr int QosRole = Qt::UserRole + 4;
constexpr int RetainRole = Qt::UserRole + 5;
constexpr int PropertiesRole = Qt::UserRole + 6; // the MQTT 5 properties sent (Properties)
constexpr int EncodeRole = Qt::UserRole + 7; // PublishEncodingBox::choiceKey()
constexpr int maxHistory = 200;

// A publish form's content as a saved message; a file's bytes are kept, not its name.
SavedMessage toSavedMessage(const QString &topic, PayloadInputFormat format, const QString &input,
                            int qos, bool retain, const Properties &p)
{
    SavedMessage m;
    m.topic = topic;
    QString error;
    m.payload = encodePayloadInput(input, format, &error).value_or(input.toUtf8());
    m.payloadFormat = format == PayloadInputFormat::File
        ? SavedMessageForm::keyForFileBytes(m.payload)
        : SavedMessageForm::formatKey(format);
    m.qos = quint8(qos);
    m.retain = retain;
    m.contentType = p.contentType;
    m.payloadIsUtf8 = p.payloadFormatIndicator.value_or(0) == 1;
    m.messageExpiryInterval = p.messageExpiryInterval;
    m.responseTopic = p.responseTopic;
    m.correlationData = p.correlationData;
    m.userProperties = p.userProperties;
    return m;
}

// A spin box whose 0 means "not sent".
QSpinBox *optionalSpinBox(int maximum, const QString &unit, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSpecialValueText(QCoreApplication::translate("mqttscope::PublishPanel", "not sent"));
    box->setSuffix(unit);
    return box;
}

} // namespace

PublishPanel::PublishPanel(QWidget *parent)
    : QWidget(parent)
    , m_topic(new QLineEdit(this))
    , m_topicMessage(new FieldMessage(this))
    , m_format(new QComboBox(this))
    , m_encodeAs(new PublishEncodingBox(this))
    , m_payload(new QPlainTextEdit(this))
    , m_file(new QLineEdit(this))
    , m_chooseFile(new QPushButton(tr("Choose…"), this))
    , m_payloadMessage(new FieldMessage(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(tr("Retain"), this))
    , m_showProperties(new QCheckBox(tr("MQTT 5 properties"), this))
    , m_properties(new QWidget(this))
    , m_contentType(new QLineEdit(this))
    , m_payloadIsUtf8(new QCheckBox(tr("Payload is UTF-8 text"), this))
    , m_messageExpiry(optionalSpinBox(std::numeric_limits<int>::max(), tr(" s"), this))
    , m_responseTopic(new QLineEdit(this))
    , m_correlationData(new QLineEdit(this))
    , m_topicAlias(optionalSpinBox(65535, {}, this))
    , m_userProperties(new UserPropertiesEditor(this))
    , m_publishButton(new QPushButton(tr("Publish"), this))
    , m_saveButton(new QPushButton(tr("Save to library…"), this))
    , m_sparkplugButton(new QPushButton(tr("Sparkplug command…"), this))
    , m_outcome(new QLabel(this))
    , m_history(new QListWidget(this))
{
    setObjectName(u"publishPanel"_s);
    setUpFields();
    QWidget *editor = createEditor();
    QWidget *historyBox = createHistoryBox();
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(editor);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &PublishPanel::publish);
    }
    connect(m_publishButton, &QPushButton::clicked, this, &PublishPanel::publish);
    connect(m_topic, &QLineEdit::textChanged, this, &PublishPanel::validateTopic);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PublishPanel::updateFormatUi);
    connect(m_chooseFile, &QPushButton::clicked, this, &PublishPanel::chooseFile);
    connect(m_encodeAs, &QComboBox::currentIndexChanged, m_payloadMessage,
            &FieldMessage::clearMessage);
    connect(m_sparkplugButton, &QPushButton::clicked, this, &PublishPanel::composeSparkplugCommand);
    connect(m_payload, &QPlainTextEdit::textChanged, m_payloadMessage, &FieldMessage::clearMessage);
    connect(m_history, &QListWidget::itemDoubleClicked, this, &PublishPanel::loadFromHistory);
    connect(m_saveButton, &QPushButton::clicked, this,
            [this] { emit saveToLibraryRequested(savedMessage()); });
    m_history->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_history, &QListWidget::customContextMenuRequested, this,
            &PublishPanel::showHistoryMenu);
    updateFormatUi();
}

void PublishPanel::setUpFields()
{
    m_topic->setObjectName(u"publishTopic"_s);
    m_topic->setPlaceholderText(tr("Topic, e.g. devices/lamp-1/set"));
    m_topic->setClearButtonEnabled(true);
    m_payload->setObjectName(u"publishPayload"_s);
    m_payload->setPlaceholderText(tr("Payload"));
    m_payload->setTabChangesFocus(true);
    // Two lines at the least (a scroll area's default is taller), so the whole form fits the
    // panel's usual height unscrolled; the payload takes whatever room there is beyond.
    m_payload->setMinimumHeight(2 * m_payload->fontMetrics().lineSpacing()
                                + 2 * m_payload->frameWidth()
                                + int(2 * m_payload->document()->documentMargin()));
    m_format->setObjectName(u"publishFormat"_s);
    m_format->addItem(tr("Text"), int(PayloadInputFormat::Text));
    m_format->addItem(tr("JSON"), int(PayloadInputFormat::Json));
    m_format->addItem(tr("Hex"), int(PayloadInputFormat::Hex));
    m_format->addItem(tr("Base64"), int(PayloadInputFormat::Base64));
    m_format->addItem(tr("From file"), int(PayloadInputFormat::File));
    m_file->setPlaceholderText(tr("File whose bytes are sent"));
    m_payloadMessage->setObjectName(u"publishPayloadMessage"_s);
    m_qos->setObjectName(u"publishQos"_s);
    for (int qos = 0; qos <= 2; ++qos)
        m_qos->addItem(tr("QoS %1").arg(qos), qos);
    m_retain->setObjectName(u"publishRetain"_s);
    m_publishButton->setObjectName(u"publishButton"_s);
    m_publishButton->setToolTip(tr("Publish (Ctrl+Enter)"));
    m_saveButton->setObjectName(u"publishSaveToLibrary"_s);
    m_saveButton->setToolTip(tr("Keep this message in the saved-message library"));
    m_sparkplugButton->setObjectName(u"publishSparkplugCommand"_s);
    m_sparkplugButton->setToolTip(tr("Compose a Sparkplug B NCMD or DCMD, e.g. a rebirth request"));
    m_outcome->setObjectName(u"publishOutcome"_s);
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_history->setObjectName(u"publishHistory"_s);
    m_history->setToolTip(tr("Published messages: double-click to load one back"));
    m_showProperties->setObjectName(u"publishShowProperties"_s);
    m_contentType->setObjectName(u"publishContentType"_s);
    m_payloadIsUtf8->setObjectName(u"publishPayloadIsUtf8"_s);
    m_messageExpiry->setObjectName(u"publishMessageExpiry"_s);
    m_responseTopic->setObjectName(u"publishResponseTopic"_s);
    m_correlationData->setObjectName(u"publishCorrelationData"_s);
    m_topicAlias->setObjectName(u"publishTopicAlias"_s);
    m_userProperties->setObjectName(u"publishUserProperties"_s);
}

QWidget *PublishPanel::createEditor()
{
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_chooseFile);
    QLayout *optionsRow = createOptionsRow();
    layOutProperties();

    auto *editor = new QWidget;
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_topic);
    editorLayout->addWidget(m_topicMessage);
    editorLayout->addWidget(m_payload, 1);
    editorLayout->addLayout(fileRow);
    editorLayout->addWidget(m_payloadMessage);
    editorLayout->addLayout(optionsRow);
    // The Sparkplug composer sits on the properties' row: the options row is full.
    auto *propertiesRow = new QHBoxLayout;
    propertiesRow->addWidget(m_showProperties);
    propertiesRow->addStretch();
    propertiesRow->addWidget(m_sparkplugButton);
    editorLayout->addLayout(propertiesRow);
    editorLayout->addWidget(m_properties);
    editorLayout->addWidget(m_outcome);

    // The form scrolls within the panel's height instead of growing it: opening the MQTT 5
    // properties or a message under a field must not make the window taller or squeeze the
    // views above.
    m_form = new QScrollArea(this);
    m_form->setObjectName(u"publishForm"_s);
    m_form->setFrameShape(QFrame::NoFrame);
    m_form->setWidgetResizable(true);
    m_form->setWidget(editor);
    return m_form;
}

QLayout *PublishPanel::createOptionsRow()
{
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(new QLabel(tr("Format:"), this));
    optionsRow->addWidget(m_format);
    optionsRow->addWidget(new QLabel(tr("Encode as:"), this));
    optionsRow->addWidget(m_encodeAs);
    optionsRow->addWidget(m_qos);
    optionsRow->addWidget(m_retain);
    optionsRow->addStretch();
    optionsRow->addWidget(m_saveButton);
    optionsRow->addWidget(m_publishButton);
    return optionsRow;
}

void PublishPanel::layOutProperties()
{
    auto *propertiesLayout = new QFormLayout(m_properties);
    propertiesLayout->addRow(tr("Content type:"), m_contentType);
    propertiesLayout->addRow(tr("Payload format:"), m_payloadIsUtf8);
    propertiesLayout->addRow(tr("Message expiry:"), m_messageExpiry);
    propertiesLayout->addRow(tr("Response topic:"), m_responseTopic);
    propertiesLayout->addRow(tr("Correlation data:"), m_correlationData);
    propertiesLayout->addRow(tr("Topic alias:"), m_topicAlias);
    propertiesLayout->addRow(tr("User properties:"), m_userProperties);
    propertiesLayout->setContentsMargins(0, 0, 0, 0);
    // Hidden until asked for: most publishes need none of these.
    m_properties->setVisible(false);
    connect(m_showProperties, &QCheckBox::toggled, m_properties, &QWidget::setVisible);
}

QWidget *PublishPanel::createHistoryBox()
{
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("Published"), this));
    historyLayout->addWidget(m_history);
    return historyBox;
}

void PublishPanel::setCompletionModel(QAbstractItemModel *model)
{
    auto *completer = new TopicCompleter(this);
    completer->setModel(model);
    m_topic->setCompleter(completer);
    m_topicTree = model;
}

void PublishPanel::setProtobufSchemas(std::shared_ptr<const ProtobufSchemas> schemas)
{
    m_encodeAs->setSchemas(std::move(schemas));
}

void PublishPanel::setMqtt5(bool enabled)
{
    m_mqtt5 = enabled;
    m_showProperties->setVisible(enabled);
    m_properties->setVisible(enabled && m_showProperties->isChecked());
}

void PublishPanel::setTopic(const QString &topic)
{
    m_topic->setText(topic);
}

void PublishPanel::validateTopic()
{
    const QString topic = m_topic->text();
    if (topic.isEmpty()) {
        m_topicMessage->clearMessage();
        return;
    }
    m_topicMessage->showMessage(Topic::nameProblem(topic.toUtf8()));
}

void PublishPanel::updateFormatUi()
{
    const bool fromFile =
        PayloadInputFormat(m_format->currentData().toInt()) == PayloadInputFormat::File;
    m_payload->setVisible(!fromFile);
    m_file->setVisible(fromFile);
    m_chooseFile->setVisible(fromFile);
    m_payloadMessage->clearMessage();
}

void PublishPanel::chooseFile()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Payload from file"));
    if (!fileName.isEmpty())
        m_file->setText(fileName);
}

Properties PublishPanel::composeProperties(bool *ok)
{
    *ok = true;
    Properties p;
    if (!m_mqtt5 || !m_showProperties->isChecked())
        return p;
    if (!m_contentType->text().isEmpty())
        p.contentType = m_contentType->text();
    if (m_payloadIsUtf8->isChecked())
        p.payloadFormatIndicator = 1;
    if (m_messageExpiry->value() > 0)
        p.messageExpiryInterval = quint32(m_messageExpiry->value());
    if (!m_responseTopic->text().isEmpty()) {
        const QString problem = Topic::nameProblem(m_responseTopic->text().toUtf8());
        if (!problem.isEmpty()) {
            m_payloadMessage->showMessage(tr("Response topic: %1").arg(problem));
            *ok = false;
        }
        p.responseTopic = m_responseTopic->text();
    }
    if (!m_correlationData->text().isEmpty())
        p.correlationData = m_correlationData->text().toUtf8();
    if (m_topicAlias->value() > 0)
        p.topicAlias = quint16(m_topicAlias->value());
    p.userProperties = m_userProperties->properties();
    return p;
}

std::optional<Message> PublishPanel::composeMessage()
{
    const QByteArray topic = m_topic->text().toUtf8();
    const QString topicProblem = Topic::nameProblem(topic);
    m_topicMessage->showMessage(topicProblem);
    const auto format = PayloadInputFormat(m_format->currentData().toInt());
    QString payloadError;
    qsizetype errorOffset = -1;
    auto payload = encodePayloadInput(format == PayloadInputFormat::File ? m_file->text()
                                                                         : m_payload->toPlainText(),
                                      format, &payloadError);
    if (payload)
        payload = m_encodeAs->encode(*payload, &payloadError, &errorOffset);
    // The offset counts the bytes typed only when they are what was encoded.
    const bool typedAsIs = format == PayloadInputFormat::Text || format == PayloadInputFormat::Json;
    showPayloadError(payloadError, typedAsIs ? errorOffset : -1);
    bool propertiesOk = false;
    Properties properties = composeProperties(&propertiesOk);
    if (!topicProblem.isEmpty() || !payload || !propertiesOk)
        return std::nullopt;

    Message message;
    message.topic = topic;
    message.payload = *payload;
    message.qos = quint8(m_qos->currentData().toInt());
    message.retain = m_retain->isChecked();
    message.properties = std::move(properties);
    return message;
}

// A JSON error's character offset is also where the cursor goes, when the editor holds the text.
// The message is scrolled into view once laid out: in a short panel it is below the fold.
void PublishPanel::showPayloadError(const QString &error, qsizetype offset)
{
    m_payloadMessage->showMessage(error);
    if (!error.isEmpty())
        QTimer::singleShot(0, this, [this] { m_form->ensureWidgetVisible(m_payloadMessage); });
    if (offset < 0 || !m_payload->isVisible())
        return;
    QTextCursor cursor = m_payload->textCursor();
    const QByteArray typed = m_payload->toPlainText().toUtf8();
    cursor.setPosition(int(QString::fromUtf8(typed.left(offset)).size()));
    m_payload->setTextCursor(cursor);
    m_payload->setFocus();
}

void PublishPanel::publish()
{
    if (auto message = composeMessage())
        emit publishRequested(*message);
}

void PublishPanel::composeSparkplugCommand()
{
    auto *dialog = new SparkplugCommandDialog(SparkplugNodeList::fromTopicTree(m_topicTree), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SparkplugCommandDialog::publishRequested, this,
            &PublishPanel::publishComposed);
    dialog->show();
}

void PublishPanel::publishComposed(const Message &message)
{
    m_publishingComposed = true;
    emit publishRequested(message);
    m_publishingComposed = false;
}

void PublishPanel::publishStarted(quint64 requestId, const Message &message)
{
    // A composed command is kept as its bytes, to be sent again as they were.
    const auto format = m_publishingComposed ? PayloadInputFormat::Hex
                                             : PayloadInputFormat(m_format->currentData().toInt());
    auto *item = new QListWidgetItem(
        tr("%1 · QoS %2%3 · %n byte(s) · sending…", nullptr, int(message.payload.size()))
            .arg(QString::fromUtf8(message.topic))
            .arg(message.qos)
            .arg(message.retain ? tr(" · retained") : QString()));
    item->setData(RequestIdRole, requestId);
    item->setData(FormatRole, int(format));
    item->setData(InputRole,
                  m_publishingComposed ? QString::fromLatin1(message.payload.toHex(' '))
                      : format == PayloadInputFormat::File ? m_file->text()
                                                           : m_payload->toPlainText());
    item->setData(EncodeRole, m_publishingComposed ? QString() : m_encodeAs->choiceKey());
    item->setData(QosRole, int(message.qos));
    item->setData(RetainRole, message.retain);
    item->setData(PropertiesRole, QVariant::fromValue(*message.properties));
    item->setToolTip(QString::fromUtf8(message.topic));
    m_history->insertItem(0, item);
    while (m_history->count() > maxHistory)
        delete m_history->takeItem(m_history->count() - 1);
    m_outcome->setText(tr("Sending to %1…").arg(QString::fromUtf8(message.topic)));
}

void PublishPanel::publishFinished(quint64 requestId, ReasonCode reason,
                                   const QString &reasonString)
{
    QString text = reasonCodeName(reason);
    if (!reasonString.isEmpty())
        text = tr("%1 (%2)").arg(text, reasonString);
    setOutcome(requestId, text, isError(reason));
}

void PublishPanel::publishFailed(quint64 requestId, const QString &error)
{
    setOutcome(requestId, error, true);
}

QString PublishPanel::lastOutcome() const
{
    return m_outcome->text();
}

void PublishPanel::setOutcome(quint64 requestId, const QString &text, bool failed)
{
    for (int row = 0; row < m_history->count(); ++row) {
        QListWidgetItem *item = m_history->item(row);
        if (item->data(RequestIdRole).toULongLong() != requestId)
            continue;
        const QString label = item->text();
        const qsizetype cut = label.lastIndexOf(u" · "_s);
        item->setText(label.left(cut) + u" · "_s + (failed ? tr("failed: %1").arg(text) : text));
        const int qos = item->data(QosRole).toInt();
        const QString ack = qos == 0 ? tr("sent") : qos == 1 ? tr("PUBACK") : tr("PUBCOMP");
        m_outcome->setText(failed ? tr("Publish to %1 failed: %2").arg(item->toolTip(), text)
                                  : tr("Published to %1: %2 %3").arg(item->toolTip(), ack, text));
        return;
    }
}

void PublishPanel::loadFromHistory(QListWidgetItem *item)
{
    m_topic->setText(item->toolTip());
    const int formatIndex = m_format->findData(item->data(FormatRole));
    m_format->setCurrentIndex(formatIndex);
    const QString input = item->data(InputRole).toString();
    if (PayloadInputFormat(item->data(FormatRole).toInt()) == PayloadInputFormat::File)
        m_file->setText(input);
    else
        m_payload->setPlainText(input);
    m_encodeAs->setChoiceKey(item->data(EncodeRole).toString());
    m_qos->setCurrentIndex(m_qos->findData(item->data(QosRole)));
    m_retain->setChecked(item->data(RetainRole).toBool());
    showProperties(item->data(PropertiesRole).value<Properties>());
}

void PublishPanel::showHistoryMenu(const QPoint &position)
{
    const QListWidgetItem *item = m_history->itemAt(position);
    if (!item)
        return;
    SavedMessage message = toSavedMessage(
        item->toolTip(), PayloadInputFormat(item->data(FormatRole).toInt()),
        item->data(InputRole).toString(), item->data(QosRole).toInt(),
        item->data(RetainRole).toBool(), item->data(PropertiesRole).value<Properties>());
    message.encodeAs = item->data(EncodeRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Save to library…"), this,
                   [this, message] { emit saveToLibraryRequested(message); });
    menu.exec(m_history->viewport()->mapToGlobal(position));
}

SavedMessage PublishPanel::savedMessage()
{
    const auto format = PayloadInputFormat(m_format->currentData().toInt());
    bool ok = false;
    const Properties properties = composeProperties(&ok);
    SavedMessage message = toSavedMessage(
        m_topic->text(), format,
        format == PayloadInputFormat::File ? m_file->text() : m_payload->toPlainText(),
        m_qos->currentData().toInt(), m_retain->isChecked(), properties);
    // JSON to encode is kept as typed, so that its placeholders are filled in when it is sent.
    message.encodeAs = m_encodeAs->choiceKey();
    return message;
}

void PublishPanel::loadSavedMessage(const SavedMessage &message)
{
    m_topic->setText(message.topic);
    const PayloadInputFormat format = SavedMessageForm::format(message.payloadFormat);
    m_format->setCurrentIndex(m_format->findData(int(format)));
    m_payload->setPlainText(SavedMessageForm::payloadText(message.payload, format));
    m_qos->setCurrentIndex(m_qos->findData(int(message.qos)));
    m_retain->setChecked(message.retain);
    m_encodeAs->setChoiceKey(message.encodeAs);
    showProperties(message.publishProperties());
}

void PublishPanel::showProperties(const Properties &p)
{
    m_contentType->setText(p.contentType.value_or(QString()));
    m_payloadIsUtf8->setChecked(p.payloadFormatIndicator.value_or(0) == 1);
    m_messageExpiry->setValue(int(
        qMin<quint32>(p.messageExpiryInterval.value_or(0), quint32(m_messageExpiry->maximum()))));
    m_responseTopic->setText(p.responseTopic.value_or(QString()));
    m_correlationData->setText(QString::fromUtf8(p.correlationData.value_or(QByteArray())));
    m_topicAlias->setValue(p.topicAlias.value_or(0));
    m_userProperties->setProperties(p.userProperties);
    // Shown when the message had any, so what is re-sent is what the form shows.
    m_showProperties->setChecked(!p.isEmpty());
}

} // namespace mqttscope
