// Runs a fuzz target's LLVMFuzzerTestOneInput on every file of a corpus
// folder (or on the files named), without libFuzzer: this is how CTest
// replays tests/fuzz/corpus/<target>/ on every build, with any compiler.
// An input that trips a check aborts, which fails the test; a missing or
// empty folder fails too, so a corpus cannot vanish unnoticed.
//
//   fuzz_replay_<target> DIR       every regular file in DIR, sorted by name
//   fuzz_replay_<target> FILE...   the given files (to reproduce one finding)

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool runFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(path), qPrintable(f.errorString()));
        return false;
    }
    const QByteArray bytes = f.readAll();
    // libFuzzer never passes a null pointer, even for an empty input.
    static const uint8_t empty = 0;
    LLVMFuzzerTestOneInput(bytes.isEmpty() ? &empty : reinterpret_cast<const uint8_t *>(bytes.constData()),
                           size_t(bytes.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR | FILE...\n", argv[0]);
        return 2;
    }
    qint64 count = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QFile::decodeName(argv[i]);
        const QFileInfo info(arg);
        if (info.isDir()) {
            const QStringList names = QDir(arg).entryList(QDir::Files | QDir::Hidden, QDir::Name);
            if (names.isEmpty()) {
                std::fprintf(stderr, "the corpus folder %s is empty\n", qPrintable(arg));
                return 1;
            }
            for (const QString &name : names) {
                if (!runFile(arg + u'/' + name)) return 1;
                ++count;
            }
        } else if (info.isFile()) {
            if (!runFile(arg)) return 1;
            ++count;
        } else {
            std::fprintf(stderr, "%s is neither a corpus folder nor a file\n", qPrintable(arg));
            return 1;
        }
    }
    std::printf("replayed %lld inputs\n", static_cast<long long>(count));
    return 0;
}
