# Platform packaging helpers. The files they use live in packaging/ (windows/, macos/, linux/).
# One application id everywhere: desktop file, metainfo, icon name, macOS bundle id, Windows AppUserModelID.
set(PGHA_APP_ID "io.github.pghadesigner.PgHaDesigner")
set(PGHA_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}/../packaging")
get_filename_component(PGHA_PACKAGING_DIR "${PGHA_PACKAGING_DIR}" ABSOLUTE)

# pgha_add_version_resource(target DESCRIPTION text [ICON])
# Windows only: a VERSIONINFO resource (Explorer's "Details" tab) and, with ICON, the application icon.
function(pgha_add_version_resource target)
  if(NOT WIN32)
    return()
  endif()
  cmake_parse_arguments(A "ICON" "DESCRIPTION" "" ${ARGN})
  get_target_property(out ${target} OUTPUT_NAME)
  if(NOT out)
    set(out ${target})
  endif()
  set(PGHA_RC_DESCRIPTION "${A_DESCRIPTION}")
  set(PGHA_RC_ORIGINAL_FILENAME "${out}.exe")
  set(PGHA_RC_INTERNAL_NAME "${out}")
  set(PGHA_RC_VERSION_COMMAS "${PROJECT_VERSION_MAJOR},${PROJECT_VERSION_MINOR},${PROJECT_VERSION_PATCH},0")
  if(A_ICON)
    set(PGHA_RC_ICON_LINE "IDI_ICON1 ICON \"${PGHA_PACKAGING_DIR}/windows/pgha-designer.ico\"")
  else()
    set(PGHA_RC_ICON_LINE "")
  endif()
  set(rc "${CMAKE_CURRENT_BINARY_DIR}/${target}_version.rc")
  configure_file("${PGHA_PACKAGING_DIR}/windows/version.rc.in" "${rc}" @ONLY)
  target_sources(${target} PRIVATE "${rc}")
endfunction()

# pgha_configure_app_bundle(target)
# Makes the GUI executable a proper Windows GUI program / macOS .app bundle with our icon and Info.plist, and on those
# platforms asks Qt to deploy its libraries and plugins next to it at install time. No effect on Linux, where the
# desktop file, metainfo and hicolor icon are installed by packaging/CMakeLists.txt instead.
function(pgha_configure_app_bundle target)
  if(WIN32)
    set_target_properties(${target} PROPERTIES WIN32_EXECUTABLE TRUE)
    pgha_add_version_resource(${target} DESCRIPTION "PG HA Designer" ICON)
  elseif(APPLE)
    set(icns "${PGHA_PACKAGING_DIR}/macos/pgha-designer.icns")
    target_sources(${target} PRIVATE "${icns}")
    set_source_files_properties("${icns}" PROPERTIES MACOSX_PACKAGE_LOCATION "Resources")
    set_target_properties(${target} PROPERTIES
      MACOSX_BUNDLE TRUE
      OUTPUT_NAME "PG HA Designer"
      MACOSX_BUNDLE_INFO_PLIST "${PGHA_PACKAGING_DIR}/macos/Info.plist.in"
      MACOSX_BUNDLE_GUI_IDENTIFIER "${PGHA_APP_ID}"
      MACOSX_BUNDLE_BUNDLE_NAME "PG HA Designer"
      MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
      MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
      MACOSX_BUNDLE_ICON_FILE "pgha-designer.icns"
      MACOSX_BUNDLE_COPYRIGHT "PG HA Designer contributors")
    # The bundle goes to the top of the DragNDrop image; the CLI stays in bin/.
    install(TARGETS ${target} BUNDLE DESTINATION .)
  endif()
  # Qt 6.4 has qt_generate_deploy_app_script for Windows and macOS only (none on Linux).
  if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script)
    qt_generate_deploy_app_script(TARGET ${target} FILENAME_VARIABLE deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${deploy_script}")
  endif()
endfunction()
