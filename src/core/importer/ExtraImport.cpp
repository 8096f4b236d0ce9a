#include "core/importer/ExtraImport.h"

#include "core/generate/EtcdConfig.h"
#include "core/generate/HAProxyConfig.h"
#include "core/generate/PatroniConfig.h"
#include "core/model/ExtraGrammar.h"
#include "core/model/ExtraYaml.h"
#include "core/model/Secrets.h"
#include "core/parse/EnvFileParser.h"

#include <QHash>

namespace pgha::ExtraImport {

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// The text of a node as the canonical emitter writes it: two nodes are the same setting when these are equal.
QString textOf(const YAML::Node &n)
{
    if (n.IsScalar())
        return QString::fromStdString(n.Scalar());
    YAML::Emitter y;
    ExtraYaml::write(y, n);
    return QString::fromStdString(y.c_str());
}

// Passwords and the blocks holding them are never copied, nor listed by value (the secrets file has them).
bool isPassword(const QString &path)
{
    const QString p = path.toLower();
    return p.contains(QLatin1String("password")) || p.contains(QLatin1String("authentication"));
}

// live against generated: keys only the live file has go into *extra (when they pass the grammar), values that
// differ from what the design generates are listed.
void diff(const YAML::Node &live, const YAML::Node &generated, const QString &path, const QString &where,
          YAML::Node extra, QStringList *kept, QStringList *unmapped)
{
    for (auto it = live.begin(); it != live.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const std::string key = it->first.Scalar();
        const QString p = join(path, QString::fromStdString(key));
        const YAML::Node g = generated.IsMap() ? generated[key] : YAML::Node(YAML::NodeType::Undefined);
        if (isPassword(p))
            continue;
        if (g.IsDefined()) {
            if (it->second.IsMap() && g.IsMap()) {
                YAML::Node sub(YAML::NodeType::Map);
                diff(it->second, g, p, where, sub, kept, unmapped);
                if (sub.size() > 0)
                    extra[key] = sub;
            } else if (textOf(it->second) != textOf(g)) {
                *unmapped << QStringLiteral("%1: %2 = %3 (the design generates %4; set it through the design's own key)")
                                 .arg(where, p, textOf(it->second).simplified(), textOf(g).simplified());
            }
            continue;
        }
        // Only the live file has it: kept, when it passes the grammar.
        YAML::Node probe(YAML::NodeType::Map);
        probe[key] = it->second;
        if (std::optional<ExtraYaml::Problem> problem = ExtraYaml::check(probe)) {
            *unmapped << QStringLiteral("%1: %2 not kept: %3").arg(where, join(path, problem->path), problem->message);
            continue;
        }
        extra[key] = YAML::Clone(it->second);
        for (const QString &leaf : ExtraYaml::leafPaths(probe))
            *kept << QStringLiteral("%1: %2").arg(where, join(path, leaf));
    }
}

// What every node has in common (the same value at the same path); null when nothing.
YAML::Node common(const QList<YAML::Node> &nodes)
{
    YAML::Node out(YAML::NodeType::Map);
    if (nodes.isEmpty() || !nodes.first().IsMap())
        return out;
    for (auto it = nodes.first().begin(); it != nodes.first().end(); ++it) {
        const std::string key = it->first.Scalar();
        QList<YAML::Node> values;
        bool everywhere = true;
        for (const YAML::Node &n : nodes) {
            const YAML::Node v = n[key];
            everywhere = everywhere && v.IsDefined();
            if (everywhere)
                values << v;
        }
        if (!everywhere)
            continue;
        bool allMaps = true, allSame = true;
        for (const YAML::Node &v : values) {
            allMaps = allMaps && v.IsMap();
            allSame = allSame && textOf(v) == textOf(values.first());
        }
        if (allSame) {
            out[key] = YAML::Clone(values.first());
        } else if (allMaps) {
            const YAML::Node sub = common(values);
            if (sub.size() > 0)
                out[key] = sub;
        }
    }
    return out;
}

// node without what `remove` holds (same value at the same path).
YAML::Node without(const YAML::Node &node, const YAML::Node &remove)
{
    YAML::Node out(YAML::NodeType::Map);
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        const YAML::Node r = remove.IsMap() ? remove[key] : YAML::Node(YAML::NodeType::Undefined);
        if (!r.IsDefined()) {
            out[key] = YAML::Clone(it->second);
        } else if (it->second.IsMap() && r.IsMap() && textOf(it->second) != textOf(r)) {
            const YAML::Node sub = without(it->second, r);
            if (sub.size() > 0)
                out[key] = sub;
        }
    }
    return out;
}

