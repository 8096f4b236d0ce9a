#pragma once

#include <QString>

namespace pgha {

// Why an SSH operation failed; the kind decides the CLI's exit code and whether a retry can help.
struct SshError
{
    enum class Kind { Connect, HostKeyChanged, HostKeyUnknown, Auth, Timeout, Cancelled, Channel, Other };
    Kind kind = Kind::Other;
    QString message;
};

} // namespace pgha
