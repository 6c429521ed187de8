#pragma once
// What an archive entry may be, apart from its size: the rules that make
// sextant/Archive.h refuse a whole archive. Kept apart so that they read as a list.

#include <QString>

struct archive_entry;

namespace sextant::archives {

struct EntryVerdict {
    QString path; // cleaned, relative, '/'-separated
    bool isFolder = false;
    QString refusal; // why the archive is refused because of this entry; empty when it may be read
};

// Cleans an entry name ("./a//b/" → "a/b") or says why it is refused:
// absolute, "..", a drive letter, backslashes, control characters, too long.
// `cleaned` is empty for a name that is only the archive's root ("./").
QString checkEntryName(const QString &name, QString &cleaned);

EntryVerdict judgeEntry(archive_entry *entry);

} // namespace sextant::archives
