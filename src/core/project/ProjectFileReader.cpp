// ProjectFile's reader: *.pgha.yaml -> Topology, with errors and warnings naming file, line, column and field.
// The writer is ProjectFileWriter.cpp; test_projectfile checks that parse(serialize(t)) gives t back, so that
// the two stay in step.
#include "core/project/ProjectFile.h"
#include "core/project/ClusterReader.h"
#include "core/project/ExtraSettingsYaml.h"
#include "core/project/ProjectFieldReader.h"
#include "core/util/YamlGuard.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace pgha {

QString LoadWarning::toString() const
{
    return Error{message, file, line, column, field}.toString();
}

namespace {

void readSubnets(const ProjectFieldReader &r, const YAML::Node &n, QList<Subnet> *subnets)
{
    if (n.IsNull())
        return;
    if (!n.IsSequence())
        r.fail(n, QStringLiteral("subnets"), QStringLiteral("expected a list of subnets"));
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const QString f = QStringLiteral("subnets[%1]").arg(i);
        r.requireMap(e, f);
        r.checkKeys(e, f, {"name", "cidr", "clients", "admin", "members_only", "canvas"});
        Subnet s;
        if (!e["name"])
            r.fail(e, f + QStringLiteral(".name"), QStringLiteral("a subnet needs a name"));
        s.name = r.str(e["name"], f + QStringLiteral(".name"));
        if (!e["cidr"])
            r.fail(e, f + QStringLiteral(".cidr"), QStringLiteral("a subnet needs a cidr (e.g. 10.0.0.0/24)"));
        s.cidr = r.str(e["cidr"], f + QStringLiteral(".cidr"));
        if (e["clients"])
            s.clients = r.boolean(e["clients"], f + QStringLiteral(".clients"));
        if (e["admin"])
            s.admin = r.boolean(e["admin"], f + QStringLiteral(".admin"));
        if (e["members_only"])
            s.membersOnly = r.boolean(e["members_only"], f + QStringLiteral(".members_only"));
        if (e["canvas"]) {
            const YAML::Node c = e["canvas"];
            const QString cf = f + QStringLiteral(".canvas");
            r.requireMap(c, cf);
            r.checkKeys(c, cf, {"x", "y", "width", "height"});
            if (c["x"]) s.rect.x = r.number(c["x"], cf + QStringLiteral(".x"));
            if (c["y"]) s.rect.y = r.number(c["y"], cf + QStringLiteral(".y"));
            if (c["width"]) s.rect.width = r.number(c["width"], cf + QStringLiteral(".width"));
            if (c["height"]) s.rect.height = r.number(c["height"], cf + QStringLiteral(".height"));
        }
        subnets->append(s);
    }
}

