// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace mqttscope {

class ConnectionTester;
class ProfileEditor;

// "Test connection" beside what it found: connects once with the editor's current values
// (saved or not) and reports the broker's answer, its limits and its TLS certificate.
class ConnectionTestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTestPanel(ProfileEditor *editor, QWidget *parent = nullptr);

    QString report() const;
    ConnectionTester *tester() const { return m_tester; }

public slots:
    void test();
    // Another profile is shown: its test is not this one's.
    void reset();

private:
    ProfileEditor *m_editor;
    ConnectionTester *m_tester;
    QPushButton *m_button;
    QLabel *m_report;
};

} // namespace mqttscope
