#pragma once

#include <QString>

namespace pgha {
// Version of the SSH library the deploy layer is built on (for the About dialog).
QString libsshVersion();
} // namespace pgha
