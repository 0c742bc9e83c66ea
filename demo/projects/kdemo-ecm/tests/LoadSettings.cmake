# Run with cmake -DMODULE=<path> -P: the module must at least parse.
if(NOT EXISTS "${MODULE}")
  message(FATAL_ERROR "no module at '${MODULE}'")
endif()
file(READ "${MODULE}" content)
string(FIND "${content}" "function(kdemo_setup_version" found)
if(found EQUAL -1)
  message(FATAL_ERROR "kdemo_setup_version is missing from ${MODULE}")
endif()
