# Every dependency comes from Debian packages (scripts/install-deps.sh) through find_package.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(Boost 1.74 REQUIRED)
find_package(GSL REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)  # Debian's libzip CMake config needs the zip tools
find_package(pugixml REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C)

pkg_check_modules(GSF REQUIRED IMPORTED_TARGET libgsf-1)
pkg_check_modules(PLPLOT REQUIRED IMPORTED_TARGET plplot)
if(VITRUM_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
