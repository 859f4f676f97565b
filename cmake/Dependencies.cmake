# Every dependency comes from a Debian package; none is downloaded. A missing one stops
# configuration with the name of the package that provides it.
macro(backcare_require package target debian)
  find_package(${package} CONFIG QUIET)
  if(NOT TARGET ${target})
    message(FATAL_ERROR
      "backcare needs ${package}, which was not found.\n"
      "Install it with:  sudo apt-get install ${debian}\n"
      "(or run scripts/setup.sh, which installs everything the build and tests need)")
  endif()
endmacro()

backcare_require(CLI11 CLI11::CLI11 libcli11-dev)
backcare_require(fmt fmt::fmt libfmt-dev)
backcare_require(nlohmann_json nlohmann_json::nlohmann_json nlohmann-json3-dev)

# utf8proc (decoding, validity, display widths) ships no CMake package on Debian, only
# libutf8proc.pc; its header and library are found directly, so pkg-config is not needed.
find_path(BACKCARE_UTF8PROC_INCLUDE_DIR utf8proc.h)
find_library(BACKCARE_UTF8PROC_LIBRARY NAMES utf8proc)
if(NOT BACKCARE_UTF8PROC_INCLUDE_DIR OR NOT BACKCARE_UTF8PROC_LIBRARY)
  message(FATAL_ERROR
    "backcare needs utf8proc, which was not found.\n"
    "Install it with:  sudo apt-get install libutf8proc-dev\n"
    "(or run scripts/setup.sh, which installs everything the build and tests need)")
endif()
add_library(backcare::utf8proc UNKNOWN IMPORTED)
set_target_properties(backcare::utf8proc PROPERTIES
  IMPORTED_LOCATION ${BACKCARE_UTF8PROC_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${BACKCARE_UTF8PROC_INCLUDE_DIR})

if(BACKCARE_TESTS)
  backcare_require(doctest doctest::doctest doctest-dev)
endif()
