#include "monitor/MonitorInfo.h"
namespace pgha {
int monitorApiVersion()
{
    return 1;
}
} // namespace pgha
