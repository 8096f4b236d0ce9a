#include "core/parse/PgWire.h"

#include <QtEndian>

namespace pgha::PgWire {

namespace {

QByteArray int32(qint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray message(char type, const QByteArray &body)
{
    return QByteArray(1, type) + int32(qint32(body.size() + 4)) + body;
}

// A reader over a message body; reads past the end give zero values and mark it bad.
struct Cursor
{
    const QByteArray &b;
    int at = 0;
    bool bad = false;
    qint32 i32()
    {
        if (at + 4 > b.size()) {
            bad = true;
            return 0;
        }
        const qint32 v = qFromBigEndian<qint32>(b.constData() + at);
        at += 4;
        return v;
    }
    qint16 i16()
    {
        if (at + 2 > b.size()) {
            bad = true;
            return 0;
        }
        const qint16 v = qFromBigEndian<qint16>(b.constData() + at);
        at += 2;
        return v;
    }
    QByteArray cstr()
    {
        const int end = b.indexOf('\0', at);
        if (end < 0) {
            bad = true;
            return {};
        }
        const QByteArray s = b.mid(at, end - at);
        at = end + 1;
        return s;
    }
    QByteArray bytes(int n)
    {
        if (n < 0 || at + n > b.size()) {
            bad = true;
            return {};
        }
        const QByteArray s = b.mid(at, n);
        at += n;
        return s;
    }
};

} // namespace

QList<Message> take(QByteArray *buffer, QString *error, int maxBytes)
{
    QList<Message> out;
    int at = 0;
    while (buffer->size() - at >= 5) {
        const qint32 len = qFromBigEndian<qint32>(buffer->constData() + at + 1);
        if (len < 4 || len > maxBytes) {
            *error = QStringLiteral("malformed protocol message (length %1)").arg(len);
            buffer->clear();
            return out;
        }
        if (buffer->size() - at - 1 < len)
            break;
        out << Message{buffer->at(at), buffer->mid(at + 5, len - 4)};
        at += 1 + len;
    }
    buffer->remove(0, at);
    return out;
}

QByteArray sslRequest()
{
    return int32(8) + int32(80877103);
}

QByteArray startup(const QString &user, const QString &database, const QString &applicationName)
{
    QByteArray body = int32(196608);  // protocol 3.0
    const auto param = [&body](const char *k, const QString &v) {
        body += k;
        body += '\0';
        body += v.toUtf8();
        body += '\0';
    };
    param("user", user);
    param("database", database);
    if (!applicationName.isEmpty())
        param("application_name", applicationName);
    body += '\0';
    return int32(qint32(body.size() + 4)) + body;
}

QByteArray saslInitialResponse(const QByteArray &mechanism, const QByteArray &data)
{
    return message('p', mechanism + '\0' + int32(qint32(data.size())) + data);
}

QByteArray saslResponse(const QByteArray &data)
{
    return message('p', data);
}

QByteArray query(const QString &sql)
{
    return message('Q', sql.toUtf8() + '\0');
}

QByteArray terminate()
{
    return message('X', {});
}

int authentication(const Message &m, QByteArray *data)
{
    if (m.type != 'R')
        return -1;
    Cursor c{m.body};
    const qint32 code = c.i32();
    if (c.bad)
        return -1;
    *data = m.body.mid(4);
    return code;
}

QStringList saslMechanisms(const QByteArray &data)
{
    QStringList out;
    for (const QByteArray &part : data.split('\0')) {
        if (!part.isEmpty())
            out << QString::fromUtf8(part);
    }
    return out;
}

QStringList rowDescription(const Message &m)
{
    Cursor c{m.body};
    const int n = c.i16();
    QStringList out;
    for (int i = 0; i < n && !c.bad; ++i) {
        out << QString::fromUtf8(c.cstr());
        c.bytes(18);  // table oid, column, type oid, size, modifier, format
    }
    return c.bad ? QStringList() : out;
}

QStringList dataRow(const Message &m)
{
    Cursor c{m.body};
    const int n = c.i16();
    QStringList out;
    for (int i = 0; i < n && !c.bad; ++i) {
        const qint32 len = c.i32();
        out << (len < 0 ? QString() : QString::fromUtf8(c.bytes(len)));
    }
    return c.bad ? QStringList() : out;
}

QString commandTag(const Message &m)
{
    Cursor c{m.body};
    return QString::fromUtf8(c.cstr());
}

QString errorText(const Message &m)
{
    Cursor c{m.body};
    QString severity, code, text;
    while (!c.bad && c.at < m.body.size()) {
        const char field = m.body.at(c.at++);
        if (field == '\0')
            break;
        const QString v = QString::fromUtf8(c.cstr());
        if (field == 'S')
            severity = v;
        else if (field == 'C')
            code = v;
        else if (field == 'M')
            text = v;
    }
    QString out = severity.isEmpty() ? text : severity + QStringLiteral(": ") + text;
    if (!code.isEmpty())
        out += QStringLiteral(" (") + code + QLatin1Char(')');
    return out;
}

} // namespace pgha::PgWire
