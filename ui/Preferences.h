#pragma once
// The user's settings (QSettings), with their defaults in one place.

#include "sextant/Options.h"

#include <QStringList>
#include <optional>

namespace sextant::ui {

enum class Theme { System, Light, Dark };

struct Preferences {
    // Unset: each index keeps the durability it was created with.
    std::optional<Durability> durability;
    Durability newIndexDurability = Durability::Full;
    int defaultK = 10;
    int defaultEf = 0; // 0: the index's own efSearch
    Theme theme = Theme::System;
    // Empty: follow the system's languages; else "en", "de" or "fr".
    // Read once at start (installTranslations), so a change shows at the
    // next start.
    QString language;

    static Preferences load();
    void save() const;

    static QStringList recentIndexes();
    static void addRecentIndex(const QString &path); // most recent first, at most 10
    static void removeRecentIndex(const QString &path);
};

QString themeName(Theme theme);

} // namespace sextant::ui
