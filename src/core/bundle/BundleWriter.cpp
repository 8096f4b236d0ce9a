#include "core/bundle/BundleWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>

namespace pgha {

namespace {

// 2000-01-01T00:00:00Z: any fixed value makes exports reproducible; this one keeps tar from calling the files
// "implausibly old" the way the epoch itself can.
constexpr qint64 kArchiveMtime = 946684800;
constexpr int kDirMode = 0755;

struct Entry
{
    QString path;  // relative, '/'-separated, validated
    const GeneratedFile *file = nullptr;
    int mode = 0644;
};

struct Plan
{
    QList<Entry> files;   // sorted by path
    QStringList dirs;     // every parent directory of a file, sorted, parents before children
};

QString fromErrno(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

// A secret file never gets group or other bits, whatever the generator asked for.
int effectiveMode(const GeneratedFile &f)
{
    int mode = f.mode & 0777;
    if (f.secret)
        mode = (mode & 0700) | 0600;
    return mode;
}

Result<Plan> makePlan(const Bundle &bundle)
{
    Plan plan;
    QSet<QString> seen;
    QSet<QString> dirs;
    for (const GeneratedFile &f : bundle.files) {
        const QString p = f.bundlePath();
        if (p.isEmpty())
            return Error{QStringLiteral("a generated file has no path (host \"%1\")").arg(f.host)};
        const QStringList parts = p.split(QLatin1Char('/'));
        for (const QString &part : parts) {
            // Refuse anything that could step out of the bundle or be read differently by tar.
            if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")
                || part.contains(QChar(0)) || part.contains(QLatin1Char('\\')))
                return Error{QStringLiteral("unsafe path in the bundle: \"%1\"").arg(p)};
        }
        if (seen.contains(p))
            return Error{QStringLiteral("two generated files have the same path: \"%1\"").arg(p)};
        seen.insert(p);
        QString d;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            d = d.isEmpty() ? parts[i] : d + QLatin1Char('/') + parts[i];
            dirs.insert(d);
        }
        plan.files.append({p, &f, effectiveMode(f)});
    }
    for (const Entry &e : plan.files) {
        if (dirs.contains(e.path))
            return Error{QStringLiteral("\"%1\" is both a file and a directory in the bundle").arg(e.path)};
    }
    std::sort(plan.files.begin(), plan.files.end(),
              [](const Entry &a, const Entry &b) { return a.path < b.path; });
    plan.dirs = QStringList(dirs.cbegin(), dirs.cend());
    plan.dirs.sort();  // "a" sorts before "a/b": parents come first
    return plan;
}

QFileDevice::Permissions toPermissions(int mode)
{
    QFileDevice::Permissions p;
    if (mode & 0400) p |= QFileDevice::ReadOwner | QFileDevice::ReadUser;
    if (mode & 0200) p |= QFileDevice::WriteOwner | QFileDevice::WriteUser;
    if (mode & 0100) p |= QFileDevice::ExeOwner | QFileDevice::ExeUser;
    if (mode & 0040) p |= QFileDevice::ReadGroup;
    if (mode & 0020) p |= QFileDevice::WriteGroup;
    if (mode & 0010) p |= QFileDevice::ExeGroup;
    if (mode & 0004) p |= QFileDevice::ReadOther;
    if (mode & 0002) p |= QFileDevice::WriteOther;
    if (mode & 0001) p |= QFileDevice::ExeOther;
    return p;
}

// QSaveFile: the file appears whole or not at all. The mode is set on the temporary file before the first
// byte is written, so a secret is never readable by others, not even for a moment.
Result<void> writeFileAtomically(const QString &path, const QByteArray &data, int mode)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write: ") + file.errorString(), path};
    if (!file.setPermissions(toPermissions(mode)))
        return Error{QStringLiteral("cannot set the file mode: ") + file.errorString(), path};
    if (file.write(data) != data.size())
        return Error{QStringLiteral("cannot write: ") + file.errorString(), path};
    if (!file.commit())
        return Error{QStringLiteral("cannot write: ") + file.errorString(), path};
    return {};
}

