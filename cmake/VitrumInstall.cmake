# Install the libraries, headers, CLI and a relocatable vitrumConfig.cmake.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS vitrum_core vitrum_report vitrum_instruments EXPORT vitrumTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS vitrum RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/include/vitrum"
                  "${PROJECT_SOURCE_DIR}/instruments/include/vitrum"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/share/materials" "${PROJECT_SOURCE_DIR}/share/schemas"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/vitrum)
install(EXPORT vitrumTargets NAMESPACE vitrum:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vitrum)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/vitrumConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/vitrumConfig.cmake"
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vitrum)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/vitrumConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/vitrumConfig.cmake"
              "${PROJECT_BINARY_DIR}/vitrumConfigVersion.cmake"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/vitrum)
