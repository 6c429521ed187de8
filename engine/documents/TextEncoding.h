#pragma once
// Turning the bytes of a text document into text. Documents arrive without a
// declared encoding, so the bytes decide: a BOM (UTF-8, UTF-16 LE or BE),
// else strict UTF-8, else Windows-1252 (the usual encoding of old Western
// text files, and a superset of Latin-1's printable characters). Bytes that
// no text file has (NUL, most C0 controls, bytes Windows-1252 leaves
// undefined) make it "not text" instead of a page of mojibake.

#include "sextant/Error.h"

#include <QByteArray>
#include <QString>

namespace sextant::documents {

// The decoded text, without the BOM. Errors (MalformedInput) are the
// sentences "not text: binary data at byte N" and "not valid UTF-8 or
// UTF-16 text".
Result<QString> decodeDocumentBytes(const QByteArray &bytes);

// Windows-1252's character for a byte 0x80–0x9F, or a null QChar where it
// defines none (0x81, 0x8D, 0x8F, 0x90, 0x9D). HTML's numeric references
// in that range mean these characters too.
QChar windows1252Char(uchar byte);

// CRLF and lone CR become LF, so that line and paragraph breaks look alike
// to titles and the chunker whatever system wrote the file.
QString normalizeLineEnds(QString text);

// "70 MB", "512 KB", "900 bytes": sizes in error messages.
QString sizeText(qint64 bytes);

} // namespace sextant::documents
