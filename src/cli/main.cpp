#include "cli/Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace pgha::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

} // namespace pgha::cli

namespace {

void usage(QTextStream &s)
{
    s << "pgha " PGHA_VERSION " - design, validate, generate, deploy and monitor Patroni clusters\n\n"
         "usage: pgha <command> [options]\n\n"
         "commands:\n"
         "  validate FILE [--format text|json] [--secrets FILE]   check a design\n"
         "  generate FILE -o DIR [--secrets FILE]                   write every host's files under DIR\n"
         "  export FILE -o BUNDLE.tar.gz [--secrets FILE]           write the bundle as a .tar.gz\n"
         "  secrets -o FILE                                         write a new secrets file (mode 0600)\n"
         "  deploy FILE [--dry-run] [--yes] [--only HOST...] ...    build the cluster over SSH\n"
         "  status FILE | --url URL [--watch] [--format table|json] show the live cluster\n"
         "  switchover|failover|restart|reload|reinit|pause|resume  day-2 actions (see docs/cli.md)\n\n"
         "FILE may be a path or template:NAME (reference, dedicated-etcd, five-nodes, empty).\n"
         "Run `pgha <command> --help` for a command's options. Documentation: docs/cli.md\n";
    s.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pgha"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PGHA_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        usage(args.isEmpty() ? pgha::cli::err() : pgha::cli::out());
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        pgha::cli::out() << "pgha " PGHA_VERSION "\n";
        return 0;
    }
    const QString cmd = args.takeFirst();
    using namespace pgha::cli;
    if (cmd == QLatin1String("validate"))
        return validate(args);
    if (cmd == QLatin1String("generate"))
        return generate(args);
    if (cmd == QLatin1String("export"))
        return exportBundle(args);
    if (cmd == QLatin1String("secrets"))
        return secrets(args);
    if (cmd == QLatin1String("deploy"))
        return deploy(args);
    if (cmd == QLatin1String("status"))
        return status(args);
    static const QStringList actions = {QStringLiteral("switchover"), QStringLiteral("failover"),
                                        QStringLiteral("restart"),    QStringLiteral("reload"),
                                        QStringLiteral("reinit"),     QStringLiteral("pause"),
                                        QStringLiteral("resume")};
    if (actions.contains(cmd))
        return action(cmd, args);
    err() << "pgha: unknown command \"" << cmd << "\"\n\n";
    usage(err());
    return 2;
}
