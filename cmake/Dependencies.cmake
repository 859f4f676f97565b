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
if(BACKCARE_TESTS)
  backcare_require(doctest doctest::doctest doctest-dev)
endif()
