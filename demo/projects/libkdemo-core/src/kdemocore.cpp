#include <KDemo/kdemocore.h>

namespace KDemo
{
const char *coreVersion()
{
    return KDEMOCORE_VERSION_STRING;
}

std::string greeting(const std::string &who)
{
    return "Hello, " + (who.empty() ? std::string("world") : who) + ", from KDemo!";
}
}

extern "C" const char *kdemo_core_version(void)
{
    return KDemo::coreVersion();
}
