// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/payloadview.h"

#include "decode/payloaddecoder.h"
#include "decode/sparkplugaliasbook.h"
#include "decode/sparkplugpayload.h"
#include "explorer/payloadformat.h"
#include "views/hexdumpmodel.h"
#include "views/imageview.h"
#include "views/invalidbytehighlighter.h"
#include "views/jsonhighlighter.h"
#include "views/messagepropertyrows.h"
#include "views/payloadrendering.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

enum Page { TextPage, HexPage, ImagePage };

// QPlainTextEdit lays out a paragraph as a whole, so one line of a few hundred kilobytes freezes
// it for seconds; lines longer than this are broken for display (the bytes stay whole, and copy
// and save use the bytes).
constexpr qsizetype displayLineLimit = 1000;

// The name QImageReader knows a detected image format by; empty lets Qt probe the bytes itself.
QByteArray qtImageFormat(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Png:
        return "png";
    case PayloadFormat::Jpeg:
        return "jpeg";
    case PayloadFormat::Gif:
        return "gif";
    case PayloadFormat::Webp:
        return "webp";
    case PayloadFormat::Bmp:
        return "bmp";
    default:
        return {};
    }
}

// Without a connection's table the view still reads Sparkplug B on spBv1.0/ topics.
const PayloadDecoder &defaultDecoder()
{
    static const PayloadDecoder decoder;
    return decoder;
}

QToolButton *makeButton(const QIcon &icon, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(text);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

struct PayloadView::DisplayText
{
    QString text;
    QList<qsizetype> markers;
    bool linesBroken = false;
};

// The text as the document will hold it, with the invalid-byte markers moved along: long lines
// broken (never inside a marker or a surrogate pair), and "\r\n" folded to "\n" as QTextDocument
// does on its own, which would otherwise shift every later marker position.
PayloadView::DisplayText PayloadView::displayText(const QString &text,
                                                  const QList<qsizetype> &markers)
{
    DisplayText result;
    result.text.reserve(text.size() + text.size() / displayLineLimit + 1);
    result.markers.reserve(markers.size());
    qsizetype nextMarker = 0;
    qsizetype markerEnd = 0;
    qsizetype column = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            continue;
        const bool atMarker = nextMarker < markers.size() && markers[nextMarker] == i;
        if (column >= displayLineLimit && c != u'\n' && i >= markerEnd && !c.isLowSurrogate()) {
            result.text += u'\n';
            result.linesBroken = true;
            column = 0;
        }
        if (atMarker) {
            result.markers.append(result.text.size());
            markerEnd = i + MarkedText::markerLength;
            ++nextMarker;
        }
        result.text += c;
        column = (c == u'\n' || c == u'\r') ? 0 : column + 1;
    }
    return result;
}

PayloadView::PayloadView(QWidget *parent)
    : QWidget(parent)
    , m_topicLabel(new QLabel(this))
    , m_metaLabel(new QLabel(this))
    , m_formatCombo(new QComboBox(this))
    , m_messageTypeCombo(new QComboBox(this))
    , m_noticeLabel(new QLabel(this))
    , m_partBar(createPartBar())
    , m_pages(new QStackedWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_hexView(new QTableView(this))
    , m_hexModel(new HexDumpModel(this))
    , m_image(new ImageView(this))
    , m_properties(new QTreeWidget(this))
    , m_jsonHighlighter(new JsonHighlighter(palette(), nullptr))
    , m_invalidHighlighter(new InvalidByteHighlighter(palette(), nullptr))
{
    m_jsonHighlighter->setParent(this);
    m_invalidHighlighter->setParent(this);
    setUpHeader();
    QLayout *toolbar = createToolbar();
    setUpPages();

    m_properties->setColumnCount(2);
    m_properties->setHeaderLabels({tr("MQTT 5 property"), tr("Value")});
    m_properties->setRootIsDecorated(false);
    m_properties->setUniformRowHeights(true);
    m_properties->setVisible(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_pages);
    splitter->addWidget(m_properties);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_topicLabel);
    layout->addWidget(m_metaLabel);
    layout->addLayout(toolbar);
    layout->addWidget(m_noticeLabel);
    layout->addWidget(m_partBar);
    layout->addWidget(splitter, 1);

    clear();
}

