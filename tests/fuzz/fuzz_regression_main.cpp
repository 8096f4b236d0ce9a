// Regression runner: feeds every file of tests/fuzz/corpus and tests/fuzz/regressions through the fuzz
// target, so that inputs that once crashed, hung or leaked keep being checked by ctest without clang.
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    QStringList dirs;
    for (int i = 1; i < argc; ++i)
        dirs << QString::fromLocal8Bit(argv[i]);
    if (dirs.isEmpty()) {
        dirs << QStringLiteral(PGHA_SOURCE_DIR "/tests/fuzz/seeds") << QStringLiteral(PGHA_SOURCE_DIR "/tests/fuzz/corpus")
             << QStringLiteral(PGHA_SOURCE_DIR "/tests/fuzz/regressions");
    }
    int files = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QString &dir : dirs) {
        QStringList paths;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << it.next();
        paths.sort();  // a stable order, so a failure names the same input every time
        for (const QString &path : paths) {
            if (path.endsWith(QLatin1String("README.md")))
                continue;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray data = f.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size()));
            ++files;
        }
    }
    std::printf("fed %d inputs through the fuzz target in %lld ms\n", files, qint64(timer.elapsed()));
    // An empty corpus would make this test pass while checking nothing.
    return files > 0 ? 0 : 1;
}
