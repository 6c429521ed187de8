#include "sextant/NumpyFile.h"

#include <QIODevice>
#include <QtEndian>

#include <cctype>
#include <cstring>
#include <limits>

namespace sextant::formats {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr qsizetype kMagicBytes = 6;

// The header is a Python literal written by NumPy's repr():
//   {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
// This reads exactly that subset: one dict of quoted keys whose values are
// quoted strings, True/False, or tuples of non-negative integers (Python 2
// wrote them with an "L" suffix). Anything else is an error naming the byte.
class HeaderDictParser {
public:
    HeaderDictParser(QByteArrayView text, qsizetype offset) : m_text(text), m_offset(offset) { }

    Error parse(NpyHeader &header)
    {
        bool haveDescr = false, haveOrder = false, haveShape = false;
        skipSpace();
        if (!take('{')) return fail(QStringLiteral("the header must be a Python dict starting with '{'"));
        for (;;) {
            skipSpace();
            if (take('}')) break;
            QByteArray key;
            if (!readString(key)) return fail(QStringLiteral("expected a quoted key or '}'"));
            skipSpace();
            if (!take(':')) return fail(QStringLiteral("expected ':' after '%1'").arg(QString::fromLatin1(key)));
            skipSpace();
            if (key == "descr") {
                if (haveDescr) return fail(QStringLiteral("'descr' appears twice"));
                haveDescr = true;
                if (Error e = readDescr(header)) return e;
            } else if (key == "fortran_order") {
                if (haveOrder) return fail(QStringLiteral("'fortran_order' appears twice"));
                haveOrder = true;
                if (takeWord("True"))
                    header.fortranOrder = true;
                else if (takeWord("False"))
                    header.fortranOrder = false;
                else
                    return fail(QStringLiteral("'fortran_order' must be True or False"));
            } else if (key == "shape") {
                if (haveShape) return fail(QStringLiteral("'shape' appears twice"));
                haveShape = true;
                if (Error e = readShape(header.shape)) return e;
            } else {
                // NumPy refuses unknown keys too: the file is not what it claims.
                return fail(QStringLiteral("unknown key '%1' (a .npy header has descr, fortran_order and shape)")
                                .arg(QString::fromLatin1(key.left(40))));
            }
            skipSpace();
            if (take(',')) continue;
            skipSpace();
            if (take('}')) break;
            return fail(QStringLiteral("expected ',' or '}'"));
        }
        skipSpace();
        if (m_pos != m_text.size()) return fail(QStringLiteral("text follows the header's dict"));
        if (!haveDescr || !haveOrder || !haveShape)
            return fail(QStringLiteral("the header lacks %1")
                            .arg(!haveDescr   ? QStringLiteral("'descr'")
                                 : !haveOrder ? QStringLiteral("'fortran_order'")
                                              : QStringLiteral("'shape'")));
        return {};
    }

private:
    QByteArrayView m_text;
    qsizetype m_offset; // of m_text in the file, for messages
    qsizetype m_pos = 0;