QString hostPart(const QString &fileName)
{
    const int colon = fileName.indexOf(QLatin1Char(':'));
    return colon > 0 ? fileName.left(colon) : QString();
}

int hostIndexFor(const Topology &t, const QString &fileName, Role role, const QString &memberName = QString())
{
    const QString name = hostPart(fileName);
    for (int i = 0; i < t.hosts.size(); ++i) {
        if (t.hosts[i].has(role) && (t.hosts[i].name == name || (!memberName.isEmpty() && t.hosts[i].name == memberName)))
            return i;
    }
    const QList<const Host *> withRole = t.hostsWith(role);
    if (withRole.size() == 1) {
        for (int i = 0; i < t.hosts.size(); ++i) {
            if (&t.hosts[i] == withRole.first())
                return i;
        }
    }
    return -1;
}

Topology withoutExtra(const Topology &t)
{
    Topology out = t;
    out.cluster.extra = ExtraSettings();
    for (Host &h : out.hosts)
        h.extra = ExtraSettings();
    return out;
}

void fillPatroni(const LintInputs &files, const Topology &base, Topology *t, QStringList *kept, QStringList *unmapped)
{
    QHash<int, YAML::Node> extras;
    for (const ConfigFile &f : files.patroni) {
        const int i = hostIndexFor(base, f.path, Role::Postgres, f.value(QStringLiteral("name")));
        if (i < 0 || f.text.isEmpty() || extras.contains(i))
            continue;
        try {
            const YAML::Node live = YAML::Load(f.text.toStdString());
            const YAML::Node generated = YAML::Load(PatroniConfig::yaml(base, Secrets(), base.hosts[i]).toStdString());
            YAML::Node extra(YAML::NodeType::Map);
            if (live.IsMap())
                diff(live, generated, QString(), f.path, extra, kept, unmapped);
            extras.insert(i, extra);
        } catch (const YAML::Exception &e) {
            *unmapped << QStringLiteral("%1: not compared (%2)").arg(f.path, QString::fromStdString(e.msg));
        }
    }
    // Common to every member (each one's file read): the cluster's; the rest each host's own.
    YAML::Node shared(YAML::NodeType::Map);
    if (!extras.isEmpty() && extras.size() == base.count(Role::Postgres))
        shared = common(extras.values());
    t->cluster.extra.patroni = ExtraYaml::canonical(shared);
    for (auto it = extras.cbegin(); it != extras.cend(); ++it)
        t->hosts[it.key()].extra.patroni = ExtraYaml::canonical(without(it.value(), shared));
}

// The directive lines of a section of a parsed haproxy.cfg, words joined by one space.
QStringList sectionLines(const HaproxyCfg &cfg, const QString &type)
{
    QStringList out;
    for (const HaproxySection &s : cfg.sections) {
        if (s.type != type)
            continue;
        for (const HaproxyDirective &d : s.directives)
            out << (QStringList{d.keyword} + d.args).join(QLatin1Char(' '));
    }
    return out;
}

void fillHaproxy(const LintInputs &files, const Topology &base, Topology *t, QStringList *kept, QStringList *unmapped)
{
    QHash<int, QPair<QStringList, QStringList>> perHost;  // global, defaults
    for (const HaproxyCfg &live : files.haproxy) {
        const int i = hostIndexFor(base, live.path, Role::HAProxy);
        if (i < 0 || perHost.contains(i))
            continue;
        Result<HaproxyCfg> generated = HaproxyCfgParser::parse(HAProxyConfig::config(base, Secrets(), base.hosts[i]), live.path);
        if (!generated.ok())
            continue;
        QPair<QStringList, QStringList> lines;
        for (const QString &section : {QStringLiteral("global"), QStringLiteral("defaults")}) {
            const QStringList gen = sectionLines(generated.value(), section);
            QSet<QString> genKeys;
            for (const QString &g : gen) {
                if (const QString key = ExtraGrammar::haproxyDirectiveKey(g); !key.isEmpty())
                    genKeys.insert(key);  // "log" lines set nothing: their key is empty
            }
            for (const QString &line : sectionLines(live, section)) {
                if (gen.contains(line))
                    continue;
                const QString where = QStringLiteral("%1: %2").arg(live.path, section);
                if (const QString p = ExtraGrammar::haproxyLineProblem(line); !p.isEmpty()) {
                    // Credentials are not repeated in the listing.
                    *unmapped << QStringLiteral("%1: a line not kept: %2").arg(where, p);
                } else if (genKeys.contains(ExtraGrammar::haproxyDirectiveKey(line))) {
                    *unmapped << QStringLiteral("%1: \"%2\" (the design generates %3; set it through the design's own key)")
                                     .arg(where, line, ExtraGrammar::haproxyDirectiveKey(line));
                } else {
                    (section == QLatin1String("global") ? lines.first : lines.second) << line;
                    *kept << QStringLiteral("%1: %2").arg(where, line);
                }
            }
        }
        // Sections the design does not generate: listed, extra takes no sections.
        for (const HaproxySection &s : live.sections) {
            bool generatedToo = s.type == QLatin1String("global") || s.type == QLatin1String("defaults");
            for (const HaproxySection &g : generated->sections)
                generatedToo = generatedToo || (g.type == s.type && g.name == s.name);
            if (!generatedToo)
                *unmapped << QStringLiteral("%1:%2: section \"%3 %4\" not kept (extra settings take global and defaults lines only)")
                                 .arg(live.path).arg(s.line).arg(s.type, s.name);
        }
        perHost.insert(i, lines);
    }
    const bool everyHost = !perHost.isEmpty() && perHost.size() == base.count(Role::HAProxy);
    bool same = everyHost;
    for (const auto &l : std::as_const(perHost))
        same = same && l == perHost.cbegin().value();
    if (same) {
        t->cluster.extra.haproxyGlobal = perHost.cbegin()->first;
        t->cluster.extra.haproxyDefaults = perHost.cbegin()->second;
        return;
    }
    for (auto it = perHost.cbegin(); it != perHost.cend(); ++it) {
        t->hosts[it.key()].extra.haproxyGlobal = it->first;
        t->hosts[it.key()].extra.haproxyDefaults = it->second;
    }
}

