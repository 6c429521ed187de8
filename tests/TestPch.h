// Precompiled for the test suites of a folder that opts in (tests/CMakeLists.txt,
// SEXTANT_TEST_PCH): Qt and standard headers only, never the project's own, so
// an edit to the engine does not rebuild it.
#pragma once
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QtCore>
#include <QtTest/QtTest>
#ifdef QT_WIDGETS_LIB
#include <QtWidgets/QtWidgets>
#endif
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>