    Error fail(const QString &what) const
    {
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The .npy header is not valid: %1 (at byte %2).").arg(what).arg(m_offset + m_pos));
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool take(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool takeWord(const char *word)
    {
        const QByteArrayView w(word);
        if (!m_text.sliced(m_pos).startsWith(w)) return false;
        const qsizetype after = m_pos + w.size();
        if (after < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[after])) || m_text[after] == '_'))
            return false;
        m_pos = after;
        return true;
    }
    // A quoted string without escapes ('<f4', 'shape'); NumPy writes no escapes here.
    bool readString(QByteArray &out)
    {
        if (m_pos >= m_text.size() || (m_text[m_pos] != '\'' && m_text[m_pos] != '"')) return false;
        const char quote = m_text[m_pos];
        const qsizetype close = m_text.indexOf(quote, m_pos + 1);
        if (close < 0) return false;
        out = m_text.sliced(m_pos + 1, close - m_pos - 1).toByteArray();
        if (out.contains('\\')) return false;
        m_pos = close + 1;
        return true;
    }
    Error readDescr(NpyHeader &header)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == '[')
            return Error(
                ErrorCode::UnsupportedFormat,
                QStringLiteral("The .npy file holds a structured array (a list as 'descr'); Sextant reads arrays of "
                               "floats ('<f4', '<f8' or '<f2')."));
        QByteArray descr;
        if (!readString(descr)) return fail(QStringLiteral("'descr' must be a quoted dtype such as '<f4'"));
        if (descr.size() == 3 && (descr[0] == '<' || descr[0] == '>') && descr[1] == 'f' &&
            (descr[2] == '2' || descr[2] == '4' || descr[2] == '8')) {
            header.bigEndian = descr[0] == '>';
            header.elementBytes = descr[2] - '0';
            header.element = descr[2] == '2'   ? NpyElement::Float16
                             : descr[2] == '4' ? NpyElement::Float32
                                               : NpyElement::Float64;
            return {};
        }
        return Error(
            ErrorCode::UnsupportedFormat,
            QStringLiteral("The .npy file holds elements of dtype '%1'; Sextant reads floats: '<f4' (float32), "
                           "'<f8' (float64), '<f2' (float16) and their big-endian '>' forms. Convert it with "
                           "a.astype('float32').")
                .arg(QString::fromLatin1(descr.left(40))));
    }
    Error readShape(QList<qint64> &shape)
    {
        if (!take('(')) return fail(QStringLiteral("'shape' must be a tuple such as (1000, 128)"));
        for (;;) {
            skipSpace();
            if (take(')')) return {};
            if (m_pos >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
                return fail(QStringLiteral("'shape' must hold non-negative integers"));
            qint64 value = 0;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                const int digit = m_text[m_pos] - '0';
                if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
                    return fail(QStringLiteral("a 'shape' entry is too large"));
                value = value * 10 + digit;
                ++m_pos;
            }
            take('L'); // Python 2's long integers
            if (shape.size() == 32) return fail(QStringLiteral("'shape' has more than 32 entries"));
            shape.append(value);
            skipSpace();
            if (take(',')) continue;
            skipSpace();
            if (take(')')) return {};
            return fail(QStringLiteral("expected ',' or ')' in 'shape'"));
        }
    }
};

} // namespace

Result<NpyHeader> parseNpyHeader(QByteArrayView start)
{
    if (start.size() < kMagicBytes || std::memcmp(start.data(), kMagic, kMagicBytes) != 0)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The file does not start with the .npy magic \\x93NUMPY."));
    if (start.size() < 10)
        return Error(
            ErrorCode::MalformedInput,
            QStringLiteral("The .npy file ends at byte %1, inside its version and header length.").arg(start.size()));
    NpyHeader header;
    header.majorVersion = static_cast<unsigned char>(start[6]);
    header.minorVersion = static_cast<unsigned char>(start[7]);
    if ((header.majorVersion < 1 || header.majorVersion > 3) || header.minorVersion != 0)
        return Error(ErrorCode::UnsupportedFormat,
                     QStringLiteral("The .npy file has format version %1.%2; Sextant reads versions 1.0, 2.0 and 3.0.")
                         .arg(header.majorVersion)
                         .arg(header.minorVersion));
    qint64 headerBytes = 0;
    qsizetype headerStart = 0;
    if (header.majorVersion == 1) {
        headerBytes = qFromLittleEndian<quint16>(start.data() + 8);
        headerStart = 10;
    } else {
        if (start.size() < 12)
            return Error(ErrorCode::MalformedInput,
                         QStringLiteral("The .npy file ends at byte %1, inside its header length.").arg(start.size()));
        headerBytes = qFromLittleEndian<quint32>(start.data() + 8);
        headerStart = 12;
    }
    if (headerBytes > kMaxNpyHeaderBytes)
        return Error(ErrorCode::MalformedInput, QStringLiteral("The .npy header claims %1 bytes; at most %2 are read.")
                                                    .arg(headerBytes)
                                                    .arg(kMaxNpyHeaderBytes));
    if (start.size() < headerStart + headerBytes)
        return Error(ErrorCode::MalformedInput,
                     QStringLiteral("The .npy header claims %1 bytes from byte %2, but the file ends at byte %3.")
                         .arg(headerBytes)
                         .arg(headerStart)
                         .arg(start.size()));
    header.dataOffset = headerStart + headerBytes;
    HeaderDictParser parser(start.sliced(headerStart, qsizetype(headerBytes)), headerStart);
    if (Error e = parser.parse(header)) return e;
    return header;
}

