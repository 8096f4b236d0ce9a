#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// The deploy lab from C++ tests: four SSH hosts on PREFIX.11-.13 (node1-3) and PREFIX.20 (haproxy), either
// namespaced sshds without an init (Kind::Direct, tests/e2e/lab/lab.sh) or hosts that boot systemd
// (Kind::Systemd, tests/e2e/systemd/lab.sh). The destructor tears the lab down whatever happened.
// Link pgha_labfixture.
class LabFixture
{
public:
    enum class Kind { Direct, Systemd };
    // Holds the prefix's machine-wide lock from the first up() until destruction: test runs of other build
    // trees wait instead of tearing this lab down. prefix: "127.X.Y"; empty = $PGHA_LAB_PREFIX or "127.0.0".
    // The state lives in /var/tmp/pgha-lab-PREFIX (Direct) or /var/tmp/pgha-slab-PREFIX (Systemd).
    explicit LabFixture(const QString &prefix = {}, Kind kind = Kind::Direct);
    ~LabFixture();
    LabFixture(const LabFixture &) = delete;
    LabFixture &operator=(const LabFixture &) = delete;

    bool up(QString *error = nullptr);
    void down();
    bool isUp() const { return m_up; }

    QString prefix() const { return m_prefix; }
    QString dir() const { return m_dir; }
    QString keyFile() const { return m_dir + QStringLiteral("/id_ed25519"); }
    QString knownHostsFile() const { return m_dir + QStringLiteral("/known_hosts"); }
    QString address(const QString &host) const;  // node1 -> PREFIX.11 ...
    static QStringList hosts();                  // node1 node2 node3 haproxy
    // The host's own view of an absolute path, seen from the machine (e.g. its /etc/patroni/config.yml).
    // Direct labs only: a systemd host's files live in a private mount namespace (use exec()).
    QString hostPath(const QString &host, const QString &path) const;
    Kind kind() const { return m_kind; }

    // Runs a shell command on the host through SSH (lab.sh ssh); returns the exit code, -1 on a failure to run.
    int ssh(const QString &host, const QString &command, QByteArray *out = nullptr, int timeoutMs = 60000) const;
    // Runs a shell command inside the host's namespaces without SSH (lab.sh exec).
    int exec(const QString &host, const QString &command, QByteArray *out = nullptr, int timeoutMs = 60000) const;
    bool rekey(const QString &host) const;
    // Systemd labs: any other verb of the script (reboot, crash [--stay-down], boot, check-clean), its output
    // in *out; returns the exit code, -1 on a failure to run.
    int lab(const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 180000) const;

    // tests/e2e/lab.pgha.yaml for this lab: its prefix in every address, its client key as identity_file.
    QString designYaml() const;

    static QString script();  // the direct lab's script
    QString scriptPath() const;
    QProcessEnvironment environment() const;

private:
    int runScript(const QStringList &args, QByteArray *out, int timeoutMs) const;

    bool lock();

    QString m_prefix;
    Kind m_kind = Kind::Direct;
    int m_lockFd = -1;  // flock on /var/tmp/pgha-lab-PREFIX.lock, held from the first up() to destruction
    QString m_dir;
    bool m_up = false;
};
