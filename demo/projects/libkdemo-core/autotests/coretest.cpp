#include <KDemo/kdemocore.h>

#include <cstdio>
#include <cstring>

int main()
{
    int failures = 0;
    if (std::strcmp(KDemo::coreVersion(), KDEMOCORE_VERSION_STRING) != 0) {
        std::fprintf(stderr, "coreVersion() is %s\n", KDemo::coreVersion());
        ++failures;
    }
    if (KDemo::greeting("") != "Hello, world, from KDemo!") {
        std::fprintf(stderr, "unexpected greeting: %s\n", KDemo::greeting("").c_str());
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}