void PayloadView::setUpHeader()
{
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_topicLabel->setWordWrap(true);
    QFont topicFont = m_topicLabel->font();
    topicFont.setBold(true);
    m_topicLabel->setFont(topicFont);
    m_metaLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    for (const PayloadViewFormat format : allPayloadViewFormats())
        m_formatCombo->addItem(payloadViewFormatName(format), QVariant::fromValue(int(format)));
    m_formatCombo->setToolTip(tr("How to show the payload; the bytes are never changed"));
    connect(m_formatCombo, &QComboBox::activated, this, [this](int index) {
        m_formatChosen = true;
        setFormat(PayloadViewFormat(m_formatCombo->itemData(index).toInt()));
    });

    m_messageTypeCombo->setToolTip(tr("The Protobuf message type to read the payload as"));
    m_messageTypeCombo->setVisible(false);
    // Long type names are elided (the list shows them whole) rather than widening this pane and
    // narrowing the tree beside it.
    m_messageTypeCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_messageTypeCombo->setMinimumContentsLength(16);
    connect(m_messageTypeCombo, &QComboBox::activated, this, [this](int index) {
        m_formatChosen = true;
        setMessageType(m_messageTypeCombo->itemText(index));
    });

    m_noticeLabel->setWordWrap(true);
    m_noticeLabel->setVisible(false);
    m_noticeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QLayout *PayloadView::createToolbar()
{
    auto *copyTopicButton = makeButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy topic"), this);
    auto *copyPayloadButton =
        makeButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy payload"), this);
    auto *saveButton = makeButton(
        QIcon::fromTheme(u"document-save-as"_s, style()->standardIcon(QStyle::SP_DialogSaveButton)),
        tr("Save payload…"), this);
    connect(copyTopicButton, &QToolButton::clicked, this, &PayloadView::copyTopic);
    connect(copyPayloadButton, &QToolButton::clicked, this, &PayloadView::copyPayload);
    connect(saveButton, &QToolButton::clicked, this, &PayloadView::savePayloadAs);

    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_formatCombo);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(formatLabel);
    toolbar->addWidget(m_formatCombo);
    toolbar->addWidget(m_messageTypeCombo);
    toolbar->addStretch(1);
    toolbar->addWidget(copyTopicButton);
    toolbar->addWidget(copyPayloadButton);
    toolbar->addWidget(saveButton);
    return toolbar;
}

void PayloadView::setUpPages()
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setFont(fixed);

    m_hexView->setModel(m_hexModel);
    m_hexView->setFont(fixed);
    m_hexView->setShowGrid(false);
    m_hexView->setWordWrap(false);
    m_hexView->verticalHeader()->hide();
    // Fixed row heights and content-sized columns measured on one row keep huge dumps instant.
    m_hexView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_hexView->verticalHeader()->setDefaultSectionSize(QFontMetrics(fixed).height() + 4);
    m_hexView->horizontalHeader()->setStretchLastSection(true);
    m_hexView->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_pages->insertWidget(TextPage, m_text);
    m_pages->insertWidget(HexPage, m_hexView);
    m_pages->insertWidget(ImagePage, m_image);
}

QWidget *PayloadView::createPartBar()
{
    auto *bar = new QWidget(this);
    auto *label = new QLabel(tr("Only the first %1 characters are shown; Copy payload and Save "
                                "payload… keep all of it.")
                                 .arg(QLocale().toString(shownCharLimit)),
                             bar);
    label->setWordWrap(true);
    auto *showAll = new QToolButton(bar);
    showAll->setText(tr("Show all"));
    showAll->setToolTip(tr("Show the whole text; for big payloads that arrive often, this costs "
                           "the window time on each one"));
    connect(showAll, &QToolButton::clicked, this, &PayloadView::showWhole);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(label, 1);
    row->addWidget(showAll);
    bar->setVisible(false);
    return bar;
}

