# Installation and packaging:
#   cmake --install build --prefix P   installs aotc, aotc-opt, the runtime
#                                      archives, the public headers and the
#                                      CMake package (P/lib/cmake/aotc)
#   cpack -G DEB (in build)            makes aotc_<version>_<arch>.deb
#
# The runtime archives go to lib/aotc-runtime whatever the platform's
# library folder: aotc finds them at ../lib/aotc-runtime from its own path.
include(CMakePackageConfigHelpers)

set(AOTC_CMAKE_DIR lib/cmake/aotc)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/aotcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/aotcConfig.cmake
  INSTALL_DESTINATION ${AOTC_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_INCLUDEDIR)
# 0.x: minor versions may change the header's interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/aotcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/aotcConfig.cmake
  ${PROJECT_BINARY_DIR}/aotcConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/aotcAddModel.cmake
  DESTINATION ${AOTC_CMAKE_DIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME aotc)
set(CPACK_PACKAGE_VENDOR "aotc developers")
set(CPACK_PACKAGE_CONTACT "aotc developers <aotc@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Ahead-of-time compiler from ONNX models to static executables and firmware objects")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Run-time dependencies: the packages of the shared libraries aotc and
# aotc-opt load (test/lit/package/deb-package.test checks the list against
# their NEEDED entries); the runtime archives and lld are inside the package.
# Not dpkg-shlibdeps: it finds libLLVM through llvm-22-dev's symlink in the
# run path and fails.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libllvm22, libmlir-22, libonnx1, libprotobuf32, libfmt9, libstdc++6, libgcc-s1, libc6, zlib1g, libzstd1")
include(CPack)
