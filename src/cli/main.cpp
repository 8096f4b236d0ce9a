#include "cli/Commands.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <cstring>

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
         "  lint CONFIG... [--format text|json]                     check real patroni.yml, etcd and haproxy.cfg files\n"
         "  import --url URL -o FILE [--ssh-user U --identity F]    a running cluster as a design (read-only)\n"
         "  generate FILE -o DIR [--secrets FILE]                   write every host's files under DIR\n"
         "  export FILE -o BUNDLE.tar.gz [--secrets FILE]           write the bundle as a .tar.gz\n"
         "  secrets -o FILE [--force]                               write a new secrets file (mode 0600)\n"
         "  deploy FILE [--dry-run] [--yes] [--only HOST...] ...    build the cluster over SSH\n"
         "  certs renew FILE [--dry-run] [--yes] [--secrets FILE]   new leaf certificates, rolled out host by host\n"
         "  diff FILE [--format table|json]                         the design against the running cluster\n"
         "  apply FILE [--dry-run] [--yes]                          bring the cluster in line with the design\n"
         "  backup FILE [--type full|diff|incr] [--yes]              a pgBackRest backup into the repository\n"
         "  backups FILE [--format table|json]                      the repository's backups and WAL range\n"
         "  restore FILE --to TIMESTAMP | --latest [--yes]          whole-cluster point-in-time restore\n"
         "  status FILE | --url URL [--watch] [--format table|json] show the live cluster\n"
         "  switchover|failover|restart|reload|reinit|pause|resume  day-2 actions (see docs/cli.md)\n\n"
         "FILE may be a path or template:NAME (reference, dedicated-etcd, five-nodes, empty).\n"
         "Run `pgha <command> --help` for a command's options. Documentation: docs/cli.md\n";
    s.flush();
}

// The language the environment asks messages in, POSIX order: LC_ALL, then LC_MESSAGES, then LANG. Empty for
// English, "C" and "POSIX" (and when nothing is set): the CLI then loads no catalogue at all.
QString messageLanguage()
{
    for (const char *var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString v = qEnvironmentVariable(var).trimmed();
        if (v.isEmpty())
            continue;
        if (v == QLatin1String("C") || v == QLatin1String("POSIX") || v.startsWith(QLatin1String("C."))
            || v.startsWith(QLatin1String("en")))
            return {};
        return v.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);  // de_DE.UTF-8@euro -> de_DE
    }
    return {};
}

// Machine-readable output stays English whatever the locale: `--format json` (and --format=json).
bool wantsJson(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--format=json")
            || (args.at(i) == QLatin1String("--format") && args.value(i + 1) == QLatin1String("json")))
            return true;
    }
    return false;
}

void installTranslation(QCoreApplication &app, const QStringList &args)
{
#ifdef PGHA_CLI_HAS_CATALOGUE
    const QString lang = messageLanguage();
    if (lang.isEmpty() || wantsJson(args))
        return;
    auto *t = new QTranslator(&app);
    if (t->load(QLocale(lang), QStringLiteral("pgha"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(t);
    else
        delete t;
#else
    Q_UNUSED(app)
    Q_UNUSED(args)
#endif
}

} // namespace

int main(int argc, char **argv)
{
    // `pgha --version` answers before Qt starts (no application object, no locale, no plugins).
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::fputs("pgha " PGHA_VERSION "\n", stdout);
        return 0;
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pgha"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PGHA_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    installTranslation(app, args);
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
    if (cmd == QLatin1String("lint"))
        return lint(args);
    if (cmd == QLatin1String("import"))
        return importDesign(args);
    if (cmd == QLatin1String("generate"))
        return generate(args);
    if (cmd == QLatin1String("export"))
        return exportBundle(args);
    if (cmd == QLatin1String("secrets"))
        return secrets(args);
    if (cmd == QLatin1String("deploy"))
        return deploy(args);
    if (cmd == QLatin1String("certs"))
        return certs(args);
    if (cmd == QLatin1String("diff"))
        return diff(args);
    if (cmd == QLatin1String("apply"))
        return apply(args);
    if (cmd == QLatin1String("backup"))
        return backup(args);
    if (cmd == QLatin1String("backups"))
        return backups(args);
    if (cmd == QLatin1String("restore"))
        return restore(args);
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
