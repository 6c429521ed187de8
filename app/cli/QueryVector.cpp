#include "QueryVector.h"

#include "CliSupport.h"

#include <QFile>

namespace sextant::cli {

Result<QVector<float>> readQueryVector(const QString &argument)
{
    // Both read to the end: a pipe hands over its input in pieces (B7).
    if (argument == u"-") {
        const QString source = QStringLiteral("standard input");
        Result<QByteArray> bytes =
            readStandardInputLimited(kMaxQueryVectorBytes, QStringLiteral("The query vector from standard input"));
        if (!bytes.ok()) return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    if (argument.startsWith(u'@')) {
        const QString fileName = argument.mid(1);
        const QString source = QStringLiteral("the file %1").arg(shown(fileName));
        Result<QByteArray> bytes =
            readFileLimited(fileName, kMaxQueryVectorBytes, QStringLiteral("The query vector from %1").arg(source));
        if (!bytes.ok()) return bytes.error();
        return parseQueryVector(*bytes, source);
    }
    return parseQueryVector(argument.toUtf8(), QStringLiteral("--vector"));
}

} // namespace sextant::cli