PayloadView::~PayloadView() = default;

void PayloadView::setMessage(const Message &message)
{
    const bool sameTopic = m_hasMessage && message.topic == m_message.topic;
    m_message = message;
    m_hasMessage = true;
    m_text->setPlaceholderText({}); // an empty payload shows as empty
    if (!sameTopic) {
        m_formatChosen = false;
        m_wholeChosen = false;
    }
    m_guessedFormat = defaultFormat();
    const PayloadViewFormat shown = m_formatChosen ? m_format : m_guessedFormat;
    const bool changed = shown != m_format;
    m_format = shown;
    updateHeader();
    updateProperties();
    render();
    if (changed)
        emit formatChanged(m_format);
}

// The topic's format rule first (its message type too, unless the user chose one), then the
// guess by bytes.
PayloadViewFormat PayloadView::defaultFormat()
{
    const PayloadDecoder &decoder = m_decoder ? *m_decoder : defaultDecoder();
    QString type;
    const PayloadEncoding encoding = decoder.encodingFor(m_message.topic, &type);
    if (const auto format = payloadViewFormatFor(encoding)) {
        if (!m_formatChosen)
            m_messageType = type;
        return *format;
    }
    return guessPayloadViewFormat(m_message.payload, m_message.properties);
}

void PayloadView::setDecoder(std::shared_ptr<const PayloadDecoder> decoder)
{
    m_decoder = std::move(decoder);
    updateMessageTypes();
    if (!m_hasMessage)
        return;
    // A changed rule table applies at once to the shown message, as to the next ones.
    m_formatChosen = false;
    m_guessedFormat = defaultFormat();
    setFormat(m_guessedFormat);
}

void PayloadView::setSparkplugAliases(const SparkplugAliasBook *aliases)
{
    m_sparkplugAliases = aliases;
    if (m_hasMessage && m_format == PayloadViewFormat::SparkplugB)
        render();
}

// A Sparkplug B payload with the names its BIRTHs gave its aliases, as the connection's
// SparkplugTracker read it when it arrived [tck-id-payloads-alias-data-cmd-requirement].
DecodedPayload PayloadView::decodeShown() const
{
    const QByteArray &payload = m_message.payload;
    if (m_format == PayloadViewFormat::SparkplugB && m_sparkplugAliases) {
        return Sparkplug::toJson(
            payload,
            m_sparkplugAliases->aliasesFor(m_message.topic, m_message.receivedMsecsSinceEpoch));
    }
    const PayloadDecoder &decoder = m_decoder ? *m_decoder : defaultDecoder();
    return decoder.decodeAs(*decodedEncodingOf(m_format), payload, m_messageType);
}

void PayloadView::setMessageType(const QString &type)
{
    m_messageType = type;
    if (m_hasMessage && m_format == PayloadViewFormat::Protobuf)
        render();
}

void PayloadView::updateMessageTypes()
{
    const ProtobufSchemas *schemas = m_decoder ? m_decoder->schemas().get() : nullptr;
    m_messageTypeCombo->clear();
    if (schemas)
        m_messageTypeCombo->addItems(schemas->messageTypes());
}

void PayloadView::clear()
{
    m_message = {};
    m_hasMessage = false;
    m_formatChosen = false;
    m_wholeChosen = false;
    m_shownInPart = false;
    m_partBar->setVisible(false);
    m_topicLabel->setText(tr("No message selected"));
    m_text->setPlaceholderText(tr("Select a topic in the tree to see its messages"));
    m_metaLabel->clear();
    m_properties->clear();
    m_properties->setVisible(false);
    showNotice({});
    m_jsonHighlighter->setDocument(nullptr);
    m_invalidHighlighter->setDocument(nullptr);
    m_text->clear();
    m_hexModel->setBytes({});
    m_image->setImage({});
    m_pages->setCurrentIndex(TextPage);
}

