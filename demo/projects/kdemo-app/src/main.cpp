// kdemo: greets someone inside a KDemo::Label and shows which versions of
// the KDemo libraries it runs with.

#include <KDemo/kdemocore.h>
#include <KDemo/kdemowidgets.h>

#include "kdemoapp_version.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace
{
// The config directories in the order the XDG base directory spec gives:
// the user's first, then the system-wide ones.
std::vector<std::string> configDirs()
{
    std::vector<std::string> dirs;
    if (const char *home = std::getenv("XDG_CONFIG_HOME"); home && *home) {
        dirs.emplace_back(home);
    } else if (const char *user = std::getenv("HOME"); user && *user) {
        dirs.push_back(std::string(user) + "/.config");
    }

    const char *system = std::getenv("XDG_CONFIG_DIRS");
    std::istringstream list(system && *system ? system : KDEMO_SYSCONFDIR "/xdg");
    for (std::string dir; std::getline(list, dir, ':');) {
        if (!dir.empty()) {
            dirs.push_back(dir);
        }
    }
    return dirs;
}

// The Name= entry of the first kdemorc found, or an empty string.
std::string configuredName()
{
    for (const std::string &dir : configDirs()) {
        std::ifstream file(dir + "/kdemorc");
        for (std::string line; std::getline(file, line);) {
            if (line.rfind("Name=", 0) == 0) {
                return line.substr(5);
            }
        }
    }
    return {};
}
}

int main(int argc, char **argv)
{
    std::cout << "kdemo " << KDEMOAPP_VERSION_STRING << ": core " << KDemo::coreVersion()
              << ", widgets " << KDemo::widgetsVersion() << '\n';

    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        return 0;
    }

    const std::string who = argc > 1 ? argv[1] : configuredName();
    std::cout << KDemo::Label::welcome(who).render();
    return 0;
}
