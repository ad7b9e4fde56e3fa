// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/diffview.h"
#include "views/linediff.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>

using namespace Qt::Literals::StringLiterals;
using namespace mqttscope;

namespace {

// A diff as one compact string: " same", "-removed", "+added", joined by '|'.
QString render(const QList<DiffLine> &lines)
{
    QStringList out;
    for (const DiffLine &line : lines) {
        const QChar mark = line.kind == DiffLine::Same ? u' '
            : line.kind == DiffLine::Added             ? u'+'
                                                       : u'-';
        out.append(mark + line.text);
    }
    return out.join(u'|');
}

QStringList split(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(u',');
}

} // namespace

class tst_DiffView : public QObject
{
    Q_OBJECT
private slots:
    void diffLines_data();
    void diffLines();
    void diffIsMinimalAndComplete_data();
    void diffIsMinimalAndComplete();
    void boundedWorkFallsBackToWholesale();
    void jsonIsPrettyPrintedFirst();
    void binaryComparedAsHex();
    void highlightsChangedLines();
    void hugePayloadsAreNotDiffedLineByLine();
    void screenshot();
};

void tst_DiffView::diffLines_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("both empty") << ""
                                << ""
                                << "";
    QTest::newRow("identical") << "a,b"
                               << "a,b"
                               << " a| b";
    QTest::newRow("all added") << ""
                               << "a,b"
                               << "+a|+b";
    QTest::newRow("all removed") << "a,b"
                                 << ""
                                 << "-a|-b";
    QTest::newRow("one changed") << "a,b,c"
                                 << "a,x,c"
                                 << " a|-b|+x| c";
    QTest::newRow("insert middle") << "a,c"
                                   << "a,b,c"
                                   << " a|+b| c";
    QTest::newRow("delete first") << "a,b,c"
                                  << "b,c"
                                  << "-a| b| c";
    QTest::newRow("append") << "a"
                            << "a,b"
                            << " a|+b";
    QTest::newRow("two changes apart") << "a,b,c,d,e"
                                       << "a,B,c,d,E"
                                       << " a|-b|+B| c| d|-e|+E";
    QTest::newRow("myers classic") << "A,B,C,A,B,B,A"
                                   << "C,B,A,B,A,C"
                                   << "-A|-B| C|+B| A| B|-B| A|+C";
    QTest::newRow("replace all") << "a,b"
                                 << "c,d"
                                 << "-a|-b|+c|+d";
}

void tst_DiffView::diffLines()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(render(mqttscope::diffLines(split(before), split(after))), expected);
}

