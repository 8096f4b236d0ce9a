#include "core/generate/ExtraMerge.h"

#include "core/generate/EtcdConfig.h"
#include "core/generate/GenUtil.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/ExtraGrammar.h"
#include "core/model/ExtraYaml.h"
#include "core/model/Secrets.h"

#include <QRegularExpression>

namespace pgha::ExtraMerge {

namespace {

QString joinPath(const QStringList &path)
{
    return path.join(QLatin1Char('.'));
}

// The node at a path of mapping keys (an undefined node when a step is missing or not a mapping).
YAML::Node nodeAt(const YAML::Node &root, const QStringList &path)
{
    YAML::Node n;
    n.reset(root);
    for (const QString &k : path) {
        if (!n.IsMap())
            return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node &cn = n;
        const YAML::Node child = cn[k.toStdString()];
        if (!child.IsDefined())
            return child;
        n.reset(child);
    }
    return n;
}

// {key: value} as block text, every line indented by `indent` spaces.
QString blockText(const std::string &key, const YAML::Node &value, int indent)
{
    YAML::Emitter y;
    y.SetIndent(2);
    y << YAML::Block << YAML::BeginMap << YAML::Key << key << YAML::Value;
    ExtraYaml::write(y, value);
    y << YAML::EndMap;
    QString out;
    const QString pad(indent, QLatin1Char(' '));
    for (const QString &line : QString::fromStdString(y.c_str()).split(QLatin1Char('\n')))
        out += pad + line + QLatin1Char('\n');
    return out;
}

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line[i] == QLatin1Char(' '))
        ++i;
    return i;
}

bool isContent(const QString &line)
{
    const QString t = line.trimmed();
    return !t.isEmpty() && !t.startsWith(QLatin1Char('#'));
}

// Adds key: value as the last child of the block mapping whose first key stands at (line, column) (0-based).
void insertChild(QStringList &lines, int line, int column, const std::string &key, const YAML::Node &value)
{
    int last = line;
    for (int i = line + 1; i < lines.size(); ++i) {
        if (!isContent(lines[i]))
            continue;
        if (indentOf(lines[i]) < column)
            break;
        last = i;
    }
    QString block = blockText(key, value, column);
    block.chop(1);
    lines.insert(last + 1, block);
}

void mergeAt(QString &text, const QStringList &path, const YAML::Node &extra, QStringList *collisions)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const std::string key = it->first.Scalar();
        const QStringList childPath = path + QStringList{QString::fromStdString(key)};
        const YAML::Node root = YAML::Load(text.toStdString());
        const YAML::Node parent = path.isEmpty() ? root : nodeAt(root, path);
        if (!parent.IsMap() || parent.Style() == YAML::EmitterStyle::Flow) {
            if (collisions)
                *collisions << joinPath(childPath);
            continue;
        }
        const YAML::Node existing = parent[key];
        if (!existing.IsDefined()) {
            if (path.isEmpty()) {
                if (!text.endsWith(QLatin1Char('\n')))
                    text += QLatin1Char('\n');
                text += QLatin1Char('\n') + blockText(key, it->second, 0);
                text.chop(1);
            } else {
                QStringList lines = text.split(QLatin1Char('\n'));
                const YAML::Mark m = parent.Mark();
                insertChild(lines, m.line, m.column, key, it->second);
                text = lines.join(QLatin1Char('\n'));
            }
        } else if (existing.IsMap() && it->second.IsMap() && existing.Style() != YAML::EmitterStyle::Flow) {
            mergeAt(text, childPath, it->second, collisions);
        } else if (collisions) {
            // The design writes this key itself: never overridden.
            for (const QString &leaf : it->second.IsMap() && it->second.size() > 0 ? ExtraYaml::leafPaths(it->second) : QStringList{QString()})
                *collisions << joinPath(childPath) + (leaf.isEmpty() ? QString() : QLatin1Char('.') + leaf);
        }
    }
}

// The lines of one section of a generated haproxy.cfg, without its keyword line.
QString sectionOf(const QString &config, const QString &section)
{
    QString out;
    bool in = false;
    for (const QString &line : config.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line[0].isSpace() && !line.startsWith(QLatin1Char('#'))) {
            in = line.split(QLatin1Char(' ')).value(0) == section;
            continue;
        }
        if (in)
            out += line + QLatin1Char('\n');
    }
    return out;
}

QSet<QString> etcdNames(const QByteArray &envFile)
{
    static const QRegularExpression name(QStringLiteral("^(ETCD_[A-Z0-9_]+)="), QRegularExpression::MultilineOption);
    QSet<QString> out;
    for (auto it = name.globalMatch(QString::fromUtf8(envFile)); it.hasNext();)
        out.insert(it.next().captured(1));
    return out;
}

Topology withoutExtra(const Topology &t)
{
    Topology out = t;
    out.cluster.extra = ExtraSettings();
    for (Host &h : out.hosts)
        h.extra = ExtraSettings();
    return out;
}

} // namespace

QByteArray patroni(const QByteArray &generated, const QString &extraYaml, QStringList *collisions)
{
    if (extraYaml.isEmpty())
        return generated;
    try {
        const YAML::Node extra = ExtraYaml::parse(extraYaml);
        if (!extra.IsMap() || ExtraYaml::check(extra))
            return generated;  // only checked, canonical text is merged
        QString text = QString::fromUtf8(generated);
        mergeAt(text, {}, extra, collisions);
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        return text.toUtf8();
    } catch (const YAML::Exception &) {
        return generated;
    }
}

