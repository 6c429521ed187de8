#pragma once
// Light and dark palettes. Qt 6.4 has no QStyleHints::colorScheme, so a dark
// system is recognised from the lightness of the palette the platform gives.

#include "Preferences.h"

#include <QPalette>

namespace sextant::ui {

// Remembers the platform's palette (call once, before applyTheme).
void captureSystemPalette();
bool systemPrefersDark();
// Applies the theme to the whole application.
void applyTheme(Theme theme);
// Whether the palette now in use is dark (views pick readable colours).
bool isDarkPalette(const QPalette &palette);

} // namespace sextant::ui
