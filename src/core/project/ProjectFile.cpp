// ProjectFile: the embedded templates. Reading is ProjectFileReader.cpp, writing ProjectFileWriter.cpp.
#include "core/project/ProjectFile.h"

namespace pgha {
namespace ProjectFile {

QList<TemplateInfo> templates()
{
    return {
        {QStringLiteral("reference"), QStringLiteral("Reference: 3 nodes (PostgreSQL + etcd) and 1 HAProxy"),
         QStringLiteral(":/templates/percona-reference.pgha.yaml")},
        {QStringLiteral("dedicated-etcd"), QStringLiteral("3 PostgreSQL nodes, 3 dedicated etcd hosts, 1 HAProxy"),
         QStringLiteral(":/templates/dedicated-etcd.pgha.yaml")},
        {QStringLiteral("five-nodes"), QStringLiteral("5 PostgreSQL nodes and 2 HAProxy hosts"),
         QStringLiteral(":/templates/five-nodes.pgha.yaml")},
        {QStringLiteral("empty"), QStringLiteral("Empty project"), QStringLiteral(":/templates/empty.pgha.yaml")},
    };
}

Result<LoadedProject> loadTemplate(const QString &id)
{
    for (const TemplateInfo &t : templates()) {
        if (t.id == id)
            return load(t.resource);
    }
    return Error{QStringLiteral("no template named \"%1\"").arg(id)};
}

Topology referenceTopology()
{
    auto r = loadTemplate(QStringLiteral("reference"));
    Q_ASSERT(r.ok());
    return r.ok() ? r.value().topology : Topology();
}

} // namespace ProjectFile
} // namespace pgha
