#pragma once
// A reader/writer mutex that lets a waiting writer in before new readers.
// std::shared_mutex on glibc prefers readers: queries that keep overlapping
// (each holding the state lock for the milliseconds of a scan) could starve
// the writer thread forever. Shared locks must not be taken recursively:
// with a writer waiting, the second lock_shared() would wait for it.
// Meets the SharedMutex requirements, so std::shared_lock / std::unique_lock work.

#include <pthread.h>

namespace sextant {

class SharedMutex {
public:
    SharedMutex()
    {
        pthread_rwlockattr_t attr;
        pthread_rwlockattr_init(&attr);
#if defined(__GLIBC__)
        pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
#endif
        pthread_rwlock_init(&m_lock, &attr);
        pthread_rwlockattr_destroy(&attr);
    }
    ~SharedMutex() { pthread_rwlock_destroy(&m_lock); }
    SharedMutex(const SharedMutex &) = delete;
    SharedMutex &operator=(const SharedMutex &) = delete;

    void lock() { pthread_rwlock_wrlock(&m_lock); }
    bool try_lock() { return pthread_rwlock_trywrlock(&m_lock) == 0; }
    void unlock() { pthread_rwlock_unlock(&m_lock); }
    void lock_shared() { pthread_rwlock_rdlock(&m_lock); }
    bool try_lock_shared() { return pthread_rwlock_tryrdlock(&m_lock) == 0; }
    void unlock_shared() { pthread_rwlock_unlock(&m_lock); }

private:
    pthread_rwlock_t m_lock;
};

} // namespace sextant
