// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatusline.h"

#include "connectionstatustext.h"
#include "elidedlabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ConnectionStatusLine::ConnectionStatusLine(QWidget *parent)
    : QWidget(parent)
    , m_stateIcon(new QLabel(this))
    , m_stateLabel(new ElidedLabel(this))
    , m_trafficLabel(new ElidedLabel(this))
    , m_limitsLabel(new ElidedLabel(this))
{
    m_stateIcon->setObjectName(u"stateIcon"_s);
    m_stateLabel->setObjectName(u"stateLabel"_s);
    m_trafficLabel->setObjectName(u"trafficLabel"_s);
    m_limitsLabel->setObjectName(u"limitsLabel"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_stateLabel, 2);
    layout->addWidget(m_trafficLabel, 3);
    layout->addSpacing(12);
    layout->addWidget(m_limitsLabel, 2);
    paintIndicator();
}

void ConnectionStatusLine::setState(ConnectionIndicator indicator, const QString &text)
{
    if (indicator != m_indicator) {
        m_indicator = indicator;
        paintIndicator();
    }
    m_stateLabel->setText(text);
}

void ConnectionStatusLine::setLastError(const QString &text)
{
    m_stateLabel->setDetail(text);
}

QString ConnectionStatusLine::stateText() const
{
    return m_stateLabel->text();
}

QString ConnectionStatusLine::shownStateText() const
{
    return m_stateLabel->shownText();
}

void ConnectionStatusLine::setTraffic(const QString &text)
{
    m_trafficLabel->setText(text);
}

void ConnectionStatusLine::setBrokerLimits(const Properties &connack)
{
    QStringList limits = ConnectionStatusText::limits(connack);
    m_limitsLabel->setText(limits.isEmpty() ? QString()
                                            : tr("Broker: %1").arg(limits.join(u" · "_s)));
    // The id the broker chose is no limit and long: in the tooltip only.
    m_limitsLabel->setDetail(connack.assignedClientIdentifier
                                 ? tr("assigned id %1").arg(*connack.assignedClientIdentifier)
                                 : QString());
}

void ConnectionStatusLine::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        paintIndicator(); // the dot's colors follow light and dark palettes
}

void ConnectionStatusLine::paintIndicator()
{
    const int iconSize = fontMetrics().height();
    m_stateIcon->setPixmap(indicatorIcon(m_indicator, palette())
                               .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
}

} // namespace mqttscope
