#include "StartPage.h"

#include "DemoIndex.h"
#include "Preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QApplication>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sextant::ui {

namespace {
// A recent index: its name in bold, its path below in the placeholder
// colour, so that the entries stand apart in light and dark themes.
class RecentDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(4, 2, -4, -2);
        const QString name = text.section(QLatin1Char('\n'), 0, 0);
        const QString path = text.section(QLatin1Char('\n'), 1);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const int line = QFontMetrics(bold).height();
        painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(name, Qt::ElideRight, r.width()));
        painter->setFont(opt.font);
        painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                                 : opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(QRect(r.left(), r.top() + line, r.width(), r.height() - line),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(path, Qt::ElideMiddle, r.width()));
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(std::max(s.height(), 2 * option.fontMetrics.height() + 10));
        return s;
    }
};
} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->addStretch(1);

    auto *title = new QLabel(tr("Sextant"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.4);
    f.setBold(true);
    title->setFont(f);
    column->addWidget(title);
    auto *tagline = new QLabel(tr("Create, browse, query and repair local vector indexes."), this);
    QFont tf = tagline->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tagline->setFont(tf);
    column->addWidget(tagline);
    column->addSpacing(24);

    auto *buttons = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("New Index…"), this);
    newButton->setObjectName(QStringLiteral("newIndexButton"));
    auto *openButton = new QPushButton(tr("Open Index…"), this);
    openButton->setObjectName(QStringLiteral("openIndexButton"));
    for (QPushButton *b : {newButton, openButton}) {
        b->setMinimumHeight(36);
        b->setMinimumWidth(150);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    column->addLayout(buttons);
    column->addSpacing(24);

    // The first run: one click to an index that shows what Sextant does.
    auto *demoFrame = new QFrame(this);
    demoFrame->setObjectName(QStringLiteral("demoOffer"));
    demoFrame->setFrameShape(QFrame::StyledPanel);
    m_demoOffer = demoFrame;
    auto *demoLayout = new QVBoxLayout(m_demoOffer);
    auto *demoTitle = new QLabel(tr("New to Sextant?"), m_demoOffer);
    QFont df = demoTitle->font();
    df.setBold(true);
    demoTitle->setFont(df);
    demoLayout->addWidget(demoTitle);
    const int texts = int(demoTextResources().size());
    auto *demoText =
        new QLabel(tr("Make a demo index from %n short text(s) about navigation, astronomy, cooking, music "
                      "and more, and try browsing, searching, the map and the integrity check on it. "
                      "It takes a few seconds and stays in your data folder.",
                      nullptr, texts),
                   m_demoOffer);
    demoText->setWordWrap(true);
    demoLayout->addWidget(demoText);
    auto *demoRow = new QHBoxLayout;
    m_demoButton = new QPushButton(tr("Create a Demo Index"), m_demoOffer);
    m_demoButton->setObjectName(QStringLiteral("demoIndexButton"));
    m_demoButton->setMinimumHeight(36);
    // As wide as the longer of its two texts (idle and busy) with room on
    // both sides: the French "Créer un index de démonstration" touched the
    // frame, and the button would jump when its text changes.
    {
        const QFontMetrics fm(m_demoButton->font());
        const int text = std::max(fm.horizontalAdvance(tr("Create a Demo Index")),
                                  fm.horizontalAdvance(tr("Creating the Demo Index…")));
        m_demoButton->setMinimumWidth(std::max(200, text + 48));
    }
    m_demoButton->setDefault(true);
    demoRow->addWidget(m_demoButton);
    demoRow->addStretch();
    demoLayout->addLayout(demoRow);
    column->addWidget(m_demoOffer);
    column->addSpacing(24);

    auto *recentTitle = new QLabel(tr("Recent indexes"), this);
    QFont rf = recentTitle->font();
    rf.setBold(true);
    recentTitle->setFont(rf);
    column->addWidget(recentTitle);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentList"));
    m_recent->setMinimumSize(520, 200);
    m_recent->setContextMenuPolicy(Qt::CustomContextMenu);
    m_recent->setItemDelegate(new RecentDelegate(m_recent));
    column->addWidget(m_recent);
    m_noRecent = new QLabel(
        tr("No recent indexes yet. Create one, open one, or drop an index folder or files to import here."), this);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_noRecent->setWordWrap(true);
    column->addWidget(m_noRecent);
    column->addSpacing(12);
    auto *hint =
        new QLabel(tr("Tip: drop an index folder anywhere on this window to open it; an index another program "
                      "is writing opens read-only. Drop documents (text, Markdown, HTML, PDF, zip or tar "
                      "archives) or vector files (JSON Lines, CSV, .npy, .fvecs, a Vectra or LangChain folder) "
                      "to make a new index from them."),
                   this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(hint);
    column->addStretch(2);

    outer->addLayout(column, 3);
    outer->addStretch(1);

    connect(newButton, &QPushButton::clicked, this, &StartPage::newIndexRequested);
    connect(openButton, &QPushButton::clicked, this, &StartPage::openIndexRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &StartPage::demoIndexRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit openPathRequested(item->data(Qt::UserRole).toString()); });
    connect(m_recent, &QListWidget::customContextMenuRequested, this, &StartPage::showRecentMenu);
    reloadRecent();
}

void StartPage::reloadRecent()
{
    m_recent->clear();
    const QStringList recent = Preferences::recentIndexes();
    for (const QString &path : recent) {
        const QString name = QFileInfo(path).fileName();
        auto *item = new QListWidgetItem(tr("%1\n%2").arg(name, QDir::toNativeSeparators(path)), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recent->setVisible(!recent.isEmpty());
    m_noRecent->setVisible(recent.isEmpty());
    m_demoOffer->setVisible(recent.isEmpty());
}

bool StartPage::isDemoOffered() const { return !m_demoOffer->isHidden(); }

void StartPage::setDemoBusy(bool busy)
{
    m_demoButton->setEnabled(!busy);
    m_demoButton->setText(busy ? tr("Creating the Demo Index…") : tr("Create a Demo Index"));
}

void StartPage::showRecentMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_recent->itemAt(pos);
    if (!item) return;
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open"));
    QAction *forget = menu.addAction(tr("Remove from This List"));
    QAction *chosen = menu.exec(m_recent->viewport()->mapToGlobal(pos));
    const QString path = item->data(Qt::UserRole).toString();
    if (chosen == open) emit openPathRequested(path);
    if (chosen == forget) {
        Preferences::removeRecentIndex(path);
        reloadRecent();
    }
}

} // namespace sextant::ui
