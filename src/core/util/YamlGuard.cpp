#include "core/util/YamlGuard.h"

#include <QFile>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace pgha::YamlGuard {

namespace {

struct GuardFailure
{
    YAML::Mark mark;
    QString message;
};

class Checker : public YAML::EventHandler
{
public:
    int documents = 0;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++documents > 1)
            throw GuardFailure{mark, QStringLiteral("a second YAML document (\"---\") is not allowed; the file must "
                                                    "be one document")};
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { node(mark, nullptr); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        throw GuardFailure{mark, QStringLiteral("YAML aliases (*name) are not allowed; write the value out")};
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t, const std::string &value) override
    {
        node(mark, &value);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        open(mark, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(mark, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        bool map = false;
        bool expectKey = true;
        std::set<std::string> keys;
    };
    std::vector<Frame> m_stack;
    int m_nodes = 0;

    void count(const YAML::Mark &mark)
    {
        if (++m_nodes > kMaxNodes)
            throw GuardFailure{mark, QStringLiteral("more than %1 YAML nodes; that is not a project").arg(kMaxNodes)};
    }

    // A scalar (value != nullptr) or a null has been read.
    void node(const YAML::Mark &mark, const std::string *value)
    {
        count(mark);
        if (m_stack.empty() || !m_stack.back().map)
            return;
        Frame &f = m_stack.back();
        if (f.expectKey) {
            const std::string key = value ? *value : std::string("~");
            if (!f.keys.insert(key).second)
                throw GuardFailure{mark, QStringLiteral("key \"%1\" given twice in one mapping (YAML forbids duplicate keys)")
                                             .arg(QString::fromStdString(key.substr(0, 80)))};
        }
        f.expectKey = !f.expectKey;
    }

    void open(const YAML::Mark &mark, bool map)
    {
        count(mark);
        if (!m_stack.empty() && m_stack.back().map) {
            Frame &f = m_stack.back();
            if (f.expectKey)
                throw GuardFailure{mark, QStringLiteral("a mapping key must be text, not a list or a mapping")};
            f.expectKey = true;  // this collection is the value; the next event in the parent is a key
        }
        if (int(m_stack.size()) >= kMaxDepth)
            throw GuardFailure{mark, QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth)};
        m_stack.push_back(Frame{map, true, {}});
    }

    void close()
    {
        if (!m_stack.empty())
            m_stack.pop_back();
    }
};

Error errorAt(const QString &source, const YAML::Mark &m, const QString &message)
{
    Error e;
    e.file = source;
    e.line = m.is_null() ? 0 : m.line + 1;
    e.column = m.is_null() ? 0 : m.column + 1;
    e.message = message;
    return e;
}

} // namespace

Result<void> check(const QByteArray &yaml, const QString &sourceName)
{
    if (yaml.size() > kMaxBytes)
        return Error{QStringLiteral("larger than %1 MiB; that is not a project").arg(kMaxBytes / (1024 * 1024)),
                     sourceName};
    try {
        std::istringstream in(yaml.toStdString());
        YAML::Parser parser(in);
        Checker checker;
        while (parser.HandleNextDocument(checker)) {
        }
    } catch (const GuardFailure &f) {
        return errorAt(sourceName, f.mark, f.message);
    } catch (const YAML::Exception &e) {
        return errorAt(sourceName, e.mark, QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        return Error{QStringLiteral("cannot read: ") + QString::fromUtf8(e.what()), sourceName};
    }
    return {};
}

Result<QByteArray> readBounded(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error{QStringLiteral("cannot open: ") + f.errorString(), path};
    QByteArray data;
    char buf[65536];
    while (true) {
        const qint64 n = f.read(buf, sizeof buf);
        if (n < 0)
            return Error{QStringLiteral("cannot read: ") + f.errorString(), path};
        if (n == 0)
            break;
        if (data.size() + n > kMaxBytes)
            return Error{QStringLiteral("larger than %1 MiB (or endless, like a device); that is not a project")
                             .arg(kMaxBytes / (1024 * 1024)),
                         path};
        data.append(buf, n);
    }
    return data;
}

} // namespace pgha::YamlGuard
