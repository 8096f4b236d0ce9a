#include "deploy/DeployInfo.h"

#include <libssh/libssh.h>

namespace pgha {
QString libsshVersion()
{
    return QString::fromLatin1(ssh_version(0));
}
} // namespace pgha
