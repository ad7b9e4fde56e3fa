// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodeasmenu.h"

#include "decode/protobufschemas.h"

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr PayloadEncoding menuEncodings[] = {
    PayloadEncoding::Json,       PayloadEncoding::Text,     PayloadEncoding::Hex,
    PayloadEncoding::Base64,     PayloadEncoding::Cbor,     PayloadEncoding::Image,
    PayloadEncoding::SparkplugB, PayloadEncoding::Protobuf, PayloadEncoding::MessagePack};

QString menuText(QString text)
{
    return text.replace(u'&', u"&&"_s); // a topic's '&' is not a mnemonic
}

} // namespace

DecodeAsMenu::DecodeAsMenu(const QByteArray &topic, bool hasChildren,
                           const ProtobufSchemas *schemas, QWidget *parent)
    : QMenu(tr("Decode topics like this as…"), parent)
    , m_filters(suggestedFilters(QString::fromUtf8(topic), hasChildren))
{
    setObjectName(u"decodeAsMenu"_s);
    for (PayloadEncoding encoding : menuEncodings) {
        if (encoding == PayloadEncoding::Protobuf) {
            addProtobufMenu(schemas);
            continue;
        }
        addFilterChoices(addMenu(Encoding::displayName(encoding)), encoding, {});
    }
    addSeparator();
    // Back to the guess by bytes, for topics a broader rule below would otherwise take.
    addFilterChoices(addMenu(Encoding::displayName(PayloadEncoding::Auto)), PayloadEncoding::Auto,
                     {});
}

QStringList DecodeAsMenu::suggestedFilters(const QString &topic, bool hasChildren)
{
    QStringList filters{topic};
    if (hasChildren)
        filters.append(topic + u"/#"_s);
    const qsizetype slash = topic.lastIndexOf(u'/');
    const QString parent = slash < 0 ? QString() : topic.left(slash + 1);
    filters.append(parent + u'+');
    // The same last level under each of the parent's siblings: fleet/+/position.
    if (slash >= 0) {
        const qsizetype above = topic.lastIndexOf(u'/', slash - 1);
        filters.append(topic.left(above + 1) + u'+' + topic.mid(slash));
    }
    filters.append(parent + u'#');
    filters.removeDuplicates();
    return filters;
}

void DecodeAsMenu::addFilterChoices(QMenu *menu, PayloadEncoding encoding,
                                    const QString &messageType)
{
    for (const QString &filter : std::as_const(m_filters)) {
        QString label;
        if (filter == m_filters.constFirst())
            label = tr("%1 (this topic)").arg(filter);
        else if (filter.endsWith(u'+'))
            label = tr("%1 (this level)").arg(filter);
        else if (filter.endsWith(u'#'))
            label = tr("%1 (and below)").arg(filter);
        else
            label = tr("%1 (the same under each)").arg(filter);
        menu->addAction(menuText(label), this, [this, filter, encoding, messageType] {
            emit ruleChosen(FormatRule{filter, encoding, messageType});
        });
    }
}

void DecodeAsMenu::addProtobufMenu(const ProtobufSchemas *schemas)
{
    QMenu *protobuf = addMenu(Encoding::displayName(PayloadEncoding::Protobuf));
    const QStringList types = schemas ? schemas->messageTypes() : QStringList();
    if (types.isEmpty()) {
        protobuf
            ->addAction(tr("No message types: add .proto files in the connection's "
                           "settings (Payload formats)"))
            ->setEnabled(false);
        return;
    }
    for (const QString &type : types)
        addFilterChoices(protobuf->addMenu(menuText(type)), PayloadEncoding::Protobuf, type);
}

} // namespace mqttscope
