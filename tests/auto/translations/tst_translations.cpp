// SPDX-License-Identifier: GPL-3.0-or-later
// A string translated through a helper outside a class is looked up under the context the
// helper names, which must be the one lupdate filed it under (the enclosing namespace), or the
// user reads English in a translated window. Each row takes a string from one such helper,
// once without and once with the real zh_CN catalogue, and asks that the two differ. And the
// English plural forms must be their source's own words.
#include "argumentparser.h"
#include "helptext.h"
#include "client/reasondescription.h"
#include "transport/endpoint.h"
#include "transport/tlsconfiguration.h"
#include "transport/transporterrors.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

using TextOf = std::function<QString()>;
Q_DECLARE_METATYPE(TextOf)

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void helpersOutsideClassesAreTranslated_data();
    void helpersOutsideClassesAreTranslated();
    void englishPluralsMatchTheirSource();
};

void tst_Translations::helpersOutsideClassesAreTranslated_data()
{
    QTest::addColumn<TextOf>("text");
    QTest::newRow("transporterrors") << TextOf([] {
        Endpoint endpoint;
        endpoint.host = u"h"_s;
        return transporterrors::describeTimeout(endpoint);
    });
    QTest::newRow("tlsconfiguration") << TextOf([] {
        TlsOptions options;
        options.caFile = u"/nonexistent/ca.pem"_s;
        QString error;
        makeSslConfiguration(options, &error);
        return error;
    });
    QTest::newRow("endpoint") << TextOf([] {
        QString error;
        parseEndpointUrl(u"mqtt://:1883"_s, &error);
        return error;
    });
    QTest::newRow("reasondescription") << TextOf([] {
        return describeProtocolError({ReasonCode::MalformedPacket, u"x"_s});
    });
    QTest::newRow("helptext") << TextOf([] { return cli::HelpText::overview(); });
    QTest::newRow("argumentparser") << TextOf([] {
        QString error;
        cli::ArgumentParser::parse({u"sub"_s}, &error);
        return error;
    });
}

void tst_Translations::helpersOutsideClassesAreTranslated()
{
    QFETCH(TextOf, text);
    const QString english = text();
    QVERIFY(!english.isEmpty());
    QTranslator chinese;
    QVERIFY(chinese.load(u":/i18n/mqttscope_zh_CN.qm"_s));
    QCoreApplication::installTranslator(&chinese);
    const QString translated = text();
    QCoreApplication::removeTranslator(&chinese);
    QVERIFY2(translated != english, qPrintable(english));
}

namespace {

struct PluralMessage
{
    QString source;
    QStringList forms;
};

QList<PluralMessage> pluralMessages(QXmlStreamReader &xml)
{
    QList<PluralMessage> messages;
    bool inPlural = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == "message"_L1)
            inPlural = false;
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "message"_L1) {
            inPlural = xml.attributes().value("numerus"_L1) == "yes"_L1;
            if (inPlural)
                messages.append(PluralMessage{});
        } else if (inPlural && xml.name() == "source"_L1) {
            messages.last().source = xml.readElementText();
        } else if (inPlural && xml.name() == "numerusform"_L1) {
            messages.last().forms.append(xml.readElementText());
        }
    }
    return messages;
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    for (const auto &match : QRegularExpression(u"%L?\\d|%n"_s).globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

QSet<QString> words(QString text)
{
    text.remove(QRegularExpression(u"%L?\\d|%n|[()]"_s));
    QSet<QString> found;
    for (const auto &match : QRegularExpression(u"[A-Za-z]+"_s).globalMatch(text))
        found.insert(match.captured().toLower());
    return found;
}

} // namespace

// The English plural forms (mqttscope_en.ts, filled by scripts/english-plurals.py) are the
// source's own words: a script once gave "%n line(s) skipped" the forms "Reconnecting in %n s".
void tst_Translations::englishPluralsMatchTheirSource()
{
    QFile file(QStringLiteral(MQTTSCOPE_SOURCE_DIR "/translations/mqttscope_en.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    const QList<PluralMessage> messages = pluralMessages(xml);
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages.size() > 10);
    for (const PluralMessage &message : messages) {
        QCOMPARE(message.forms.size(), 2);
        QSet<QString> sourceWords = words(message.source);
        sourceWords.unite(
            words(QString(message.source).remove(QRegularExpression(u"\\(\\w+\\)"_s))));
        for (const QString &form : message.forms) {
            QCOMPARE(placeholders(form), placeholders(message.source));
            const QSet<QString> formWords = words(form);
            QVERIFY2(QSet<QString>(formWords).intersect(sourceWords).size() * 2 >= formWords.size(),
                     qPrintable(message.source + u" -> "_s + form));
        }
    }
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