void fillEtcd(const LintInputs &files, const Topology &base, Topology *t, QStringList *kept, QStringList *unmapped)
{
    QHash<int, QMap<QString, QString>> perHost;
    for (const ConfigFile &f : files.etcd) {
        const int i = hostIndexFor(base, f.path, Role::Etcd);
        if (i < 0 || perHost.contains(i))
            continue;
        Result<ConfigFile> gen = EnvFileParser::parse(EtcdConfig::envFile(base, base.hosts[i]), f.path);
        if (!gen.ok())
            continue;
        QMap<QString, QString> names;
        for (const ConfigEntry &e : f.entries) {
            if (!e.scalar || e.key.contains(QLatin1Char('.')) || e.key.contains(QLatin1Char('[')))
                continue;  // the YAML form's nested blocks (transport security) are the design's
            QString name = e.key;
            if (!name.startsWith(QLatin1String("ETCD_"))) {
                name = QStringLiteral("ETCD_") + name.toUpper();
                name.replace(QLatin1Char('-'), QLatin1Char('_'));
            }
            const QString where = QStringLiteral("%1:%2").arg(f.path).arg(e.line);
            if (!ExtraGrammar::secretKeyProblem(name).isEmpty())
                continue;
            if (const ConfigEntry *g = gen->find(name)) {
                if (g->value != e.value)
                    *unmapped << QStringLiteral("%1: %2 = %3 (the design generates %4; set it through the design's own key)")
                                     .arg(where, name, e.value, g->value);
                continue;
            }
            QString problem = ExtraGrammar::etcdNameProblem(name);
            if (problem.isEmpty())
                problem = ExtraGrammar::etcdValueProblem(e.value);
            if (!problem.isEmpty()) {
                *unmapped << QStringLiteral("%1: %2 not kept: %3").arg(where, name, problem);
                continue;
            }
            names.insert(name, e.value);
            *kept << QStringLiteral("%1: %2").arg(where, name);
        }
        perHost.insert(i, names);
    }
    QMap<QString, QString> shared;
    if (!perHost.isEmpty() && perHost.size() == base.count(Role::Etcd)) {
        shared = perHost.cbegin().value();
        for (const auto &m : std::as_const(perHost)) {
            for (auto it = shared.begin(); it != shared.end();) {
                if (m.value(it.key(), QStringLiteral("\x01")) != it.value())
                    it = shared.erase(it);
                else
                    ++it;
            }
        }
    }
    t->cluster.extra.etcd = shared;
    for (auto it = perHost.cbegin(); it != perHost.cend(); ++it) {
        QMap<QString, QString> own = it.value();
        for (auto s = shared.cbegin(); s != shared.cend(); ++s)
            own.remove(s.key());
        t->hosts[it.key()].extra.etcd = own;
    }
}

} // namespace

void fill(const LintInputs &files, Topology *topology, QStringList *kept, QStringList *unmapped)
{
    const Topology base = withoutExtra(*topology);
    *topology = base;
    fillPatroni(files, base, topology, kept, unmapped);
    fillHaproxy(files, base, topology, kept, unmapped);
    fillEtcd(files, base, topology, kept, unmapped);
}

} // namespace pgha::ExtraImport
