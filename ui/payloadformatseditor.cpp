// SPDX-License-Identifier: GPL-3.0-or-later
#include "payloadformatseditor.h"

#include "fieldmessage.h"
#include "protocol/topic.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

constexpr int ProblemRole = Qt::UserRole + 1;

constexpr PayloadEncoding ruleEncodings[] = {
    PayloadEncoding::Json,       PayloadEncoding::Text,     PayloadEncoding::Hex,
    PayloadEncoding::Base64,     PayloadEncoding::Cbor,     PayloadEncoding::Image,
    PayloadEncoding::SparkplugB, PayloadEncoding::Protobuf, PayloadEncoding::MessagePack,
    PayloadEncoding::Auto};

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts.append(list->item(row)->text());
    return texts;
}

void setItemTexts(QListWidget *list, const QStringList &texts)
{
    list->clear();
    list->addItems(texts);
}

QComboBox *comboAt(const QTableWidget *table, int row, int column)
{
    return static_cast<QComboBox *>(table->cellWidget(row, column));
}

} // namespace

PayloadFormatsEditor::PayloadFormatsEditor(QWidget *parent)
    : QWidget(parent)
    , m_rules(new QTableWidget(0, 3, this))
    , m_rulesMessage(new FieldMessage(this))
    , m_protoFiles(new QListWidget(this))
    , m_filesMessage(new FieldMessage(this))
    , m_importPaths(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createRulesBox(), 1);
    layout->addWidget(createFilesBox());
}

PayloadFormatsEditor::~PayloadFormatsEditor() = default;

QWidget *PayloadFormatsEditor::createRulesBox()
{
    auto *box = new QWidget(this);
    auto *hint = new QLabel(tr("The first rule whose topic filter matches decides how a topic's "
                               "payloads are read. Topics no rule matches are detected "
                               "automatically (JSON, text, CBOR, images; Sparkplug B under "
                               "spBv1.0/)."),
                            box);
    hint->setWordWrap(true);
    m_rules->setObjectName(u"formatRules"_s);
    m_rules->setHorizontalHeaderLabels({tr("Topic filter"), tr("Format"), tr("Message type")});
    m_rules->horizontalHeader()->setSectionResizeMode(FilterColumn, QHeaderView::Stretch);
    m_rules->horizontalHeader()->setSectionResizeMode(MessageTypeColumn, QHeaderView::Stretch);
    m_rules->verticalHeader()->hide();
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesMessage->setObjectName(u"formatRulesMessage"_s);
    connect(m_rules, &QTableWidget::itemChanged, this, &PayloadFormatsEditor::changed);

    auto *add = new QPushButton(tr("Add rule"), box);
    auto *remove = new QPushButton(tr("Remove"), box);
    auto *up = new QPushButton(tr("Move up"), box);
    auto *down = new QPushButton(tr("Move down"), box);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_rules->rowCount();
        insertRuleRow(row, FormatRule{{}, PayloadEncoding::Json, {}});
        m_rules->setCurrentCell(row, FilterColumn);
        m_rules->editItem(m_rules->item(row, FilterColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() < 0)
            return;
        m_rules->removeRow(m_rules->currentRow());
        emit changed();
    });
    connect(up, &QPushButton::clicked, this, [this] { moveRule(m_rules->currentRow(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveRule(m_rules->currentRow(), 1); });
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, remove, up, down})
        buttons->addWidget(button);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint);
    layout->addWidget(m_rules, 1);
    layout->addWidget(m_rulesMessage);
    layout->addLayout(buttons);
    return box;
}