QSet<QString> haproxyDirectiveKeys(const QString &generatedSection)
{
    QSet<QString> out;
    for (const QString &line : generatedSection.split(QLatin1Char('\n'))) {
        if (!isContent(line))
            continue;
        const QString key = ExtraGrammar::haproxyDirectiveKey(line.simplified());
        if (!key.isEmpty())
            out.insert(key);
    }
    return out;
}

QString haproxyLines(const QStringList &clusterLines, const QStringList &hostLines, const QSet<QString> &generatedKeys,
                     QStringList *collisions)
{
    QString out;
    for (const QString &line : clusterLines + hostLines) {
        if (!ExtraGrammar::haproxyLineProblem(line).isEmpty())
            continue;
        if (generatedKeys.contains(ExtraGrammar::haproxyDirectiveKey(line))) {
            if (collisions)
                *collisions << line;
            continue;
        }
        QStringList words;
        for (const QString &w : ExtraGrammar::haproxyWords(line))
            words << GenUtil::haproxyWord(w);
        out += QStringLiteral("    ") + words.join(QLatin1Char(' ')) + QLatin1Char('\n');
    }
    return out;
}

QMap<QString, QString> etcd(const Topology &topology, const Host &host, const QSet<QString> &generatedNames,
                            QStringList *collisions)
{
    QMap<QString, QString> merged = topology.cluster.extra.etcd;
    for (auto it = host.extra.etcd.cbegin(); it != host.extra.etcd.cend(); ++it)
        merged.insert(it.key(), it.value());
    QMap<QString, QString> out;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        if (!ExtraGrammar::etcdNameProblem(it.key()).isEmpty() || !ExtraGrammar::etcdValueProblem(it.value()).isEmpty())
            continue;
        if (generatedNames.contains(it.key())) {
            if (collisions)
                *collisions << it.key();
            continue;
        }
        out.insert(it.key(), it.value());
    }
    return out;
}

QList<Collision> collisions(const Topology &topology, int hostIndex)
{
    QList<Collision> out;
    const Host &host = topology.hosts.at(hostIndex);
    const ExtraSettings &ce = topology.cluster.extra;
    const ExtraSettings &he = host.extra;
    if (ce.isEmpty() && he.isEmpty())
        return out;
    const Topology base = withoutExtra(topology);
    const Host &baseHost = base.hosts.at(hostIndex);
    const QString hostField = QStringLiteral("hosts[%1].extra").arg(hostIndex);
    const QString clusterField = QStringLiteral("cluster.extra");
    Secrets dummy;  // passwords do not change which keys the file has
    if (host.has(Role::Postgres)) {
        QStringList paths;
        patroni(PatroniConfig::yaml(base, dummy, baseHost), ExtraYaml::effectivePatroni(topology.cluster, host), &paths);
        YAML::Node hostNode;
        try {
            hostNode = ExtraYaml::parse(he.patroni);
        } catch (const YAML::Exception &) {
        }
        for (const QString &p : std::as_const(paths)) {
            const bool inHost = hostNode.IsMap() && nodeAt(hostNode, p.split(QLatin1Char('.'))).IsDefined();
            out << Collision{QStringLiteral("patroni.yml"), p,
                             (inHost ? hostField : clusterField) + QStringLiteral(".patroni.") + p};
        }
    }
    if (host.has(Role::HAProxy)) {
        const QString config = QString::fromUtf8(HAProxyConfig::config(base, dummy, baseHost));
        for (const auto &[section, clusterLines, hostLines] :
             {std::tuple{QStringLiteral("global"), &ce.haproxyGlobal, &he.haproxyGlobal},
              std::tuple{QStringLiteral("defaults"), &ce.haproxyDefaults, &he.haproxyDefaults}}) {
            const QSet<QString> keys = haproxyDirectiveKeys(sectionOf(config, section));
            const auto scan = [&](const QStringList &lines, const QString &field) {
                for (int i = 0; i < lines.size(); ++i) {
                    const QString key = ExtraGrammar::haproxyDirectiveKey(lines[i]);
                    if (keys.contains(key))
                        out << Collision{QStringLiteral("haproxy.cfg"), key,
                                         field + QStringLiteral(".haproxy.%1[%2]").arg(section).arg(i)};
                }
            };
            scan(*clusterLines, clusterField);
            scan(*hostLines, hostField);
        }
    }
    if (host.has(Role::Etcd)) {
        const QSet<QString> names = etcdNames(EtcdConfig::envFile(base, baseHost));
        for (auto it = he.etcd.cbegin(); it != he.etcd.cend(); ++it) {
            if (names.contains(it.key()))
                out << Collision{QStringLiteral("etcd"), it.key(), hostField + QStringLiteral(".etcd.") + it.key()};
        }
        for (auto it = ce.etcd.cbegin(); it != ce.etcd.cend(); ++it) {
            if (names.contains(it.key()) && !he.etcd.contains(it.key()))
                out << Collision{QStringLiteral("etcd"), it.key(), clusterField + QStringLiteral(".etcd.") + it.key()};
        }
    }
    return out;
}

QSet<QString> generatedEtcdNames(const QByteArray &envFile)
{
    return etcdNames(envFile);
}

} // namespace pgha::ExtraMerge
