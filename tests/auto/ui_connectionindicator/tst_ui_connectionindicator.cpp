// SPDX-License-Identifier: GPL-3.0-or-later
// The connection state dot of the tabs: one color per state, readable on light and dark
// palettes, and a shape that tells settled states (filled) from transient or idle ones (ring).
#include "connectionindicator.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>

using namespace mqttscope;

namespace {

QPalette paletteWithWindow(const QColor &window, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Disabled, QPalette::WindowText,
                     window.lightness() < 128 ? QColor(0x80, 0x80, 0x80)
                                              : QColor(0x90, 0x90, 0x90));
    return palette;
}

const QList<ConnectionIndicator> allIndicators{
    ConnectionIndicator::Connecting, ConnectionIndicator::Connected,
    ConnectionIndicator::Reconnecting, ConnectionIndicator::Refused,
    ConnectionIndicator::Disconnected};

// Relative luminance contrast as WCAG defines it; 3:1 is the minimum for graphics.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class tst_UiConnectionIndicator : public QObject
{
    Q_OBJECT
private slots:
    void colors_data();
    void colors();
    void shape_data();
    void shape();
};

void tst_UiConnectionIndicator::colors_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << paletteWithWindow(QColor(0xef, 0xef, 0xef), Qt::black);
    QTest::newRow("dark") << paletteWithWindow(QColor(0x2b, 0x2b, 0x2b), Qt::white);
}

void tst_UiConnectionIndicator::colors()
{
    QFETCH(QPalette, palette);
    QList<QRgb> seen;
    for (ConnectionIndicator indicator : allIndicators) {
        const QColor color = indicatorColor(indicator, palette);
        QVERIFY2(!seen.contains(color.rgb()), qPrintable(color.name()));
        seen.append(color.rgb());
        if (indicator != ConnectionIndicator::Disconnected) // the palette's own disabled color
            QVERIFY2(contrast(color, palette.color(QPalette::Window)) >= 2.5,
                     qPrintable(QStringLiteral("%1 on %2")
                                    .arg(color.name(), palette.color(QPalette::Window).name())));
    }
}

void tst_UiConnectionIndicator::shape_data()
{
    QTest::addColumn<ConnectionIndicator>("indicator");
    QTest::addColumn<bool>("filled");
    QTest::newRow("connecting") << ConnectionIndicator::Connecting << false;
    QTest::newRow("connected") << ConnectionIndicator::Connected << true;
    QTest::newRow("reconnecting") << ConnectionIndicator::Reconnecting << false;
    QTest::newRow("refused") << ConnectionIndicator::Refused << true;
    QTest::newRow("disconnected") << ConnectionIndicator::Disconnected << false;
}

void tst_UiConnectionIndicator::shape()
{
    QFETCH(ConnectionIndicator, indicator);
    QFETCH(bool, filled);
    const QPalette palette = paletteWithWindow(QColor(0xef, 0xef, 0xef), Qt::black);
    const QImage image = indicatorIcon(indicator, palette).pixmap(QSize(16, 16)).toImage();
    QCOMPARE(image.size(), QSize(16, 16));
    // Filled: the color above the middle (clear of the refused bar). A ring: see-through middle.
    if (filled)
        QCOMPARE(image.pixelColor(8, 5).rgb(), indicatorColor(indicator, palette).rgb());
    else
        QCOMPARE(image.pixelColor(8, 8).alpha(), 0);
    QCOMPARE(image.pixelColor(0, 0).alpha(), 0); // a dot, not a square
}

QTEST_MAIN(tst_UiConnectionIndicator)
#include "tst_ui_connectionindicator.moc"
