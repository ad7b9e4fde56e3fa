// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionindicator.h"

#include <QWidget>

class QLabel;

namespace mqttscope {

struct Properties;

// The line under a connection: its dot and state, traffic, and the limits the broker announced.
// Long texts are cut rather than widening the window; the tooltips hold them whole.
class ConnectionStatusLine : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusLine(QWidget *parent = nullptr);

    void setState(ConnectionIndicator indicator, const QString &text);
    void setStateToolTip(const QString &text);
    void setTraffic(const QString &text);
    // The limits of a CONNACK, in short; its assigned client id in the tooltip only.
    void setBrokerLimits(const Properties &connack);

protected:
    void changeEvent(QEvent *event) override;

private:
    void paintIndicator();

    ConnectionIndicator m_indicator = ConnectionIndicator::Disconnected;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_trafficLabel;
    QLabel *m_limitsLabel;
};

} // namespace mqttscope
