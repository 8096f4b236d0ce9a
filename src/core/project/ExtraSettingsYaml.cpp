#include "core/project/ExtraSettingsYaml.h"

#include "core/model/ExtraGrammar.h"
#include "core/model/ExtraYaml.h"
#include "core/project/ProjectFieldReader.h"

namespace pgha::ExtraSettingsYaml {

namespace {

QString join(const QString &field, const QString &key)
{
    return field + QLatin1Char('.') + key;
}

void markAll(const YAML::Node &n, const QString &field,
             const std::function<void(const YAML::Node &, const QString &)> &mark)
{
    if (n.IsMap()) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const QString f = join(field, QString::fromStdString(it->first.Scalar()));
            mark(it->first, f);  // a finding about a key points at the key
            markAll(it->second, f, mark);
        }
    } else if (n.IsSequence()) {
        for (std::size_t i = 0; i < n.size(); ++i)
            markAll(n[i], field + QStringLiteral("[%1]").arg(i), mark);
    }
}

std::optional<Issue> readLines(const YAML::Node &n, const QString &field, QStringList *out,
                               const std::function<void(const YAML::Node &, const QString &)> &mark)
{
    if (!n.IsDefined() || n.IsNull())
        return std::nullopt;
    if (!n.IsSequence())
        return Issue{n, field, QStringLiteral("expected a list of haproxy.cfg lines")};
    for (std::size_t i = 0; i < n.size(); ++i) {
        const QString f = field + QStringLiteral("[%1]").arg(i);
        if (!n[i].IsScalar())
            return Issue{n[i], f, QStringLiteral("expected one haproxy.cfg line as text")};
        const QString line = QString::fromStdString(n[i].Scalar());
        if (const QString p = ExtraGrammar::haproxyLineProblem(line); !p.isEmpty())
            return Issue{n[i], f, p};
        mark(n[i], f);
        *out << ExtraGrammar::haproxyWords(line).join(QLatin1Char(' '));
    }
    return std::nullopt;
}

} // namespace

std::optional<Issue> read(const YAML::Node &n, const QString &field, ExtraSettings *out,
                          const std::function<void(const YAML::Node &, const QString &)> &mark, QList<Issue> *warnings)
{
    if (n.IsNull())
        return std::nullopt;
    if (!n.IsMap())
        return Issue{n, field, QStringLiteral("expected a mapping with patroni, haproxy and/or etcd")};
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string k = it->first.IsScalar() ? it->first.Scalar() : std::string();
        if (k != "patroni" && k != "haproxy" && k != "etcd")
            warnings->append({it->first, join(field, QString::fromStdString(k)),
                              QStringLiteral("unknown key \"%1\" is ignored").arg(QString::fromStdString(k))});
    }
    if (const YAML::Node p = n["patroni"]) {
        const QString f = join(field, QStringLiteral("patroni"));
        if (std::optional<ExtraYaml::Problem> problem = ExtraYaml::check(p))
            return Issue{problem->at, problem->path.isEmpty() ? f : join(f, problem->path), problem->message};
        mark(p, f);
        markAll(p, f, mark);
        out->patroni = ExtraYaml::canonical(p);
    }
    if (const YAML::Node h = n["haproxy"]) {
        const QString f = join(field, QStringLiteral("haproxy"));
        if (!h.IsNull()) {
            if (!h.IsMap())
                return Issue{h, f, QStringLiteral("expected a mapping with global and/or defaults")};
            for (auto it = h.begin(); it != h.end(); ++it) {
                const std::string k = it->first.IsScalar() ? it->first.Scalar() : std::string();
                if (k != "global" && k != "defaults")
                    return Issue{it->first, join(f, QString::fromStdString(k)),
                                 QStringLiteral("only global and defaults take extra lines (\"%1\")").arg(QString::fromStdString(k))};
            }
            if (std::optional<Issue> i = readLines(h["global"], join(f, QStringLiteral("global")), &out->haproxyGlobal, mark))
                return i;
            if (std::optional<Issue> i = readLines(h["defaults"], join(f, QStringLiteral("defaults")), &out->haproxyDefaults, mark))
                return i;
        }
    }
    if (const YAML::Node e = n["etcd"]) {
        const QString f = join(field, QStringLiteral("etcd"));
        if (!e.IsNull()) {
            if (!e.IsMap())
                return Issue{e, f, QStringLiteral("expected a mapping of ETCD_NAME: value")};
            for (auto it = e.begin(); it != e.end(); ++it) {
                const QString name = it->first.IsScalar() ? QString::fromStdString(it->first.Scalar()) : QString();
                const QString nf = join(f, name);
                if (const QString p = ExtraGrammar::etcdNameProblem(name); !p.isEmpty())
                    return Issue{it->first, nf, p};
                if (!it->second.IsScalar())
                    return Issue{it->second, nf, QStringLiteral("expected a text value")};
                const QString value = QString::fromStdString(it->second.Scalar());
                if (const QString p = ExtraGrammar::etcdValueProblem(value); !p.isEmpty())
                    return Issue{it->second, nf, p};
                mark(it->first, nf);
                out->etcd.insert(name, value);
            }
        }
    }
    return std::nullopt;
}

void read(const ProjectFieldReader &r, const YAML::Node &node, const QString &field, ExtraSettings *out)
{
    QList<Issue> warnings;
    const auto mark = [&r](const YAML::Node &n, const QString &f) { r.mark(n, f); };
    if (std::optional<Issue> e = read(node, field, out, mark, &warnings))
        r.fail(e->at, e->field, e->message);
    for (const Issue &w : std::as_const(warnings))
        r.warn(w.at, w.field, w.message);
}

void write(YAML::Emitter &y, const ExtraSettings &extra)
{
    y << YAML::Block << YAML::BeginMap;
    if (!extra.patroni.isEmpty()) {
        y << YAML::Key << "patroni" << YAML::Value;
        ExtraYaml::write(y, ExtraYaml::parse(extra.patroni));
    }
    if (!extra.haproxyGlobal.isEmpty() || !extra.haproxyDefaults.isEmpty()) {
        y << YAML::Key << "haproxy" << YAML::Value << YAML::BeginMap;
        for (const auto &[key, lines] : {std::pair{"global", &extra.haproxyGlobal}, std::pair{"defaults", &extra.haproxyDefaults}}) {
            if (lines->isEmpty())
                continue;
            y << YAML::Key << key << YAML::Value << YAML::BeginSeq;
            for (const QString &l : *lines)
                y << YAML::DoubleQuoted << l.toStdString();
            y << YAML::EndSeq;
        }
        y << YAML::EndMap;
    }
    if (!extra.etcd.isEmpty()) {
        y << YAML::Key << "etcd" << YAML::Value << YAML::BeginMap;
        for (auto it = extra.etcd.cbegin(); it != extra.etcd.cend(); ++it)
            y << YAML::Key << it.key().toStdString() << YAML::Value << YAML::DoubleQuoted << it.value().toStdString();
        y << YAML::EndMap;
    }
    y << YAML::EndMap;
}

} // namespace pgha::ExtraSettingsYaml
