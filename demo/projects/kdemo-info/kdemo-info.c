/* kdemo-info: which KDemo Core a program was built against, and which one
 * it loads at run time. They differ after the library was upgraded alone. */

#include <KDemo/kdemocore.h>

#include "kdemoinfo_version.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *loaded = kdemo_core_version();

    printf("kdemo-info %s: core %s (built against %s)\n",
           KDEMOINFO_VERSION_STRING, loaded, KDEMOCORE_VERSION_STRING);
    return strcmp(loaded, KDEMOCORE_VERSION_STRING) == 0 ? 0 : 1;
}