void PayloadView::setFormat(PayloadViewFormat format)
{
    const bool changed = format != m_format;
    m_format = format;
    if (m_hasMessage)
        render();
    else
        m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
    if (changed)
        emit formatChanged(format);
}

QString PayloadView::renderedText() const
{
    return m_pages->currentIndex() == TextPage ? m_text->toPlainText() : QString();
}

QImage PayloadView::renderedImage() const
{
    return m_pages->currentIndex() == ImagePage ? m_image->image() : QImage();
}

QString PayloadView::notice() const
{
    return m_noticeLabel->text();
}

bool PayloadView::isShownInPart() const
{
    return m_shownInPart;
}

void PayloadView::showWhole()
{
    m_wholeChosen = true;
    if (m_hasMessage && m_shownInPart)
        render();
}

qsizetype PayloadView::charLimit() const
{
    return m_wholeChosen ? -1 : shownCharLimit;
}

void PayloadView::render()
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(m_format)));
    m_messageTypeCombo->setVisible(m_format == PayloadViewFormat::Protobuf);
    m_messageTypeCombo->setCurrentIndex(m_messageTypeCombo->findText(m_messageType));
    showNotice({});
    m_shownInPart = false;
    m_jsonHighlighter->setDocument(nullptr);
    m_invalidHighlighter->setDocument(nullptr);
    m_text->clear(); // before a highlighter is attached, so it never works on the old text
    const QByteArray &payload = m_message.payload;
    switch (m_format) {
    case PayloadViewFormat::Text:
        showMarkedText();
        break;
    case PayloadViewFormat::Json: {
        QString error;
        const qsizetype limit = charLimit();
        // One character more than shown tells whether there is more.
        const std::optional<QString> pretty =
            prettyJson(payload, &error, 2, limit < 0 ? -1 : limit + 1);
        if (!pretty) {
            showNotice(error);
            showMarkedText();
            break;
        }
        // Attached before the text is set, a highlighter runs as the text goes in; attached
        // after, it would colour a moment later and a grab could catch the plain text.
        if (pretty->size() <= highlightLimitBytes)
            m_jsonHighlighter->setDocument(m_text->document());
        showText(*pretty, false);
        break;
    }
    case PayloadViewFormat::Hex:
        showHex();
        break;
    case PayloadViewFormat::SparkplugB:
    case PayloadViewFormat::Protobuf:
    case PayloadViewFormat::MessagePack:
        showDecoded();
        break;
    case PayloadViewFormat::Base64: {
        // 57 bytes make a line of 76 characters and its line break.
        const qsizetype limit = charLimit();
        const qsizetype bytes = limit < 0 ? payload.size() : (limit / 77 + 1) * 57;
        showText(base64Lines(payload.first(qMin(payload.size(), bytes))), false);
        break;
    }
    case PayloadViewFormat::Cbor: {
        QString error;
        const std::optional<QString> diagnostic = cborDiagnostic(payload, &error);
        if (!diagnostic) {
            showNotice(error);
            showHex();
            break;
        }
        showText(*diagnostic, false);
        break;
    }
    case PayloadViewFormat::Image: {
        // The format from the magic number, so that a wrong file suffix or content type can't
        // mislead the decoder; Qt's own probing is the fallback for formats we don't sniff.
        QBuffer buffer;
        buffer.setData(payload);
        QImageReader reader(&buffer, qtImageFormat(Payload::imageFormat(payload)));
        const QImage image = reader.read();
        if (image.isNull()) {
            showNotice(tr("Not an image Qt can decode: %1").arg(reader.errorString()));
            showHex();
            break;
        }
        m_image->setImage(image);
        m_image->setToolTip(tr("%1 × %2 pixels, %3")
                                .arg(image.width())
                                .arg(image.height())
                                .arg(QString::fromLatin1(reader.format()).toUpper()));
        m_pages->setCurrentIndex(ImagePage);
        break;
    }
    }
}

