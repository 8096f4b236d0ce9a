#include "TsFile.h"

#include <QFile>
#include <QXmlStreamReader>

namespace pgha::test {

TsFile readTsFile(const QString &path)
{
    TsFile ts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1: %2").arg(path, f.errorString());
        return ts;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage msg;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
                ts.sourceLanguage = xml.attributes().value(QLatin1String("sourcelanguage")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                msg = TsMessage{};
                msg.context = context;
                msg.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                msg.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                msg.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                msg.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!msg.numerus)
                    msg.translation = xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                msg.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            ts.messages << msg;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QList<TsMessage> untranslated(const TsFile &ts, int numerusForms)
{
    QList<TsMessage> out;
    for (const TsMessage &m : ts.messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            continue;
        bool missing = m.type == QLatin1String("unfinished");
        if (m.numerus) {
            missing = missing || m.forms.size() < numerusForms;
            for (const QString &f : m.forms)
                missing = missing || f.trimmed().isEmpty();
        } else {
            missing = missing || m.translation.trimmed().isEmpty();
        }
        if (missing)
            out << m;
    }
    return out;
}

} // namespace pgha::test
