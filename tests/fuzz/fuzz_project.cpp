// libFuzzer target: bytes -> project loader -> validator -> generators -> bundle archive, plus the
// load -> save -> load invariant. Nothing is caught here: the loader must turn every bad input into an Error.
#include "core/bundle/BundleWriter.h"
#include "core/generate/Generator.h"
#include "core/model/Secrets.h"
#include "core/project/ProjectFile.h"
#include "core/validation/Validator.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

const pgha::Secrets &fixedSecrets()
{
    // Fixed values keep every run reproducible (generated ones would differ between runs).
    static const pgha::Secrets s = [] {
        pgha::Secrets x;
        x.superuserPassword = QStringLiteral("Fz7kq2VbN4xT9mLp3RwY8cHd");
        x.replicationPassword = QStringLiteral("Jr5nW8tZq2LxB7vK4mPc9HsD");
        x.rewindPassword = QStringLiteral("Qm3hT6yVn9KpR2wX5bLz8CfG");
        x.restApiPassword = QStringLiteral("Tb8xN2vQk5MwZ9pR3hLc7JyF");
        x.haproxyStatsPassword = QStringLiteral("Wc4pK7zHm2RxV9nT5bQy3LdS");
        return x;
    }();
    return s;
}

[[noreturn]] void invariantBroken(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const pgha::Result<pgha::LoadedProject> loaded = pgha::ProjectFile::parse(input, QStringLiteral("fuzz.pgha.yaml"));
    if (!loaded.ok()) {
        // Every error must say something a user can act on.
        if (loaded.error().message.isEmpty())
            invariantBroken("empty error message", input);
        return 0;
    }
    const pgha::Topology &topology = loaded->topology;

    // Load -> save -> load gives the same model.
    const QByteArray saved = pgha::ProjectFile::serialize(topology);
    const pgha::Result<pgha::LoadedProject> again = pgha::ProjectFile::parse(saved, QStringLiteral("saved.pgha.yaml"));
    if (!again.ok())
        invariantBroken("the saved project does not load again", again.error().toString().toUtf8() + "\n" + saved);
    if (again->topology != topology)
        invariantBroken("the saved project loads as a different model", saved);

    const pgha::Findings findings = pgha::validate(topology, &fixedSecrets());
    for (const pgha::Finding &f : findings) {
        if (f.ruleId.isEmpty() || f.message.isEmpty())
            invariantBroken("a finding without rule id or message", f.subject.toUtf8());
    }
    const pgha::Bundle bundle = pgha::generateBundle(topology, fixedSecrets());
    // The archive writer must refuse unsafe names (host "..", say) with an Error, never write them.
    const pgha::Result<QByteArray> archive = pgha::bundleTarGzBytes(bundle);
    (void)archive;
    return 0;
}
