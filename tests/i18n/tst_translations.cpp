// tst_translations: the German and French translations are complete, and the
// English file carries every plural form.
//
// For each translations/sextant_<lang>.ts, lupdate (the same sources as the
// update_translations target: ui/ and app/gui/) updates a copy in a temporary
// folder, without -no-obsolete, so that both a new text in the code
// ("unfinished") and a text the code no longer has ("vanished") show. Then
// the copy is read and the test fails on
//  - a message that is unfinished, vanished or obsolete, or has an empty
//    translation (every plural form, and as many forms as the language has);
//  - a translation whose placeholders (%1…%99, %n, %Ln, %L1) are not exactly
//    the source's (one exception: where the singular form is used for n = 1
//    only, as in English and German, it may say "this step" without %n;
//    French uses it for 0 and 1, so it keeps %n);
//  - a translation without the accelerator (&) its source has, and two
//    accelerators with the same letter in one menu or dialog
//    (translations/accelerator-groups.txt says which texts share a menu);
//  - French: an ordinary space before : ; ? ! (it must be a no-break space).

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // the translation's type attribute
    QStringList translations; // one, or one per plural form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message{
                    context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
            } else if (name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!m.numerus) m.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
        }
    }
    if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

// The accelerator letter of `text` (lower case), or a null QChar; "&&" is a
// literal ampersand. `count` gets the number of accelerators.
QChar accelerator(const QString &text, int *count)
{
    QChar key;
    *count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&') continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        if (text[i + 1].isSpace()) continue;
        ++*count;
        key = text[i + 1].toLower();
    }
    return key;
}

// context -> list of groups (each a set of sources)
QHash<QString, QList<QSet<QString>>> readAcceleratorGroups(const QString &path)
{
    QHash<QString, QList<QSet<QString>>> groups;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return groups;
    QString context;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            context = line.mid(1, line.size() - 2);
            continue;
        }
        QSet<QString> group;
        for (const QString &s : line.split(QStringLiteral(" | ")))
            group.insert(s.trimmed());
        groups[context] << group;
    }
    return groups;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void complete_data();
    void complete();

private:
    QTemporaryDir m_tmp;
    QString m_sourceDir = QStringLiteral(SEXTANT_SOURCE_DIR);
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(SEXTANT_LUPDATE)), SEXTANT_LUPDATE);
}

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::addColumn<bool>("singularIsOne"); // the first plural form is for n = 1 only
    QTest::newRow("de") << QStringLiteral("de") << 2 << true;
    QTest::newRow("fr") << QStringLiteral("fr") << 2 << false;
    QTest::newRow("en") << QStringLiteral("en") << 2 << true; // plural messages only
}

void TestTranslations::complete()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    QFETCH(bool, singularIsOne);
    const QString committed = m_sourceDir + QStringLiteral("/translations/sextant_") + language + QStringLiteral(".ts");
    QVERIFY2(QFile::exists(committed), qPrintable(committed));
    const QString copy = m_tmp.filePath(QFileInfo(committed).fileName());
    QFile::remove(copy);
    QVERIFY(QFile::copy(committed, copy));
    QFile(copy).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QStringList args{m_sourceDir + QStringLiteral("/ui"),
                     m_sourceDir + QStringLiteral("/app/gui"),
                     QStringLiteral("-locations"),
                     QStringLiteral("none"),
                     QStringLiteral("-ts"),
                     copy};
    if (language == QLatin1String("en")) args << QStringLiteral("-pluralonly");
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(SEXTANT_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QByteArray log = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, log.constData());

    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!messages.isEmpty(), "lupdate found no messages");

    QStringList problems;
    auto where = [](const Message &m) { return m.context + QStringLiteral(" \"") + m.source + u'"'; };
    const QHash<QString, QList<QSet<QString>>> groups =
        readAcceleratorGroups(m_sourceDir + QStringLiteral("/translations/accelerator-groups.txt"));
    // context -> group index -> letter -> source (of translation, and of the source itself)
    QHash<QString, QHash<int, QHash<QChar, QString>>> taken, takenInSource;

    for (const Message &m : messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
            problems << QStringLiteral("no longer in the code, but kept: ") + where(m);
            continue;
        }
        if (m.type == QLatin1String("unfinished")) problems << QStringLiteral("unfinished: ") + where(m);
        if (m.numerus && m.translations.size() != pluralForms)
            problems << QStringLiteral("%1 plural forms instead of %2: ").arg(m.translations.size()).arg(pluralForms) +
                            where(m);
        const QStringList wanted = placeholders(m.source);
        int sourceKeys = 0;
        const QChar sourceKey = accelerator(m.source, &sourceKeys);
        for (qsizetype form = 0; form < m.translations.size(); ++form) {
            const QString &t = m.translations[form];
            if (t.isEmpty()) {
                problems << QStringLiteral("empty translation: ") + where(m);
                continue;
            }
            QStringList got = placeholders(t);
            if (m.numerus && form == 0 && singularIsOne)
                for (const QString &n : {QStringLiteral("%n"), QStringLiteral("%Ln")})
                    if (wanted.contains(n) && !got.contains(n)) got.append(n), got.sort();
            if (got != wanted)
                problems << QStringLiteral("placeholders %1 instead of %2 in \"%3\": ")
                                    .arg(placeholders(t).join(u','), wanted.join(u','), t) +
                                where(m);
            int keys = 0;
            accelerator(t, &keys);
            if (keys != sourceKeys)
                problems
                    << QStringLiteral("%1 accelerators instead of %2 in \"%3\": ").arg(keys).arg(sourceKeys).arg(t) +
                           where(m);
            if (language == QLatin1String("fr")) {
                static const QRegularExpression plainSpace(QStringLiteral(" [:;?!]"));
                if (t.contains(plainSpace))
                    problems << QStringLiteral("an ordinary space before : ; ? ! in \"%1\": ").arg(t) + where(m);
            }
        }
        if (sourceKeys != 1 || m.translations.isEmpty()) continue;
        int group = 0;
        if (groups.contains(m.context)) {
            group = -1;
            const QList<QSet<QString>> &list = groups[m.context];
            for (int g = 0; g < list.size(); ++g)
                if (list[g].contains(m.source)) group = g;
            if (group < 0) {
                problems << QStringLiteral("in no group of accelerator-groups.txt: ") + where(m);
                continue;
            }
        }
        int keys = 0;
        const QChar key = accelerator(m.translations.first(), &keys);
        if (keys == 1) {
            QString &other = taken[m.context][group][key];
            if (!other.isEmpty())
                problems << QStringLiteral("accelerator &%1 twice in one menu or dialog: \"%2\" and \"%3\" in %4")
                                .arg(key)
                                .arg(other, m.translations.first(), m.context);
            else
                other = m.translations.first();
        }
        QString &otherSource = takenInSource[m.context][group][sourceKey];
        if (!otherSource.isEmpty())
            problems << QStringLiteral("accelerator &%1 twice in the English texts: \"%2\" and \"%3\" in %4")
                            .arg(sourceKey)
                            .arg(otherSource, m.source, m.context);
        else
            otherSource = m.source;
    }
    // The English file holds only plural messages, whose sources are not
    // menus; the other two hold every message.
    for (const QString &p : problems)
        qWarning().noquote() << p;
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("%1 problem(s) in sextant_%2.ts (listed above)").arg(problems.size()).arg(language)));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
