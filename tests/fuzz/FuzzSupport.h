#pragma once
// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp) and their replay tool.
//
// The engine's readers take a path, not bytes. A target must not leave
// files behind, must not depend on the state of /tmp and should not pay for
// a disk write per input, so the bytes go into an anonymous memory file
// (memfd) and the reader opens it through /proc/self/fd/N: the same open(),
// pread() and mmap() calls as on a real file, and the file vanishes with
// its descriptor.
//
// The checksum "repairs" exist because nearly every mutation breaks a
// checksum, and a reader rightly stops there: without them the fuzzer would
// spend its time on the first 32 bytes of each format. Each target runs the
// input as it is and, when different, with its checksums recomputed, which
// reaches the structure parsing behind the checks (a correct checksum over
// a buggy writer's bytes must not crash a reader either).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace fuzzsupport {

// Inputs above this are ignored: every format here is exercised fully by
// small files, and big ones only slow the fuzzer down.
constexpr size_t kMaxInputBytes = 1024 * 1024;

// An anonymous in-memory file holding given bytes, reachable by path.
class MemFile {
public:
    explicit MemFile(QByteArrayView bytes)
    {
        m_fd = ::memfd_create("sextant-fuzz", MFD_CLOEXEC);
        if (m_fd < 0) std::abort(); // the environment is broken, not the input
        const char *p = bytes.data();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, size_t(left));
            if (n <= 0) std::abort();
            p += n;
            left -= n;
        }
        m_path = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    }
    ~MemFile() { ::close(m_fd); }
    MemFile(const MemFile &) = delete;
    MemFile &operator=(const MemFile &) = delete;

    const QString &path() const { return m_path; }

private:
    int m_fd = -1;
    QString m_path;
};

// Little-endian field access on a byte array (the formats are little-endian).
inline uint32_t u32At(const QByteArray &b, qsizetype at)
{
    uint32_t v = 0;
    if (at >= 0 && at + 4 <= b.size()) std::memcpy(&v, b.constData() + at, 4);
    return v;
}
inline uint64_t u64At(const QByteArray &b, qsizetype at)
{
    uint64_t v = 0;
    if (at >= 0 && at + 8 <= b.size()) std::memcpy(&v, b.constData() + at, 8);
    return v;
}
inline void putU64At(QByteArray &b, qsizetype at, uint64_t v)
{
    if (at >= 0 && at + 8 <= b.size()) std::memcpy(b.data() + at, &v, 8);
}
inline void putU32At(QByteArray &b, qsizetype at, uint32_t v)
{
    if (at >= 0 && at + 4 <= b.size()) std::memcpy(b.data() + at, &v, 4);
}

// A failed property check: abort so that libFuzzer saves the input (and the
// replay fails). Used for invariants the engine documents, not for errors.
[[noreturn]] inline void propertyFailed(const char *what)
{
    std::fprintf(stderr, "fuzz property violated: %s\n", what);
    std::abort();
}

} // namespace fuzzsupport
