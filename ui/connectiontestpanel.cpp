// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontestpanel.h"

#include "connectiontester.h"
#include "connectiontestreport.h"
#include "profileeditor.h"
#include "transport/transporterrors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ConnectionTestPanel::ConnectionTestPanel(ProfileEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tester(new ConnectionTester(this))
    , m_button(new QPushButton(tr("Test connection"), this))
    , m_report(new QLabel(this))
{
    m_button->setObjectName(u"testConnection"_s);
    m_report->setObjectName(u"testReport"_s);
    m_report->setWordWrap(true);
    m_report->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for a whole report from the start, so that the editor above does not jump.
    m_report->setMinimumHeight(5 * m_report->fontMetrics().lineSpacing());
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse); // a reason to copy
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button, 0, Qt::AlignTop);
    layout->addWidget(m_report, 1);
    connect(m_button, &QPushButton::clicked, this, &ConnectionTestPanel::test);
    reset();
    connect(m_tester, &ConnectionTester::finished, this,
            [this](const ConnectionTestResult &result) {
                m_report->setText(ConnectionTestReport::text(result));
                m_button->setEnabled(true);
            });
}

QString ConnectionTestPanel::report() const
{
    return m_report->text();
}

void ConnectionTestPanel::test()
{
    if (!m_editor->validate()) {
        m_report->setText(tr("Fix the marked fields first."));
        return;
    }
    const ClientOptions options = m_editor->profile().toClientOptions(m_editor->secrets());
    m_report->setText(tr("Testing %1…").arg(transporterrors::hostAndPort(options.endpoint)));
    m_button->setEnabled(false);
    m_tester->start(options);
}

void ConnectionTestPanel::reset()
{
    m_tester->cancel();
    m_report->setText(tr("Connects once with the values shown, without saving them, and reports "
                         "what the broker answered."));
    m_button->setEnabled(true);
}

} // namespace mqttscope
