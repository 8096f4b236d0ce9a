#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// PostgreSQL's frontend/backend protocol (version 3), as far as a monitor needs it to run simple queries on an admin
// console (PgBouncer's SHOW POOLS / SHOW STATS): framing, the few client messages, and decoding of the server's.
// Pure: bytes in, values out; the socket lives in the monitor (PgConsoleClient).
namespace pgha::PgWire {

struct Message
{
    char type = 0;      // 'R' authentication, 'T' row description, 'D' data row, 'C' complete, 'Z' ready, 'E' error ...
    QByteArray body;    // without the type byte and the length
};

// A simple query's answer: the columns and rows (SQL NULL as an empty string), the command tag.
struct Table
{
    QStringList columns;
    QList<QStringList> rows;
    QString command;    // "SHOW"
    int column(const QString &name) const { return int(columns.indexOf(name)); }
};

// Takes every complete message off the front of *buffer. An error (a length below 4 or above maxBytes) leaves
// *error set: the stream cannot be trusted after it.
QList<Message> take(QByteArray *buffer, QString *error, int maxBytes = 4 * 1024 * 1024);

// Client messages.
QByteArray sslRequest();
QByteArray startup(const QString &user, const QString &database, const QString &applicationName);
QByteArray saslInitialResponse(const QByteArray &mechanism, const QByteArray &data);
QByteArray saslResponse(const QByteArray &data);
QByteArray query(const QString &sql);
QByteArray terminate();

// 'R': the authentication request code (0 ok, 10 SASL, 11 SASL continue, 12 SASL final, 3 cleartext, 5 MD5 ...),
// the rest of the body in *data. -1 for a malformed message.
int authentication(const Message &m, QByteArray *data);
// 'R' code 10: the mechanisms the server offers.
QStringList saslMechanisms(const QByteArray &data);
QStringList rowDescription(const Message &m);
QStringList dataRow(const Message &m);
QString commandTag(const Message &m);
// 'E' / 'N': "SEVERITY: message (SQLSTATE)".
QString errorText(const Message &m);

} // namespace pgha::PgWire
