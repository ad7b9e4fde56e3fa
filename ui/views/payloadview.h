// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/decodedpayload.h"
#include "protocol/message.h"
#include "views/payloadviewformat.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLayout;
class QPlainTextEdit;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace mqttscope {

class HexDumpModel;
class PayloadDecoder;
class SparkplugAliasBook;
class ImageView;
class InvalidByteHighlighter;
class JsonHighlighter;

// Shows one message's payload as text, pretty JSON, hex dump, base64, CBOR diagnostic notation or
// image, with its MQTT 5 properties. The format is guessed for each new topic and can be switched
// with the combo; switching re-renders from the bytes held, which are never altered or truncated.
// A choice made with the combo sticks while messages of the same topic follow. With a decoder,
// a topic's format rule (or Sparkplug B on spBv1.0/) comes before the guess by bytes; Sparkplug
// B, Protobuf and MessagePack are decoded for the shown message only, never above
// PayloadDecoder::MaxDecodeBytes, and a failure shows its error and offset over the hex dump.
//
// Only the chosen rendering is computed; the hex dump is formatted row by row as it scrolls,
// highlighting is skipped above highlightLimitBytes, and a text page shows its first
// shownCharLimit characters until the user asks for all of it (for this topic), so
// multi-megabyte payloads stay responsive, also arriving many times a second.
class PayloadView : public QWidget
{
    Q_OBJECT
public:
    static constexpr qsizetype highlightLimitBytes = 1024 * 1024;
    static constexpr qsizetype shownCharLimit = 16 * 1024;

    explicit PayloadView(QWidget *parent = nullptr);
    ~PayloadView() override;

    void setMessage(const Message &message);
    void clear();
    const Message &message() const { return m_message; }

    PayloadViewFormat format() const { return m_format; }
    PayloadViewFormat guessedFormat() const { return m_guessedFormat; }
    void setFormat(PayloadViewFormat format);

    // The connection's format table; null reads Sparkplug B topics only (a default decoder).
    void setDecoder(std::shared_ptr<const PayloadDecoder> decoder);
    const PayloadDecoder *decoder() const { return m_decoder.get(); }
    // The connection's BIRTH aliases: a Sparkplug B DATA message shows its metrics by the names
    // the BIRTHs before it gave (null: by alias). Not owned; must outlive the view's use of it.
    void setSparkplugAliases(const SparkplugAliasBook *aliases);
    // The Protobuf message type the view decodes with (the rule's, or chosen in its combo).
    QString messageType() const { return m_messageType; }
    void setMessageType(const QString &type);

    // What the view shows, for tests and for the diff view's callers.
    QString renderedText() const; // the text page (empty when the hex or image page is shown)
    QImage renderedImage() const; // null unless the image page is shown
    QString notice() const; // why a format could not be shown, or empty
    // The text page holds only the payload's start (see shownCharLimit) and offers "Show all".
    bool isShownInPart() const;
    // The rest of the text too, for the shown message and the topic's next ones.
    void showWhole();

    // Writes the payload bytes to `fileName` exactly; false with *error set on failure.
    bool savePayload(const QString &fileName, QString *error) const;

public slots:
    void copyTopic();
    void copyPayload(); // raw bytes as application/octet-stream, plus text (UTF-8) or hex
    void savePayloadAs(); // asks for a file name, reports failures in a message box

signals:
    void formatChanged(mqttscope::PayloadViewFormat format);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setUpHeader();
    QLayout *createToolbar();
    void setUpPages();
    QWidget *createPartBar();
    void render();
    qsizetype charLimit() const;
    void showText(QString text, bool wrap);
    struct DisplayText;
    static DisplayText displayText(const QString &text, const QList<qsizetype> &markers = {});
    void setDocumentText(const DisplayText &text, bool wrap);
    void showMarkedText();
    void showHex(qsizetype offset = -1);
    void showDecoded();
    DecodedPayload decodeShown() const;
    void updateMessageTypes();
    PayloadViewFormat defaultFormat();
    void showNotice(const QString &notice);
    void updateHeader();
    void updateProperties();

    Message m_message;
    bool m_hasMessage = false;
    PayloadViewFormat m_format = PayloadViewFormat::Text;
    PayloadViewFormat m_guessedFormat = PayloadViewFormat::Text;
    bool m_formatChosen = false; // by the user, for the current topic
    bool m_wholeChosen = false; // "Show all", for the current topic
    bool m_shownInPart = false;
    std::shared_ptr<const PayloadDecoder> m_decoder;
    const SparkplugAliasBook *m_sparkplugAliases = nullptr;
    QString m_messageType;

    QLabel *m_topicLabel;
    QLabel *m_metaLabel;
    QComboBox *m_formatCombo;
    QComboBox *m_messageTypeCombo;
    QLabel *m_noticeLabel;
    QWidget *m_partBar;
    QStackedWidget *m_pages;
    QPlainTextEdit *m_text;
    QTableView *m_hexView;
    HexDumpModel *m_hexModel;
    ImageView *m_image;
    QTreeWidget *m_properties;
    JsonHighlighter *m_jsonHighlighter;
    InvalidByteHighlighter *m_invalidHighlighter;
};

} // namespace mqttscope
