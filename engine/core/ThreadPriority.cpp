#include "core/ThreadPriority.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace sextant {

void lowerCurrentThreadPriority()
{
#if defined(__linux__)
    // On Linux the nice value belongs to the thread (setpriority with a
    // thread id), unlike POSIX where it belongs to the process.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (current < 10) (void)::setpriority(PRIO_PROCESS, tid, 10);
#endif
}

} // namespace sextant
