// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionpresetdialog.h"

#include "revealsecretaction.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

ConnectionPresetDialog::ConnectionPresetDialog(QList<ConnectionPreset> presets, QWidget *parent)
    : QDialog(parent)
    , m_presets(std::move(presets))
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_form(new QFormLayout)
    , m_missing(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectionPresetDialog"_s);
    setWindowTitle(tr("New connection from a preset"));
    m_list->setObjectName(u"presetList"_s);
    for (const ConnectionPreset &preset : std::as_const(m_presets))
        m_list->addItem(preset.name());
    m_list->setMaximumWidth(220);
    m_description->setObjectName(u"presetDescription"_s);
    m_description->setWordWrap(true);
    m_missing->setObjectName(u"presetMissing"_s);
    m_missing->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"createFromPreset"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionPresetDialog::showPreset);

    auto *right = new QVBoxLayout;
    right->addWidget(m_description);
    right->addLayout(m_form);
    right->addWidget(m_missing);
    right->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);
    resize(720, 420);
    if (!m_presets.isEmpty())
        m_list->setCurrentRow(0);
    else
        updateMissing();
}

void ConnectionPresetDialog::selectPreset(const QString &id)
{
    for (int i = 0; i < m_presets.size(); ++i) {
        if (m_presets.at(i).id() == id)
            m_list->setCurrentRow(i);
    }
}

void ConnectionPresetDialog::showPreset(int index)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    if (index < 0 || index >= m_presets.size())
        return;
    const ConnectionPreset &preset = m_presets.at(index);
    m_description->setText(preset.description());
    for (const PresetField &field : preset.fields()) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(u"presetField_"_s + field.key);
        edit->setPlaceholderText(field.defaultValue.isEmpty() ? field.example : field.defaultValue);
        if (!field.defaultValue.isEmpty())
            edit->setText(field.defaultValue);
        connect(edit, &QLineEdit::textChanged, this, &ConnectionPresetDialog::updateMissing);
        m_fields.insert(field.key, edit);
        m_form->addRow(tr("%1:").arg(field.prompt), fieldWidget(field, edit));
    }
    updateMissing();
}

QWidget *ConnectionPresetDialog::fieldWidget(const PresetField &field, QLineEdit *edit)
{
    switch (field.kind) {
    case PresetField::Kind::Secret:
        edit->setEchoMode(QLineEdit::Password);
        edit->setToolTip(tr("Kept in the system keychain, never in the profile file"));
        new RevealSecretAction(edit);
        return edit;
    case PresetField::Kind::Number:
        edit->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), edit));
        return edit;
    case PresetField::Kind::File:
        break;
    case PresetField::Kind::Text:
        return edit;
    }
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this, edit, prompt = field.prompt] {
        const QString file = QFileDialog::getOpenFileName(this, prompt, edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    layout->addWidget(browse);
    return row;
}

QHash<QString, QString> ConnectionPresetDialog::values() const
{
    QHash<QString, QString> result;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        result.insert(it.key(), it.value()->text());
    return result;
}

void ConnectionPresetDialog::updateMissing()
{
    const int index = m_list->currentRow();
    const QStringList missing = index >= 0 && index < m_presets.size()
        ? m_presets.at(index).missing(values())
        : QStringList{tr("a preset")};
    m_missing->setText(missing.isEmpty() ? QString()
                                         : tr("Still needed: %1").arg(missing.join(u", "_s)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(missing.isEmpty());
}

ConnectionPreset::Filled ConnectionPresetDialog::filled() const
{
    const int index = m_list->currentRow();
    if (index < 0 || index >= m_presets.size())
        return {};
    return m_presets.at(index).fill(values());
}

} // namespace mqttscope
