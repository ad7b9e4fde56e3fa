// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionindicator.h"

#include <QWidget>

class QLabel;

namespace mqttscope {

class ElidedLabel;
struct Properties;

// The line under a connection: its dot and state, traffic, and the limits the broker announced.
// Long texts are cut with "…" rather than widening the window; the tooltips hold them whole.
class ConnectionStatusLine : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusLine(QWidget *parent = nullptr);

    void setState(ConnectionIndicator indicator, const QString &text);
    // The last problem that did not end the connection (a refused publish), in the tooltip.
    void setLastError(const QString &text);
    QString stateText() const;
    QString shownStateText() const; // as cut to the line's width
    void setTraffic(const QString &text);
    // The limits of a CONNACK, in short; its assigned client id in the tooltip only.
    void setBrokerLimits(const Properties &connack);

protected:
    void changeEvent(QEvent *event) override;

private:
    void paintIndicator();

    ConnectionIndicator m_indicator = ConnectionIndicator::Disconnected;
    QLabel *m_stateIcon;
    ElidedLabel *m_stateLabel;
    ElidedLabel *m_trafficLabel;
    ElidedLabel *m_limitsLabel;
};

} // namespace mqttscope