void tst_DiffView::diffIsMinimalAndComplete_data()
{
    QTest::addColumn<int>("seed");
    for (int seed = 1; seed <= 20; ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

// Property check on random inputs: the diff replays to both sides, and its edit count equals
// n + m - 2 * LCS computed by the textbook quadratic table.
void tst_DiffView::diffIsMinimalAndComplete()
{
    QFETCH(int, seed);
    srand(unsigned(seed));
    const auto randomLines = [] {
        QStringList lines;
        const int count = rand() % 30;
        for (int i = 0; i < count; ++i)
            lines.append(QString(QChar(u'a' + rand() % 4)));
        return lines;
    };
    const QStringList a = randomLines();
    const QStringList b = randomLines();
    const QList<DiffLine> diff = mqttscope::diffLines(a, b);
    QStringList replayBefore, replayAfter;
    int edits = 0;
    for (const DiffLine &line : diff) {
        if (line.kind != DiffLine::Added)
            replayBefore.append(line.text);
        if (line.kind != DiffLine::Removed)
            replayAfter.append(line.text);
        edits += line.kind != DiffLine::Same;
    }
    QCOMPARE(replayBefore, a);
    QCOMPARE(replayAfter, b);
    QList<QList<int>> lcs(a.size() + 1, QList<int>(b.size() + 1, 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : qMax(lcs[i + 1][j], lcs[i][j + 1]);
    QCOMPARE(edits, int(a.size() + b.size() - 2 * lcs[0][0]));
}

void tst_DiffView::boundedWorkFallsBackToWholesale()
{
    QStringList a, b;
    for (int i = 0; i < 50; ++i) {
        a.append(u"a%1"_s.arg(i));
        b.append(u"b%1"_s.arg(i));
    }
    a.prepend(u"same"_s);
    b.prepend(u"same"_s);
    const QList<DiffLine> diff = mqttscope::diffLines(a, b, 10);
    QCOMPARE(diff.size(), 101);
    QCOMPARE(diff.first(), (DiffLine{DiffLine::Same, u"same"_s}));
    QCOMPARE(diff[1], (DiffLine{DiffLine::Removed, u"a0"_s}));
    QCOMPARE(diff[51], (DiffLine{DiffLine::Added, u"b0"_s}));
}

void tst_DiffView::jsonIsPrettyPrintedFirst()
{
    DiffView view;
    view.setPayloads("{\"t\":21.5,\"h\":40,\"id\":\"s1\"}", "{\"t\":21.7,\"h\":40,\"id\":\"s1\"}");
    QCOMPARE(render(view.lines()),
             u" {|-  \"t\": 21.5,|+  \"t\": 21.7,|   \"h\": 40,|   \"id\": \"s1\"| }"_s);
}

void tst_DiffView::binaryComparedAsHex()
{
    DiffView view;
    QByteArray before(40, '\0');
    before[0] = '\xff';
    QByteArray after = before;
    after[20] = '\x01';
    view.setPayloads(before, after);
    QCOMPARE(view.lines().size(), 4);
    QCOMPARE(view.lines()[0].kind, DiffLine::Same);
    QCOMPARE(view.lines()[1].kind, DiffLine::Removed);
    QVERIFY(view.lines()[1].text.startsWith(u"00000010  00 00 00 00"_s));
    QVERIFY(view.lines()[2].text.startsWith(u"00000010  00 00 00 00 01"_s));
}

void tst_DiffView::highlightsChangedLines()
{
    DiffView view;
    view.setPayloads("a\nb\nc", "a\nx\r\ny\rz\nc");
    const QTextDocument *document = view.findChild<QPlainTextEdit *>()->document();
    QCOMPARE(document->blockCount(), int(view.lines().size())); // a lone CR does not add a block
    QStringList backgrounds;
    for (QTextBlock block = document->firstBlock(); block.isValid(); block = block.next())
        backgrounds.append(block.blockFormat().background().style() == Qt::NoBrush
                               ? u"none"_s
                               : block.blockFormat().background().color().name());
    QCOMPARE(backgrounds.first(), u"none"_s);
    QCOMPARE(backgrounds.last(), u"none"_s);
    QVERIFY(backgrounds[1] != u"none"_s);
    QVERIFY(backgrounds[2] != u"none"_s);
    QVERIFY(backgrounds[1] != backgrounds[2]); // removed and added differ
}

void tst_DiffView::hugePayloadsAreNotDiffedLineByLine()
{
    QByteArray before;
    for (int i = 0; i <= DiffView::maximumLines; ++i)
        before += QByteArray::number(i) + '\n';
    QByteArray after = before;
    after.replace("17\n", "seventeen\n");
    DiffView view;
    QElapsedTimer timer;
    timer.start();
    view.setPayloads(before, after);
    QVERIFY(timer.elapsed() < 3000);
    QVERIFY(view.lines().isEmpty());
    QVERIFY(view.findChild<QLabel *>()->text().startsWith(u"Differs"_s));
    view.setPayloads(before, before);
    QVERIFY(view.findChild<QLabel *>()->text().startsWith(u"Identical"_s));
}

void tst_DiffView::screenshot()
{
    const QString dir = qEnvironmentVariable("MQTTSCOPE_GRAB_DIR");
    if (dir.isEmpty())
        QSKIP("set MQTTSCOPE_GRAB_DIR to save screenshots");
    DiffView view;
    view.resize(520, 300);
    view.setPayloads(
        "{\"temperature\":21.5,\"humidity\":48.2,\"battery\":97,\"rssi\":-61}",
        "{\"temperature\":21.6,\"humidity\":48.2,\"battery\":96,\"rssi\":-61,\"alarm\":false}");
    QVERIFY(view.grab().save(dir + u"/diff.png"_s));
}

QTEST_MAIN(tst_DiffView)
#include "tst_diffview.moc"
