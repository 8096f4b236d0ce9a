# NSIS installer description for Windows, included by packaging/CMakeLists.txt when WIN32.
# Qt's DLLs and plugins are put next to pgha-designer.exe at install time by qt_generate_deploy_app_script
# (pgha_configure_app_bundle in cmake/Packaging.cmake); vcpkg's libssh/yaml-cpp/libarchive DLLs come with
# -DX_VCPKG_APPLOCAL_DEPS_INSTALL=ON (docs/building.md).
# CPACK_VERBATIM_VARIABLES is ON: one backslash here is one backslash in the NSIS script.
set(win_dir "${CMAKE_CURRENT_LIST_DIR}")
file(TO_NATIVE_PATH "${win_dir}/pgha-designer.ico" ico_native)

set(CPACK_NSIS_PACKAGE_NAME "PG HA Designer")
set(CPACK_NSIS_DISPLAY_NAME "PG HA Designer ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${ico_native}")
set(CPACK_NSIS_MUI_UNIICON "${ico_native}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\pgha-designer.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offer to put bin\ (pgha.exe) on PATH so the command line works from any prompt.
set(CPACK_NSIS_MODIFY_PATH ON)
# The Start-menu shortcut "PG HA Designer" comes from CPACK_PACKAGE_EXECUTABLES, found in bin\.
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "pgha-designer.exe")
# Double-clicking a project file opens the designer.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "WriteRegStr HKCR '.pgha.yaml' '' 'PgHaDesigner.Project'
     WriteRegStr HKCR 'PgHaDesigner.Project' '' 'PG HA Designer project'
     WriteRegStr HKCR 'PgHaDesigner.Project\\DefaultIcon' '' '$INSTDIR\\bin\\pgha-designer.exe,0'
     WriteRegStr HKCR 'PgHaDesigner.Project\\shell\\open\\command' '' '\"$INSTDIR\\bin\\pgha-designer.exe\" \"%1\"'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "DeleteRegKey HKCR '.pgha.yaml'
     DeleteRegKey HKCR 'PgHaDesigner.Project'")

# WiX is the alternative (cpack -G WIX): a fixed upgrade GUID lets new versions replace old ones.
set(CPACK_WIX_UPGRADE_GUID "6B1C1E7A-3D0F-4C55-9A7E-2F4B8E1D9C31")
set(CPACK_WIX_PRODUCT_ICON "${win_dir}/pgha-designer.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "PG HA Designer")
