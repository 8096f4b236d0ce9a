# macOS disk image, included by packaging/CMakeLists.txt when APPLE. The .app bundle itself (Info.plist.in,
# pgha-designer.icns, Qt frameworks via macdeployqt) is set up by pgha_configure_app_bundle in cmake/Packaging.cmake.
set(CPACK_DMG_VOLUME_NAME "PG HA Designer")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_BUNDLE_NAME "PG HA Designer")
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/pgha-designer.icns")
set(CPACK_SYSTEM_NAME "macOS")