Result<void> writeTree(const Plan &plan, const QString &root, const QString &clusterName)
{
    QDir rootDir(root);
    for (const QString &d : plan.dirs) {
        const QString abs = rootDir.filePath(d);
        if (!rootDir.mkpath(d))
            return Error{QStringLiteral("cannot create directory"), abs};
        if (!QFile::setPermissions(abs, toPermissions(kDirMode)))
            return Error{QStringLiteral("cannot set the directory mode"), abs};
    }
    for (const Entry &e : plan.files) {
        const Result<void> r = writeFileAtomically(rootDir.filePath(e.path), e.file->content, e.mode);
        if (!r.ok())
            return r;
    }
    const QByteArray marker = "This directory was written by PG HA Designer for cluster \"" + clusterName.toUtf8()
        + "\".\nThe next `pgha generate` into it replaces the whole directory.\n";
    return writeFileAtomically(rootDir.filePath(bundleMarkerFileName()), marker, 0644);
}

bool isEmptyDir(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

// Swaps two directory entries in one step (Linux renameat2). False when the kernel or file system cannot.
bool exchangePaths(const QString &a, const QString &b)
{
#if defined(RENAME_EXCHANGE)
    return ::renameat2(AT_FDCWD, QFile::encodeName(a).constData(), AT_FDCWD, QFile::encodeName(b).constData(),
                       RENAME_EXCHANGE)
        == 0;
#else
    Q_UNUSED(a)
    Q_UNUSED(b)
    return false;
#endif
}

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct EntryDeleter
{
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};

la_ssize_t appendToByteArray(struct archive *, void *client, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

Error archiveError(struct archive *a, const QString &what)
{
    const char *msg = archive_error_string(a);
    return Error{what + QStringLiteral(": ") + (msg ? QString::fromLocal8Bit(msg) : QStringLiteral("libarchive error"))};
}

Result<void> addEntry(struct archive *a, const QString &path, bool dir, int mode, const QByteArray &content)
{
    std::unique_ptr<struct archive_entry, EntryDeleter> e(archive_entry_new());
    archive_entry_update_pathname_utf8(e.get(), path.toUtf8().constData());
    archive_entry_set_filetype(e.get(), dir ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e.get(), mode_t(mode));
    archive_entry_set_size(e.get(), dir ? 0 : la_int64_t(content.size()));
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_uname(e.get(), "root");
    archive_entry_set_gname(e.get(), "root");
    archive_entry_set_mtime(e.get(), time_t(kArchiveMtime), 0);
    if (archive_write_header(a, e.get()) != ARCHIVE_OK)
        return archiveError(a, QStringLiteral("cannot add \"%1\" to the archive").arg(path));
    if (!dir && !content.isEmpty()) {
        if (archive_write_data(a, content.constData(), size_t(content.size())) != la_ssize_t(content.size()))
            return archiveError(a, QStringLiteral("cannot add \"%1\" to the archive").arg(path));
    }
    return {};
}

} // namespace

QString bundleMarkerFileName()
{
    return QStringLiteral(".pgha-bundle");
}

QString bundleRootName(const Bundle &bundle)
{
    QString name;
    for (const QChar c : bundle.clusterName) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('_')
            || c == QLatin1Char('-');
        name += safe ? c : QLatin1Char('_');
    }
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        return QStringLiteral("bundle");
    return name;
}

qint64 bundleArchiveMtime()
{
    return kArchiveMtime;
}

