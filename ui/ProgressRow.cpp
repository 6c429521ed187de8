#include "ProgressRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace sextant::ui {

ProgressRow makeProgressRow(QWidget *parent, const QString &cancelText)
{
    ProgressRow p;
    p.row = new QWidget(parent);
    p.label = new QLabel(p.row);
    p.bar = new QProgressBar(p.row);
    p.bar->setRange(0, 1000);
    p.bar->setTextVisible(false);
    p.cancel = new QPushButton(cancelText, p.row);
    p.cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *l = new QHBoxLayout(p.row);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(p.label);
    l->addWidget(p.bar, 1);
    l->addWidget(p.cancel);
    p.row->hide();
    return p;
}

} // namespace sextant::ui
