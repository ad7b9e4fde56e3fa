// SPDX-License-Identifier: GPL-3.0-or-later
#include "userpropertieseditor.h"

namespace mqttscope {

UserPropertiesEditor::UserPropertiesEditor(QWidget *parent)
    : KeyValueTable({.nameColumn = tr("Name"),
                     .valueColumn = tr("Value"),
                     .secretColumn = {}, // none: a user property is no secret
                     .add = tr("Add"),
                     .addToolTip = tr("Add a user property"),
                     .remove = tr("Remove"),
                     .removeToolTip = tr("Remove the selected user property"),
                     .secretPlaceholder = {}},
                    parent)
{
}

QList<UserProperty> UserPropertiesEditor::properties() const
{
    QList<UserProperty> result;
    for (const Row &row : rows()) {
        if (!row.name.isEmpty())
            result.append({row.name, row.value});
    }
    return result;
}

void UserPropertiesEditor::setProperties(const QList<UserProperty> &properties)
{
    QList<Row> rows;
    for (const UserProperty &p : properties)
        rows.append({p.first, p.second});
    setRows(rows);
}

} // namespace mqttscope