QWidget *PayloadFormatsEditor::createFilesBox()
{
    auto *box = new QWidget(this);
    m_protoFiles->setObjectName(u"protoFiles"_s);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_protoFiles->setIconSize(QSize(iconSize, iconSize));
    m_importPaths->setObjectName(u"protoImportPaths"_s);
    m_filesMessage->setObjectName(u"protoFilesMessage"_s);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr(".proto files:"), pathList(m_protoFiles, m_filesMessage, tr("Add…"), [this] {
                     return QFileDialog::getOpenFileNames(
                         this, tr("Add .proto files"), {},
                         tr("Protocol Buffers (*.proto);;All files (*)"));
                 }));
    form->addRow(tr("Import folders:"), pathList(m_importPaths, nullptr, tr("Add…"), [this] {
                     const QString folder =
                         QFileDialog::getExistingDirectory(this, tr("Add an import folder"));
                     return folder.isEmpty() ? QStringList() : QStringList{folder};
                 }));
    return box;
}

// A list of paths with Add… (asking with `ask`) and Remove; any change recompiles the files.
QWidget *PayloadFormatsEditor::pathList(QListWidget *list, FieldMessage *message,
                                        const QString &addText,
                                        const std::function<QStringList()> &ask)
{
    auto *row = new QWidget(this);
    // A few lines are enough; the rules table above takes the height.
    list->setMaximumHeight(list->fontMetrics().height() * 5);
    auto *add = new QPushButton(addText, row);
    auto *remove = new QPushButton(tr("Remove"), row);
    connect(add, &QPushButton::clicked, this, [this, list, ask] {
        const QStringList chosen = ask();
        if (chosen.isEmpty())
            return;
        for (const QString &path : chosen) {
            if (list->findItems(path, Qt::MatchExactly).isEmpty())
                list->addItem(path);
        }
        compileSchemas();
        emit changed();
    });
    connect(remove, &QPushButton::clicked, this, [this, list] {
        delete list->currentItem();
        compileSchemas();
        emit changed();
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(list, 1);
    listRow->addLayout(buttons);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(listRow);
    if (message)
        layout->addWidget(message);
    return row;
}

void PayloadFormatsEditor::setFromProfile(const ConnectionProfile &profile)
{
    setItemTexts(m_importPaths, profile.protoImportPaths);
    setItemTexts(m_protoFiles, profile.protoFiles);
    compileSchemas(); // before the rules, so their type column offers the types
    setRules(profile.formatRules);
    showRuleProblems(false);
}

void PayloadFormatsEditor::applyTo(ConnectionProfile *profile) const
{
    profile->formatRules = rules();
    profile->protoFiles = protoFiles();
    profile->protoImportPaths = importPaths();
}

QList<FormatRule> PayloadFormatsEditor::rules() const
{
    QList<FormatRule> result;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        FormatRule rule = ruleAt(row);
        if (!rule.topicFilter.isEmpty())
            result.append(std::move(rule));
    }
    return result;
}

FormatRule PayloadFormatsEditor::ruleAt(int row) const
{
    const QTableWidgetItem *filter = m_rules->item(row, FilterColumn);
    FormatRule rule;
    rule.topicFilter = filter ? filter->text().trimmed() : QString();
    rule.encoding = PayloadEncoding(comboAt(m_rules, row, FormatColumn)->currentData().toInt());
    if (rule.encoding == PayloadEncoding::Protobuf)
        rule.messageType = comboAt(m_rules, row, MessageTypeColumn)->currentText().trimmed();
    return rule;
}

void PayloadFormatsEditor::setRules(const QList<FormatRule> &rules)
{
    {
        const QSignalBlocker blocker(m_rules);
        m_rules->setRowCount(0);
    }
    for (const FormatRule &rule : rules)
        insertRuleRow(m_rules->rowCount(), rule);
}

void PayloadFormatsEditor::insertRuleRow(int row, const FormatRule &rule)
{
    const QSignalBlocker blocker(m_rules); // the row is incomplete until the end
    m_rules->insertRow(row);
    m_rules->setItem(row, FilterColumn, new QTableWidgetItem(rule.topicFilter));
    auto *format = new QComboBox(m_rules);
    for (PayloadEncoding encoding : ruleEncodings)
        format->addItem(Encoding::displayName(encoding), int(encoding));
    format->setCurrentIndex(format->findData(int(rule.encoding)));
    m_rules->setCellWidget(row, FormatColumn, format);
    auto *type = new QComboBox(m_rules);
    type->setEditable(true); // a type can be named before its file is added
    type->addItems(messageTypes());
    type->setCurrentText(rule.messageType);
    type->setEnabled(rule.encoding == PayloadEncoding::Protobuf);
    m_rules->setCellWidget(row, MessageTypeColumn, type);
    // Rows move, so the combos find their row when they change rather than remember it.
    connect(format, &QComboBox::currentIndexChanged, this, [this, format] {
        for (int r = 0; r < m_rules->rowCount(); ++r) {
            if (m_rules->cellWidget(r, FormatColumn) == format)
                formatChosen(r);
        }
        emit changed();
    });
    connect(type, &QComboBox::currentTextChanged, this, &PayloadFormatsEditor::changed);
}

void PayloadFormatsEditor::formatChosen(int row)
{
    const bool protobuf =
        PayloadEncoding(comboAt(m_rules, row, FormatColumn)->currentData().toInt())
        == PayloadEncoding::Protobuf;
    QComboBox *type = comboAt(m_rules, row, MessageTypeColumn);
    type->setEnabled(protobuf);
    if (protobuf && type->currentText().isEmpty() && type->count() > 0)
        type->setCurrentText(type->itemText(0));
}

void PayloadFormatsEditor::moveRule(int row, int offset)
{
    const int target = row + offset;
    if (row < 0 || row >= m_rules->rowCount() || target < 0 || target >= m_rules->rowCount())
        return;
    QList<FormatRule> all;
    for (int r = 0; r < m_rules->rowCount(); ++r)
        all.append(ruleAt(r)); // empty filters too: a row being filled in moves with the rest
    all.move(row, target);
    setRules(all);
    m_rules->setCurrentCell(target, FilterColumn);
    emit changed();
}

QStringList PayloadFormatsEditor::protoFiles() const
{
    return itemTexts(m_protoFiles);
}

void PayloadFormatsEditor::setProtoFiles(const QStringList &files)
{
    setItemTexts(m_protoFiles, files);
    compileSchemas();
    emit changed();
}

void PayloadFormatsEditor::addProtoFiles(const QStringList &files)
{
    QStringList all = protoFiles();
    for (const QString &file : files) {
        if (!all.contains(file))
            all.append(file);
    }
    setProtoFiles(all);
}

QStringList PayloadFormatsEditor::importPaths() const
{
    return itemTexts(m_importPaths);
}

void PayloadFormatsEditor::setImportPaths(const QStringList &paths)
{
    setItemTexts(m_importPaths, paths);
    compileSchemas();
    emit changed();
}

QStringList PayloadFormatsEditor::messageTypes() const
{
    return m_schemas ? m_schemas->messageTypes() : QStringList();
}

// Compiled when the files or folders change, not per keystroke: validate() runs on every edit.
void PayloadFormatsEditor::compileSchemas()
{
    m_compileProblems.clear();
    m_schemas.reset();
    const QStringList files = protoFiles();
    if (!files.isEmpty())
        m_schemas = ProtobufSchemas::load(files, importPaths(), &m_compileProblems);
    updateMessageTypeChoices();
    showCompileProblems();
}

void PayloadFormatsEditor::updateMessageTypeChoices()
{
    const QStringList types = messageTypes();
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        QComboBox *type = comboAt(m_rules, row, MessageTypeColumn);
        const QSignalBlocker blocker(type);
        const QString current = type->currentText();
        type->clear();
        type->addItems(types);
        type->setCurrentText(current);
    }
}

