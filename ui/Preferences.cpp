#include "Preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace sextant::ui {

namespace {
constexpr int kMaxRecent = 10;
const QString kRecent = QStringLiteral("recentIndexes");

std::optional<Theme> themeFromName(const QString &name)
{
    if (name == QLatin1String("system")) return Theme::System;
    if (name == QLatin1String("light")) return Theme::Light;
    if (name == QLatin1String("dark")) return Theme::Dark;
    return std::nullopt;
}
} // namespace

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::System: return QStringLiteral("system");
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    p.durability = durabilityFromName(s.value(QStringLiteral("durability")).toString());
    p.newIndexDurability =
        durabilityFromName(s.value(QStringLiteral("newIndexDurability")).toString()).value_or(Durability::Full);
    p.defaultK = std::clamp(s.value(QStringLiteral("query/k"), 10).toInt(), 1, 10000);
    p.defaultEf = std::clamp(s.value(QStringLiteral("query/ef"), 0).toInt(), 0, 4096);
    p.theme = themeFromName(s.value(QStringLiteral("theme")).toString()).value_or(Theme::System);
    p.language = s.value(QStringLiteral("language")).toString();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("durability"), durability ? durabilityName(*durability) : QString());
    s.setValue(QStringLiteral("newIndexDurability"), durabilityName(newIndexDurability));
    s.setValue(QStringLiteral("query/k"), defaultK);
    s.setValue(QStringLiteral("query/ef"), defaultEf);
    s.setValue(QStringLiteral("theme"), themeName(theme));
    s.setValue(QStringLiteral("language"), language);
}

QStringList Preferences::recentIndexes() { return QSettings().value(kRecent).toStringList(); }

void Preferences::addRecentIndex(const QString &path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList list = recentIndexes();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecent, list);
}

void Preferences::removeRecentIndex(const QString &path)
{
    QStringList list = recentIndexes();
    list.removeAll(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    QSettings().setValue(kRecent, list);
}

} // namespace sextant::ui
