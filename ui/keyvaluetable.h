// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;
class QToolButton;

namespace mqttscope {

// A name/value table with Add and Remove beside it: the user properties of a message and the
// WebSocket headers of a profile. With a secret column a row's value can be marked secret: it
// shows as dots and its owner keeps it out of the profile. The words are the owner's, so they
// stay in the owner's tr() context.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    struct Row
    {
        QString name;
        QString value;
        bool secret = false;
    };

    struct Texts
    {
        QString nameColumn;
        QString valueColumn;
        QString secretColumn; // empty: no secret column
        QString add;
        QString addToolTip;
        QString remove;
        QString removeToolTip;
        QString secretPlaceholder; // in a secret value's field
    };

    explicit KeyValueTable(const Texts &texts, QWidget *parent = nullptr);

    QList<Row> rows() const; // as typed, nameless ones too
    void setRows(const QList<Row> &rows); // signals nothing

signals:
    void changed();
    void secretEdited(); // a secret value or a secret mark was edited, or a row removed

protected:
    QTableWidget *table() const { return m_table; }
    QToolButton *addButton() const { return m_add; }
    void setValue(int row, const QString &value); // signals nothing

private:
    void addRow(const Row &row);
    void updateRow(int row);
    bool isSecret(int row) const;
    QString value(int row) const;

    Texts m_texts;
    QTableWidget *m_table;
    QToolButton *m_add;
};

} // namespace mqttscope