void PayloadFormatsEditor::showCompileProblems()
{
    QStringList lines;
    for (const ProtobufSchemas::Problem &problem : std::as_const(m_compileProblems))
        lines.append(problem.text());
    m_filesMessage->showMessage(lines.join(u'\n'));
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this);
    for (int row = 0; row < m_protoFiles->count(); ++row) {
        QListWidgetItem *item = m_protoFiles->item(row);
        QStringList own;
        // The compiler names a file as found under its folder ("broken.proto").
        const QString path = QFileInfo(item->text()).absoluteFilePath();
        for (const ProtobufSchemas::Problem &problem : std::as_const(m_compileProblems)) {
            if (problem.file == item->text() || path.endsWith(u'/' + problem.file))
                own.append(problem.text());
        }
        item->setIcon(own.isEmpty() ? QIcon() : error);
        item->setToolTip(own.join(u'\n'));
    }
}

PayloadFormatsEditor::RuleProblem PayloadFormatsEditor::problemOf(const FormatRule &rule) const
{
    const QString filterProblem = Topic::filterProblem(rule.topicFilter.toUtf8());
    if (!filterProblem.isEmpty())
        return {tr("topic filter: %1").arg(filterProblem)};
    if (rule.encoding != PayloadEncoding::Protobuf)
        return {};
    if (rule.messageType.isEmpty())
        return {tr("choose the Protobuf message type")};
    if (m_schemas && m_schemas->hasMessageType(rule.messageType))
        return {};
    if (protoFiles().isEmpty())
        return {tr("add the .proto file that defines %1").arg(rule.messageType)};
    // The type may well be in the file that failed: say why it is missing, not that it is.
    if (!m_compileProblems.isEmpty())
        return {tr("%1 is in none of the files that compiled (%2)")
                    .arg(rule.messageType, m_compileProblems.constFirst().text()),
                false};
    return {tr("no .proto file defines the message type %1").arg(rule.messageType)};
}

