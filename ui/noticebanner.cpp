// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

NoticeBanner::NoticeBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(wrappingLabel(u"noticeTitle"_s, this))
    , m_reason(wrappingLabel(u"noticeReason"_s, this))
    , m_hint(wrappingLabel(u"noticeHint"_s, this))
    , m_edit(new QPushButton(tr("Edit connection…"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"noticeBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_edit->setObjectName(u"editConnectionButton"_s);
    m_retry->setObjectName(u"retryButton"_s);
    m_close->setObjectName(u"closeNoticeButton"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
    m_close->setToolTip(tr("Close"));

    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_reason);
    texts->addWidget(m_hint);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_edit, 0, Qt::AlignTop);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_edit, &QPushButton::clicked, this, &NoticeBanner::editRequested);
    connect(m_retry, &QPushButton::clicked, this, &NoticeBanner::retryRequested);
    connect(m_close, &QToolButton::clicked, this, &NoticeBanner::dismiss);
    setVisible(false);
}

void NoticeBanner::showProblem(const QString &title, const QString &reason, const QString &hint)
{
    m_title->setText(title);
    m_reason->setText(reason);
    m_hint->setText(hint);
    show(Kind::Problem);
}

void NoticeBanner::showWarning(const QString &title, const QString &reason, const QString &hint)
{
    m_title->setText(title);
    m_reason->setText(reason);
    m_hint->setText(hint);
    show(Kind::Warning);
}

void NoticeBanner::showNotice(const QString &text)
{
    m_title->setText(text);
    m_reason->clear();
    m_hint->clear();
    show(Kind::Notice);
}

void NoticeBanner::dismiss()
{
    m_kind = Kind::None;
    setVisible(false);
}

void NoticeBanner::show(Kind kind)
{
    m_kind = kind;
    const bool problem = kind == Kind::Problem;
    const bool explained = problem || kind == Kind::Warning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const auto icon = explained ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_reason->setVisible(explained);
    m_hint->setVisible(explained);
    m_edit->setVisible(problem);
    m_retry->setVisible(problem);
    // A problem goes away by being solved (Retry, or a successful connection), not by a click.
    m_close->setVisible(!problem);
    setVisible(true);
}

QString NoticeBanner::title() const
{
    return m_title->text();
}

QString NoticeBanner::reason() const
{
    return m_reason->text();
}

QString NoticeBanner::hint() const
{
    return m_hint->text();
}

} // namespace mqttscope