NpyWriter::NpyWriter(QIODevice *device, qint64 rows, int dimensions)
    : m_device(device), m_rows(rows), m_dimensions(dimensions)
{
    if (!device)
        m_error = Error(ErrorCode::InvalidArgument, QStringLiteral("NpyWriter needs a device."));
    else if (rows < 0 || dimensions < 1 || dimensions > Schema::kMaxDimensions)
        m_error = Error(ErrorCode::InvalidArgument,
                        QStringLiteral("A .npy export needs 0 or more rows of 1 to %1 dimensions, not %2 rows of %3.")
                            .arg(Schema::kMaxDimensions)
                            .arg(rows)
                            .arg(dimensions));
}

QByteArray NpyWriter::header(qint64 rows, int dimensions)
{
    QByteArray dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + QByteArray::number(rows) + ", " +
                      QByteArray::number(dimensions) + "), }";
    // NumPy pads with spaces and ends with "\n" so that magic (6) + version
    // (2) + length (2) + dict is a multiple of 64: the data is then aligned
    // for memory-mapping.
    constexpr qsizetype kPrefix = 10, kAlign = 64;
    const qsizetype total = ((kPrefix + dict.size() + 1 + kAlign - 1) / kAlign) * kAlign;
    dict.append(total - kPrefix - dict.size() - 1, ' ');
    dict.append('\n');
    QByteArray out(kMagic, kMagicBytes);
    out.append(char(1));
    out.append(char(0));
    const quint16 length = qToLittleEndian(quint16(dict.size()));
    out.append(reinterpret_cast<const char *>(&length), 2);
    out.append(dict);
    return out;
}

Error NpyWriter::write(const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = m_device->write(data + done, size - done);
        if (n <= 0) {
            m_error =
                Error(ErrorCode::Io, QStringLiteral("Could not write the .npy file: %1").arg(m_device->errorString()));
            return m_error;
        }
        done += n;
    }
    return {};
}

Error NpyWriter::start()
{
    if (m_started) return {};
    m_started = true;
    const QByteArray bytes = header(m_rows, m_dimensions);
    return write(bytes.constData(), bytes.size());
}

Error NpyWriter::append(std::span<const float> vector)
{
    if (m_error) return m_error;
    if (qsizetype(vector.size()) != m_dimensions)
        return Error(ErrorCode::DimensionMismatch,
                     QStringLiteral("A row of %1 numbers cannot go into a .npy array of %2 columns.")
                         .arg(vector.size())
                         .arg(m_dimensions));
    if (m_written == m_rows)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The .npy array was declared with %1 rows; row %2 is one too many.")
                         .arg(m_rows)
                         .arg(m_written + 1));
    if (Error e = start()) return e;
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    if (Error e = write(reinterpret_cast<const char *>(vector.data()), qint64(vector.size() * sizeof(float)))) return e;
#else
    QByteArray row(qsizetype(vector.size() * sizeof(float)), Qt::Uninitialized);
    for (size_t i = 0; i < vector.size(); ++i)
        qToLittleEndian(vector[i], row.data() + i * sizeof(float));
    if (Error e = write(row.constData(), row.size())) return e;
#endif
    ++m_written;
    return {};
}

Error NpyWriter::finish()
{
    if (m_error) return m_error;
    if (m_written != m_rows)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("The .npy array was declared with %1 rows but %2 were written; the file is incomplete.")
                .arg(m_rows)
                .arg(m_written));
    return start();
}

} // namespace sextant::formats
