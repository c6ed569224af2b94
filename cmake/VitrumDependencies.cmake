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
# HDF5 through pkg-config: FindHDF5 needs the C language in every consumer project.
pkg_check_modules(HDF5 REQUIRED IMPORTED_TARGET hdf5)
find_library(VITRUM_HDF5_HL_LIBRARY NAMES hdf5_hl hdf5_serial_hl HINTS ${HDF5_LIBRARY_DIRS} REQUIRED)
pkg_check_modules(GSF REQUIRED IMPORTED_TARGET libgsf-1)
find_package(ZLIB REQUIRED)  # HDF5 chunks are checked before libhdf5 unpacks them
pkg_check_modules(PLPLOT REQUIRED IMPORTED_TARGET plplot)
pkg_check_modules(LIBMD REQUIRED IMPORTED_TARGET libmd)  # SHA-256 of report inputs
if(VITRUM_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