void PayloadFormatsEditor::markRow(int row, const RuleProblem &problem)
{
    QTableWidgetItem *item = m_rules->item(row, FilterColumn);
    const QSignalBlocker blocker(m_rules); // a mark is not an edit
    const auto icon =
        problem.blocksSaving ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
    item->setIcon(problem.text.isEmpty() ? QIcon() : style()->standardIcon(icon, nullptr, this));
    item->setToolTip(problem.text);
    item->setData(ProblemRole, problem.text);
}

bool PayloadFormatsEditor::validate()
{
    return showRuleProblems(true);
}

// With `blockingToo` false only what a broken .proto file causes is shown: a profile just loaded
// says at once which rules its compile error affects, and typos wait for validate().
bool PayloadFormatsEditor::showRuleProblems(bool blockingToo)
{
    QStringList lines;
    bool blocking = false;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const FormatRule rule = ruleAt(row);
        RuleProblem problem = rule.topicFilter.isEmpty() ? RuleProblem{} : problemOf(rule);
        if (problem.blocksSaving && !blockingToo)
            problem = {};
        markRow(row, problem);
        if (problem.text.isEmpty())
            continue;
        blocking = blocking || problem.blocksSaving;
        lines.append(tr("Rule %1 (%2): %3").arg(row + 1).arg(rule.topicFilter, problem.text));
    }
    m_rulesMessage->showMessage(lines.join(u'\n'),
                                blocking ? FieldMessage::Kind::Error : FieldMessage::Kind::Warning);
    return !blocking;
}

QString PayloadFormatsEditor::rulesMessage() const
{
    return m_rulesMessage->isHidden() ? QString() : m_rulesMessage->text();
}

QString PayloadFormatsEditor::filesMessage() const
{
    return m_filesMessage->isHidden() ? QString() : m_filesMessage->text();
}

QString PayloadFormatsEditor::ruleProblem(int row) const
{
    const QTableWidgetItem *item = m_rules->item(row, FilterColumn);
    return item ? item->data(ProblemRole).toString() : QString();
}

} // namespace mqttscope
