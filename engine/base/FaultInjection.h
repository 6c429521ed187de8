#pragma once
// A switch for tests: makes the Nth file operation of a kind fail with a
// chosen errno, or write short. Off unless a test arms it; when off, the
// cost is one relaxed atomic load per operation.

#include <QList>
#include <QString>
#include <atomic>
#include <cstddef>

namespace sextant::base::faults {

enum class Op { Write, Sync, Rename, Truncate };

struct Rule {
    Op op = Op::Write;
    int skip = 0;            // let this many matching calls pass first
    int times = 1;           // then fail this many (-1: every one)
    int error = 5;           // errno to fail with (EIO)
    bool shortWrite = false; // instead of failing, write half the bytes
    QString pathContains;    // only files whose path contains this
};

// Replaces the armed rules; each counts its own calls.
void arm(const QList<Rule> &rules);
inline void arm(const Rule &rule) { arm(QList<Rule>{rule}); }
void disarm();
// How many calls the rules have failed (or shortened) so far, together.
int injected();

extern std::atomic<bool> g_armed;
// Returns the errno to fail with, 0 to go on. For writes, may set *shorten.
int check(Op op, const QString &path, bool *shorten = nullptr);
inline int maybeFail(Op op, const QString &path, bool *shorten = nullptr)
{
    return g_armed.load(std::memory_order_relaxed) ? check(op, path, shorten) : 0;
}

} // namespace sextant::base::faults
