#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// The shipped catalogues (resources/translations/*.ts) against the sources and themselves:
// every message finished, every tr() string present, placeholders and accelerators kept.
// lupdate (Debian qt6-l10n-tools, a build dependency) re-reads the sources, as
// `cmake --build build --target update_translations` does, into a copy of each file.
class tst_TsFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyMessageFinished_data();
    void everyMessageFinished();
    void placeholdersAndAcceleratorsKept_data();
    void placeholdersAndAcceleratorsKept();
    void everyTrStringIsInTheCatalogue_data();
    void everyTrStringIsInTheCatalogue();
};

namespace {
struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;      // "unfinished", "vanished", "obsolete", or empty when finished
    QStringList forms; // the translation, or its plural forms
    QString key() const { return context + QStringLiteral(" | ") + source; }
};

QString tsPath(const QString &language)
{
    return QStringLiteral(PIXELMILL_TR_DIR "/pixelmill_%1.ts").arg(language);
}

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> messages;
    QString context;
    Message message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms.append(xml.readElementText());
            } else {
                message.forms.append(xml.readElementText());
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

// Plural forms per language, from Qt's rules (German and English: one, other; Chinese: other).
int pluralForms(const QString &language)
{
    return language == QLatin1String("zh_CN") ? 1 : 2;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:n|\\d{1,2})"));
    QStringList found;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        found.append(m.captured());
    found.sort();
    return found;
}

// "&File" has one, "Q&&A" none: && is a literal ampersand.
int accelerators(const QString &text)
{
    QString withoutLiterals = text;
    withoutLiterals.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&(?=\\S)"));
    int count = 0;
    for (QRegularExpressionMatchIterator it = re.globalMatch(withoutLiterals); it.hasNext();
         it.next())
        ++count;
    return count;
}

void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    for (const char *language : {"de", "zh_CN", "en"})
        QTest::newRow(language) << QString::fromLatin1(language);
}
} // namespace

void tst_TsFiles::everyMessageFinished_data()
{
    addLanguageRows();
}

void tst_TsFiles::everyMessageFinished()
{
    QFETCH(QString, language);
    const QList<Message> messages = readTs(tsPath(language));
    QVERIFY(!messages.isEmpty());
    QStringList unfinished;
    for (const Message &m : messages) {
        const int expectedForms = m.numerus ? pluralForms(language) : 1;
        const bool empty = std::any_of(m.forms.cbegin(), m.forms.cend(),
                                       [](const QString &form) { return form.isEmpty(); });
        if (!m.type.isEmpty() || empty || m.forms.size() != expectedForms)
            unfinished.append(m.key());
    }
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
}

void tst_TsFiles::placeholdersAndAcceleratorsKept_data()
{
    addLanguageRows();
}

void tst_TsFiles::placeholdersAndAcceleratorsKept()
{
    QFETCH(QString, language);
    QStringList wrong;
    for (const Message &m : readTs(tsPath(language))) {
        for (const QString &form : m.forms) {
            if (placeholders(form) != placeholders(m.source))
                wrong.append(QStringLiteral("placeholders: %1 -> %2").arg(m.key(), form));
            if (accelerators(form) != accelerators(m.source))
                wrong.append(QStringLiteral("accelerator: %1 -> %2").arg(m.key(), form));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void tst_TsFiles::everyTrStringIsInTheCatalogue_data()
{
    addLanguageRows();
}

void tst_TsFiles::everyTrStringIsInTheCatalogue()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(tsPath(language)).fileName());
    QVERIFY(QFile::copy(tsPath(language), copy));
    QStringList arguments = QProcess::splitCommand(QStringLiteral(PIXELMILL_LUPDATE_OPTIONS));
    if (language == QLatin1String("en"))
        arguments << QStringLiteral("-pluralonly"); // as ui/CMakeLists.txt: English plurals only
    arguments << QStringLiteral(PIXELMILL_SOURCE_DIR "/ui")
              << QStringLiteral(PIXELMILL_SOURCE_DIR "/app/gui") << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(PIXELMILL_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(60'000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAllStandardError().constData());

    QStringList shipped, fromSources;
    for (const Message &m : readTs(tsPath(language)))
        shipped.append(m.key());
    for (const Message &m : readTs(copy))
        fromSources.append(m.key());
    QStringList missing, stale;
    for (const QString &key : fromSources)
        if (!shipped.contains(key))
            missing.append(key);
    for (const QString &key : shipped)
        if (!fromSources.contains(key))
            stale.append(key);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("in the sources, not the catalogue "
                                                          "(build update_translations):\n") +
                                           missing.join(QLatin1Char('\n'))));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("in the catalogue, not the sources:\n") +
                                         stale.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_TsFiles)
#include "tst_tsfiles.moc"
