// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/formatrule.h"
#include "decode/protobufschemas.h"
#include "profiles/connectionprofile.h"

#include <QWidget>

#include <functional>
#include <memory>

class QListWidget;
class QTableWidget;

namespace mqttscope {

class FieldMessage;

// The profile editor's "Payload formats" page: the ordered format rules (topic filter, format,
// Protobuf message type; the first match wins, topics no rule matches are detected by their
// bytes), the .proto files that give the message types and the folders their imports are found
// in. The files are compiled when the list changes, so the message types offered are the ones
// they define and a file that does not compile shows the compiler's file:line:column.
class PayloadFormatsEditor : public QWidget
{
    Q_OBJECT
public:
    enum Column { FilterColumn, FormatColumn, MessageTypeColumn };

    explicit PayloadFormatsEditor(QWidget *parent = nullptr);
    ~PayloadFormatsEditor() override;

    void setFromProfile(const ConnectionProfile &profile);
    void applyTo(ConnectionProfile *profile) const; // rules with an empty filter are left out

    QList<FormatRule> rules() const;
    void setRules(const QList<FormatRule> &rules);
    QStringList protoFiles() const;
    void setProtoFiles(const QStringList &files);
    void addProtoFiles(const QStringList &files);
    QStringList importPaths() const;
    void setImportPaths(const QStringList &paths);

    // The message types the .proto files define, as offered in the rules' type column.
    QStringList messageTypes() const;

    // Shows the problems next to the rules and the files; true when nothing stops the profile
    // from being saved. A .proto file that does not compile is shown but does not stop it (the
    // connection reports it too, and shows those topics as hex until it is fixed).
    bool validate();
    QString rulesMessage() const; // what validate() shows under the rules, or empty
    QString filesMessage() const; // the compiler's messages under the .proto files, or empty
    QString ruleProblem(int row) const; // the problem marked on a rule's row, or empty

    QTableWidget *rulesTable() const { return m_rules; }
    QListWidget *protoFileList() const { return m_protoFiles; }
    QListWidget *importPathList() const { return m_importPaths; }
    void moveRule(int row, int offset); // moves the rule and keeps it current

signals:
    void changed();

private:
    QWidget *createRulesBox();
    QWidget *createFilesBox();
    QWidget *pathList(QListWidget *list, FieldMessage *message, const QString &addText,
                      const std::function<QStringList()> &ask);
    void insertRuleRow(int row, const FormatRule &rule);
    FormatRule ruleAt(int row) const;
    void formatChosen(int row);
    void compileSchemas();
    void updateMessageTypeChoices();
    struct RuleProblem
    {
        QString text; // empty: none
        bool blocksSaving = true;
    };
    RuleProblem problemOf(const FormatRule &rule) const;
    bool showRuleProblems(bool blockingToo);
    void markRow(int row, const RuleProblem &problem);
    void showCompileProblems();

    QTableWidget *m_rules;
    FieldMessage *m_rulesMessage;
    QListWidget *m_protoFiles;
    FieldMessage *m_filesMessage;
    QListWidget *m_importPaths;
    std::shared_ptr<const ProtobufSchemas> m_schemas;
    QList<ProtobufSchemas::Problem> m_compileProblems;
};

} // namespace mqttscope
