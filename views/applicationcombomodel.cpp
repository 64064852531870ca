#include "applicationcombomodel.h"

QVariant ApplicationComboModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !sourceModel())
        return {};
    return QIdentityProxyModel::data(index, role == Qt::EditRole ? Qt::DisplayRole : role);
}
