// Fuzz target: CSV and TSV files (engine/formats/CsvFile.h, CsvRecordReader.h).
// Each input is read with ',' and with '\t', with a short record limit so
// that the "record too long" path is reachable; VectorSourceFuzz.h's checks
// hold for every source. The cell parsers are also fed the whole input.

#include "VectorSourceFuzz.h"

#include "formats/CsvFile.h"

using namespace sextant;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzzsupport::kMaxInputBytes) return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    float value = 0;
    bool outOfRange = false;
    if (formats::parseCsvNumber(bytes, value, &outOfRange) && outOfRange)
        fuzzsupport::propertyFailed("a number both read and out of range");
    QVector<float> vector;
    QString why;
    if (!formats::parseJsonVector(bytes, vector, why) && why.isEmpty())
        fuzzsupport::propertyFailed("a refused vector without a reason");

    fuzzsupport::MemFile mem(bytes);
    formats::SourceOptions options;
    options.maxLineBytes = 4096;
    for (char delimiter : {',', '\t'}) {
        auto source = formats::openCsvSource(mem.path(), delimiter, options);
        if (!source.ok()) {
            if (source.error().message().isEmpty()) fuzzsupport::propertyFailed("an error without a message");
            continue;
        }
        fuzzsupport::drainChecked(**source);
    }
    return 0;
}
