/* KDemo Core: versions and greetings shared by every KDemo program. */
#ifndef KDEMOCORE_H
#define KDEMOCORE_H

#include <KDemo/kdemocore_export.h>
#include <KDemo/kdemocore_version.h>

#ifdef __cplusplus
#include <string>

namespace KDemo
{
/* The version of the library loaded at run time, which may be newer than
 * KDEMOCORE_VERSION_STRING, the version a program was compiled against. */
KDEMOCORE_EXPORT const char *coreVersion();

/* "Hello, <who>, from KDemo!"; an empty name greets the world. */
KDEMOCORE_EXPORT std::string greeting(const std::string &who);
}

extern "C" {
#endif

/* The same for C programs. */
KDEMOCORE_EXPORT const char *kdemo_core_version(void);

#ifdef __cplusplus
}
#endif

#endif
