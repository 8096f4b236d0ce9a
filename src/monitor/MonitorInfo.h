#pragma once
// Placeholder header so the library has a source until the monitor lands (issue 5).
namespace pgha {
int monitorApiVersion();
}
