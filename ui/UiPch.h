// Precompiled for sextant_ui (ui/CMakeLists.txt): Qt and standard headers
// only, never the project's own. BrowseView.cpp took 8.6 CPU s to compile
// without it and 4.5 s with it.
#pragma once
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QtCore>
#include <QtWidgets/QtWidgets>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