Result<void> writeBundleToDirectory(const Bundle &bundle, const QString &dir)
{
    if (dir.isEmpty())
        return Error{QStringLiteral("no output directory given")};
    Result<Plan> plan = makePlan(bundle);
    if (!plan.ok())
        return Error{plan.error().message, dir};

    const QString target = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QFileInfo info(target);
    if (info.isRoot())
        return Error{QStringLiteral("refusing to write a bundle over the root directory"), target};
    bool replace = false;
    if (info.isSymLink())
        return Error{QStringLiteral("the output is a symbolic link; give the real directory"), target};
    if (info.exists()) {
        if (!info.isDir())
            return Error{QStringLiteral("the output exists and is not a directory"), target};
        if (!isEmptyDir(target)) {
            if (!QFileInfo(QDir(target).filePath(bundleMarkerFileName())).isFile())
                return Error{QStringLiteral("refusing to write into a directory that is not empty and was not "
                                            "written by pgha (it has no %1 file); choose a new or empty directory")
                                 .arg(bundleMarkerFileName()),
                             target};
            replace = true;
        }
    }
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent))
        return Error{QStringLiteral("cannot create directory"), parent};

    // A private (0700) sibling on the same file system: nobody sees the files before the rename, and the
    // rename cannot cross devices.
    QTemporaryDir staging(parent + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));
    if (!staging.isValid())
        return Error{QStringLiteral("cannot create a temporary directory: ") + staging.errorString(), parent};
    const Result<void> written = writeTree(plan.value(), staging.path(), bundle.clusterName);
    if (!written.ok())
        return written;
    if (!QFile::setPermissions(staging.path(), toPermissions(kDirMode)))
        return Error{QStringLiteral("cannot set the directory mode"), staging.path()};

    if (!replace) {
        // rename(2) also replaces an empty directory.
        if (!renamePath(staging.path(), target))
            return Error{QStringLiteral("cannot move the bundle into place: ") + fromErrno(errno), target};
        staging.setAutoRemove(false);
        return {};
    }
    if (exchangePaths(staging.path(), target))
        return {};  // the old tree is now in the staging directory, which removes itself
    // No atomic swap here: move the old tree aside, the new one in, and the old one away.
    QTemporaryDir aside(parent + QStringLiteral("/.") + info.fileName() + QStringLiteral(".old-XXXXXX"));
    if (!aside.isValid())
        return Error{QStringLiteral("cannot create a temporary directory: ") + aside.errorString(), parent};
    const QString old = aside.path() + QStringLiteral("/old");
    if (!renamePath(target, old))
        return Error{QStringLiteral("cannot move the old bundle aside: ") + fromErrno(errno), target};
    if (!renamePath(staging.path(), target)) {
        const int e = errno;
        renamePath(old, target);
        return Error{QStringLiteral("cannot move the bundle into place: ") + fromErrno(e), target};
    }
    staging.setAutoRemove(false);
    return {};
}

Result<QByteArray> bundleTarGzBytes(const Bundle &bundle)
{
    Result<Plan> plan = makePlan(bundle);
    if (!plan.ok())
        return plan.error();
    const QString root = bundleRootName(bundle);

    QByteArray out;
    std::unique_ptr<struct archive, ArchiveDeleter> a(archive_write_new());
    if (!a)
        return Error{QStringLiteral("libarchive: out of memory")};
    // pax-restricted: plain ustar unless a name needs more, then a pax header (no PID or time in it).
    if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK
        || archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK
        // "!timestamp": no time in the gzip header, or two exports a second apart would differ.
        || archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr) != ARCHIVE_OK
        || archive_write_open(a.get(), &out, nullptr, appendToByteArray, nullptr) != ARCHIVE_OK)
        return archiveError(a.get(), QStringLiteral("cannot create the archive"));

    Result<void> r = addEntry(a.get(), root, true, kDirMode, {});
    for (int i = 0; r.ok() && i < plan->dirs.size(); ++i)
        r = addEntry(a.get(), root + QLatin1Char('/') + plan->dirs.at(i), true, kDirMode, {});
    // Directories first, then files, each in sorted order: the bytes never depend on the bundle's order.
    for (int i = 0; r.ok() && i < plan->files.size(); ++i) {
        const Entry &e = plan->files.at(i);
        r = addEntry(a.get(), root + QLatin1Char('/') + e.path, false, e.mode, e.file->content);
    }
    if (!r.ok())
        return r.error();
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return archiveError(a.get(), QStringLiteral("cannot finish the archive"));
    return out;
}

Result<void> writeBundleTarGz(const Bundle &bundle, const QString &archivePath)
{
    if (archivePath.isEmpty())
        return Error{QStringLiteral("no output file given")};
    Result<QByteArray> bytes = bundleTarGzBytes(bundle);
    if (!bytes.ok())
        return Error{bytes.error().message, archivePath};
    const QFileInfo info(archivePath);
    if (info.isDir())
        return Error{QStringLiteral("the output is a directory; give a file name such as bundle.tar.gz"),
                     archivePath};
    if (!QDir().mkpath(info.absolutePath()))
        return Error{QStringLiteral("cannot create directory"), info.absolutePath()};
    return writeFileAtomically(archivePath, bytes.value(), 0600);
}

} // namespace pgha