void readHosts(const ProjectFieldReader &r, const YAML::Node &n, QList<Host> *hosts)
{
    if (n.IsNull())
        return;
    if (!n.IsSequence())
        r.fail(n, QStringLiteral("hosts"), QStringLiteral("expected a list of hosts"));
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const QString f = QStringLiteral("hosts[%1]").arg(i);
        r.requireMap(e, f);
        r.mark(e, f);
        ProjectRead::refuseSecrets(r, e, f);
        r.checkKeys(e, f, {"name", "address", "subnet", "os", "roles", "ssh", "tags", "canvas",
                           "vip_priority", "extra"});
        Host h;
        if (!e["name"])
            r.fail(e, f + QStringLiteral(".name"), QStringLiteral("a host needs a name"));
        h.name = r.str(e["name"], f + QStringLiteral(".name"));
        if (e["address"])
            h.address = r.str(e["address"], f + QStringLiteral(".address"));
        if (e["subnet"])
            h.subnet = r.str(e["subnet"], f + QStringLiteral(".subnet"));
        if (e["os"])
            h.os = r.str(e["os"], f + QStringLiteral(".os"));
        if (e["roles"]) {
            const YAML::Node roles = e["roles"];
            const QString rf = f + QStringLiteral(".roles");
            if (!roles.IsSequence())
                r.fail(roles, rf, QStringLiteral("expected a list such as [postgres, etcd]"));
            for (std::size_t j = 0; j < roles.size(); ++j) {
                const QString key = r.str(roles[j], rf);
                Role role;
                if (!roleFromKey(key, &role))
                    r.fail(roles[j], rf,
                           QStringLiteral("unknown role \"%1\" (expected postgres, etcd, haproxy or backup)").arg(key));
                h.roles |= role;
            }
        }
        if (e["ssh"]) {
            const YAML::Node s = e["ssh"];
            const QString sf = f + QStringLiteral(".ssh");
            r.requireMap(s, sf);
            ProjectRead::refuseSecrets(r, s, sf);
            r.checkKeys(s, sf, {"user", "port", "identity_file"});
            if (s["user"])
                h.ssh.user = r.str(s["user"], sf + QStringLiteral(".user"));
            if (s["port"])
                h.ssh.port = r.port(s["port"], sf + QStringLiteral(".port"));
            if (s["identity_file"])
                h.ssh.identityFile = r.str(s["identity_file"], sf + QStringLiteral(".identity_file"));
        }
        if (e["tags"]) {
            const YAML::Node t = e["tags"];
            const QString tf = f + QStringLiteral(".tags");
            r.requireMap(t, tf);
            r.checkKeys(t, tf, {"nofailover", "noloadbalance", "nosync", "clonefrom"});
            if (t["nofailover"]) h.tags.nofailover = r.boolean(t["nofailover"], tf + QStringLiteral(".nofailover"));
            if (t["noloadbalance"]) h.tags.noloadbalance = r.boolean(t["noloadbalance"], tf + QStringLiteral(".noloadbalance"));
            if (t["nosync"]) h.tags.nosync = r.boolean(t["nosync"], tf + QStringLiteral(".nosync"));
            if (t["clonefrom"]) h.tags.clonefrom = r.boolean(t["clonefrom"], tf + QStringLiteral(".clonefrom"));
        }
        if (e["extra"])
            ExtraSettingsYaml::read(r, e["extra"], f + QStringLiteral(".extra"), &h.extra);
        if (e["vip_priority"])
            h.vipPriority = int(r.integer(e["vip_priority"], f + QStringLiteral(".vip_priority"), 0, 1000));
        if (e["canvas"]) {
            const YAML::Node c = e["canvas"];
            const QString cf = f + QStringLiteral(".canvas");
            r.requireMap(c, cf);
            r.checkKeys(c, cf, {"x", "y"});
            if (c["x"]) h.pos.x = r.number(c["x"], cf + QStringLiteral(".x"));
            if (c["y"]) h.pos.y = r.number(c["y"], cf + QStringLiteral(".y"));
        }
        hosts->append(h);
    }
}

} // namespace

namespace ProjectFile {

Result<LoadedProject> parse(const QByteArray &yaml, const QString &sourceName)
{
    LoadedProject out;
    ProjectFieldReader r(sourceName, &out.warnings, &out.positions);
    const Result<void> guard = YamlGuard::check(yaml, sourceName);
    if (!guard.ok())
        return guard.error();
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap())
            r.fail(root, QString(), QStringLiteral("a project file is a YAML mapping with format, cluster, "
                                                   "subnets and hosts"));
        r.checkKeys(root, QString(), {"format", "cluster", "subnets", "hosts"});
        if (!root["format"])
            r.fail(root, QStringLiteral("format"), QStringLiteral("missing \"format: 1\""));
        const qint64 format = r.integer(root["format"], QStringLiteral("format"), 0, 1000000);
        if (format != Topology::kFormat)
            r.fail(root["format"], QStringLiteral("format"),
                   QStringLiteral("format %1 is not supported (this version reads format %2)")
                       .arg(format)
                       .arg(Topology::kFormat));
        if (root["cluster"])
            ProjectRead::readCluster(r, root["cluster"], &out.topology.cluster);
        if (root["subnets"])
            readSubnets(r, root["subnets"], &out.topology.subnets);
        if (root["hosts"])
            readHosts(r, root["hosts"], &out.topology.hosts);
    } catch (const ProjectLoadFailure &f) {
        return f.error;
    } catch (const YAML::Exception &e) {
        Error err;
        err.file = sourceName;
        err.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        err.column = e.mark.is_null() ? 0 : e.mark.column + 1;
        err.message = QStringLiteral("YAML syntax error: ") + QString::fromStdString(e.msg);
        return err;
    } catch (const std::exception &e) {
        return Error{QStringLiteral("cannot read: ") + QString::fromUtf8(e.what()), sourceName};
    }
    out.topology.assignUids();
    return out;
}

Result<LoadedProject> load(const QString &path)
{
    Result<QByteArray> data = YamlGuard::readBounded(path);
    if (!data.ok())
        return data.error();
    return parse(data.value(), path);
}

} // namespace ProjectFile
} // namespace pgha
