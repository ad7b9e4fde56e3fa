// SPDX-License-Identifier: GPL-3.0-or-later
// A string translated through a helper outside a class is looked up under the context the
// helper names, which must be the one lupdate filed it under (the enclosing namespace), or the
// user reads English in a translated window. Each row takes a string from one such helper,
// once without and once with the real zh_CN catalogue, and asks that the two differ.
#include "argumentparser.h"
#include "helptext.h"
#include "client/reasondescription.h"
#include "transport/endpoint.h"
#include "transport/tlsconfiguration.h"
#include "transport/transporterrors.h"

#include <QTest>
#include <QTranslator>

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

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