// Only the shown message is decoded, and never one above MaxDecodeBytes, so that a flood of big
// payloads costs the window nothing; what does not decode shows why and where over the bytes.
void PayloadView::showDecoded()
{
    const QByteArray &payload = m_message.payload;
    if (payload.size() > PayloadDecoder::MaxDecodeBytes) {
        showNotice(tr("The payload is larger than %1 and is not decoded in the view.")
                       .arg(QLocale().formattedDataSize(PayloadDecoder::MaxDecodeBytes)));
        showHex();
        return;
    }
    if (m_format == PayloadViewFormat::Protobuf && m_messageType.isEmpty()) {
        showNotice(tr("Choose the Protobuf message type to read the payload as."));
        showHex();
        return;
    }
    const DecodedPayload decoded = decodeShown();
    QString error = decoded.error;
    const qsizetype limit = charLimit();
    const std::optional<QString> pretty = decoded.decoded()
        ? prettyJson(decoded.json, &error, 2, limit < 0 ? -1 : limit + 1)
        : std::nullopt;
    if (!pretty) {
        showNotice(decoded.errorOffset >= 0 ? tr("Could not decode the payload at byte %1: %2")
                                                  .arg(decoded.errorOffset)
                                                  .arg(error)
                                            : tr("Could not decode the payload: %1").arg(error));
        showHex(decoded.errorOffset);
        return;
    }
    if (pretty->size() <= highlightLimitBytes)
        m_jsonHighlighter->setDocument(m_text->document());
    showText(*pretty, false);
}

// `text` holds at most one character more than charLimit(): that one says it goes on.
void PayloadView::showText(QString text, bool wrap)
{
    const qsizetype limit = charLimit();
    if (limit >= 0 && text.size() > limit) {
        text.truncate(text[limit - 1].isHighSurrogate() ? limit - 1 : limit);
        m_shownInPart = true;
    }
    setDocumentText(displayText(text), wrap);
}

void PayloadView::setDocumentText(const DisplayText &text, bool wrap)
{
    m_text->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    m_text->setPlainText(text.text);
    m_pages->setCurrentIndex(TextPage);
    m_partBar->setVisible(m_shownInPart);
    if (text.linesBroken && m_noticeLabel->text().isEmpty())
        showNotice(tr("Lines longer than %1 characters are broken for display; copy and save keep "
                      "the bytes as they are.")
                       .arg(displayLineLimit));
}

void PayloadView::showMarkedText()
{
    // A character takes at least one byte: the first charLimit() + 1 bytes are enough, cut
    // where no UTF-8 sequence is split.
    const QByteArray &payload = m_message.payload;
    const qsizetype limit = charLimit();
    qsizetype bytes = payload.size();
    if (limit >= 0 && bytes > limit + 1) {
        bytes = limit + 1;
        while (bytes > 0 && (quint8(payload[bytes]) & 0xC0) == 0x80)
            --bytes;
    }
    MarkedText marked = decodeUtf8Marked(bytes < payload.size() ? payload.first(bytes) : payload);
    m_shownInPart = bytes < payload.size();
    if (limit >= 0 && marked.text.size() > limit) {
        // Never inside a marker or a surrogate pair.
        qsizetype cut = marked.text[limit - 1].isHighSurrogate() ? limit - 1 : limit;
        for (const qsizetype at : std::as_const(marked.invalidMarkers)) {
            if (at < cut && at + MarkedText::markerLength > cut)
                cut = at;
        }
        marked.text.truncate(cut);
        marked.invalidMarkers.removeIf([cut](qsizetype at) { return at >= cut; });
        m_shownInPart = true;
    }
    const DisplayText shown = displayText(marked.text, marked.invalidMarkers);
    if (!shown.markers.isEmpty() && shown.text.size() <= highlightLimitBytes) {
        m_invalidHighlighter->setMarkers(shown.markers);
        m_invalidHighlighter->setDocument(m_text->document());
    }
    setDocumentText(shown, true);
    if (!shown.markers.isEmpty() && m_noticeLabel->text().isEmpty())
        showNotice(tr("Bytes that are not valid UTF-8 are shown as \\xNN (%1 of them).")
                       .arg(shown.markers.size()));
}

