#include "base/FaultInjection.h"

#include <mutex>

namespace sextant::base::faults {

std::atomic<bool> g_armed{false};

namespace {
struct Armed {
    Rule rule;
    int seen = 0;
    int injected = 0;
};
std::mutex g_mutex;
QList<Armed> g_rules;
} // namespace

void arm(const QList<Rule> &rules)
{
    std::lock_guard lock(g_mutex);
    g_rules.clear();
    for (const Rule &r : rules)
        g_rules.append(Armed{r, 0, 0});
    g_armed = true;
}

void disarm()
{
    std::lock_guard lock(g_mutex);
    g_armed = false;
}

int injected()
{
    std::lock_guard lock(g_mutex);
    int n = 0;
    for (const Armed &a : g_rules)
        n += a.injected;
    return n;
}

int check(Op op, const QString &path, bool *shorten)
{
    std::lock_guard lock(g_mutex);
    if (!g_armed) return 0;
    for (Armed &a : g_rules) {
        const Rule &r = a.rule;
        if (op != r.op || (!r.pathContains.isEmpty() && !path.contains(r.pathContains))) continue;
        if (a.seen++ < r.skip) continue;
        if (r.times >= 0 && a.injected >= r.times) continue;
        ++a.injected;
        if (r.shortWrite && shorten) {
            *shorten = true;
            return 0;
        }
        return r.error;
    }
    return 0;
}

} // namespace sextant::base::faults
