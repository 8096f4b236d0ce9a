// cluster.extra / hosts[].extra (docs/project-file.md, "Extra settings"): docs/validation-rules.md, section
// "Extra settings".
#include "core/generate/ExtraMerge.h"
#include "core/model/ExtraGrammar.h"
#include "core/model/ExtraYaml.h"
#include "core/validation/RuleContext.h"
#include "core/validation/rules/Rules.h"

#include <QCoreApplication>
#include <QSet>

namespace pgha::rules {

namespace {

void invalid(Findings &out, const QString &subject, const QString &field, const QString &problem)
{
    addFinding(out, "extra-invalid", Severity::Error, subject,
               QCoreApplication::translate("pgha::Rules", "%1: %2.").arg(field, problem),
               QCoreApplication::translate("pgha::Rules", "Remove the setting or write it within its grammar "
                                                          "(docs/project-file.md, \"Extra settings\")."));
    out.last().field = field;
}

void checkExtra(const ExtraSettings &e, const QString &subject, const QString &field, Findings &out)
{
    if (!e.patroni.isEmpty()) {
        try {
            const YAML::Node n = ExtraYaml::parse(e.patroni);
            if (std::optional<ExtraYaml::Problem> p = ExtraYaml::check(n))
                invalid(out, subject, field + QStringLiteral(".patroni.") + p->path, p->message);
        } catch (const YAML::Exception &ex) {
            invalid(out, subject, field + QStringLiteral(".patroni"), QString::fromStdString(ex.msg));
        }
    }
    for (const auto &[section, lines] : {std::pair{"global", &e.haproxyGlobal}, std::pair{"defaults", &e.haproxyDefaults}}) {
        for (int i = 0; i < lines->size(); ++i) {
            if (const QString p = ExtraGrammar::haproxyLineProblem(lines->at(i)); !p.isEmpty())
                invalid(out, subject, field + QStringLiteral(".haproxy.%1[%2]").arg(QLatin1String(section)).arg(i), p);
        }
    }
    for (auto it = e.etcd.cbegin(); it != e.etcd.cend(); ++it) {
        QString p = ExtraGrammar::etcdNameProblem(it.key());
        if (p.isEmpty())
            p = ExtraGrammar::etcdValueProblem(it.value());
        if (!p.isEmpty())
            invalid(out, subject, field + QStringLiteral(".etcd.") + it.key(), p);
    }
}

} // namespace

void extraInvalid(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    checkExtra(t.cluster.extra, QStringLiteral("cluster"), QStringLiteral("cluster.extra"), out);
    for (int i = 0; i < t.hosts.size(); ++i)
        checkExtra(t.hosts[i].extra, RuleContext::hostSubject(t.hosts[i]), QStringLiteral("hosts[%1].extra").arg(i), out);
}

void extraOverridesGenerated(const RuleContext &c, Findings &out)
{
    const Topology &t = c.topology;
    QSet<QString> reported;  // a cluster-wide key collides on every host: once
    for (int i = 0; i < t.hosts.size(); ++i) {
        for (const ExtraMerge::Collision &col : ExtraMerge::collisions(t, i)) {
            if (reported.contains(col.field))
                continue;
            reported.insert(col.field);
            addFinding(out, "extra-overrides-generated", Severity::Error,
                       col.field.startsWith(QLatin1String("hosts[")) ? RuleContext::hostSubject(t.hosts[i]) : QStringLiteral("cluster"),
                       QCoreApplication::translate("pgha::Rules", "%1 sets %2 in %3 of %4, which the design generates "
                                                                  "itself; extra settings never override it.")
                           .arg(col.field, col.key, col.file, t.hosts[i].name),
                       QCoreApplication::translate("pgha::Rules", "Set it through the design's own key (the Inspector, "
                                                                  "docs/project-file.md) and remove it from extra."));
            out.last().field = col.field;
        }
    }
}

} // namespace pgha::rules