void PayloadView::showHex(qsizetype offset)
{
    m_hexModel->setBytes(m_message.payload);
    m_hexView->resizeColumnToContents(HexDumpModel::OffsetColumn);
    m_hexView->resizeColumnToContents(HexDumpModel::HexColumn);
    m_pages->setCurrentIndex(HexPage);
    if (offset < 0)
        return;
    // The row holding the byte where decoding stopped, 16 bytes a row.
    const QModelIndex row = m_hexModel->index(int(offset / 16), HexDumpModel::OffsetColumn);
    m_hexView->setCurrentIndex(row);
    m_hexView->scrollTo(row, QAbstractItemView::PositionAtCenter);
}

void PayloadView::showNotice(const QString &notice)
{
    m_noticeLabel->setText(notice);
    m_noticeLabel->setVisible(!notice.isEmpty());
}

void PayloadView::updateHeader()
{
    m_topicLabel->setText(QString::fromUtf8(m_message.topic));
    QStringList parts;
    parts << tr("QoS %1").arg(m_message.qos);
    if (m_message.retain)
        parts << tr("retained");
    if (m_message.dup)
        parts << tr("duplicate");
    const QLocale locale;
    const qsizetype size = m_message.payload.size();
    parts << (size < 1024
                  ? tr("%1 B").arg(size)
                  : tr("%1 (%2 B)").arg(locale.formattedDataSize(size), locale.toString(size)));
    if (m_message.receivedMsecsSinceEpoch > 0)
        parts << QDateTime::fromMSecsSinceEpoch(m_message.receivedMsecsSinceEpoch)
                     .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    m_metaLabel->setText(parts.join(u" · "_s));
}

void PayloadView::updateProperties()
{
    m_properties->clear();
    const QList<PropertyRow> rows = messagePropertyRows(m_message.properties);
    for (const PropertyRow &row : rows)
        new QTreeWidgetItem(m_properties, {row.name, row.value});
    m_properties->resizeColumnToContents(0);
    m_properties->setVisible(!rows.isEmpty());
}

bool PayloadView::savePayload(const QString &fileName, QString *error) const
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(m_message.payload) != m_message.payload.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void PayloadView::copyTopic()
{
    if (m_hasMessage)
        QApplication::clipboard()->setText(QString::fromUtf8(m_message.topic));
}

void PayloadView::copyPayload()
{
    if (!m_hasMessage)
        return;
    auto *mime = new QMimeData;
    mime->setData(u"application/octet-stream"_s, m_message.payload);
    mime->setText(QByteArrayView(m_message.payload).isValidUtf8()
                      ? QString::fromUtf8(m_message.payload)
                      : QString::fromLatin1(m_message.payload.toHex(' ')));
    QApplication::clipboard()->setMimeData(mime);
}

void PayloadView::savePayloadAs()
{
    if (!m_hasMessage)
        return;
    const QString suggested = QString::fromUtf8(m_message.topic).section(u'/', -1);
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save payload"), suggested);
    if (fileName.isEmpty())
        return;
    QString error;
    if (!savePayload(fileName, &error))
        QMessageBox::warning(this, tr("Save payload"),
                             tr("Could not save the payload to %1:\n%2").arg(fileName, error));
}

void PayloadView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_jsonHighlighter->setPalette(palette());
        m_invalidHighlighter->setPalette(palette());
    }
    QWidget::changeEvent(event);
}

} // namespace mqttscope
