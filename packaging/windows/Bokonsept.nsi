; Bokonsept's per-user installer: installs for the user who runs it, with no
; administrator rights, under %LOCALAPPDATA%\Programs\Bokonsept, with a
; Start-menu shortcut, an uninstaller (in Settings > Apps) and Bokonsept in
; "Open with" for .yaml files (and as the program that opens them when the
; user had none). Built by makensis:
;
;   makensis -DVERSION=0.1.0 -DVIVERSION=0.1.0.2 -DEXE=dist/windows/Bokonsept.exe \
;            -DICON=dist/windows/build/Bokonsept.ico -DOUTFILE=Bokonsept-setup.exe Bokonsept.nsi
;
; Silent: Bokonsept-setup.exe /S   and   Uninstall.exe /S

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z"
!endif

!define APP       "Bokonsept"
!define PROGID    "Bokonsept.Concept"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Bokonsept"
!define CLASSES   "Software\Classes"

Name "${APP}"
OutFile "${OUTFILE}"
Icon "${ICON}"
UninstallIcon "${ICON}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\Hallingdal\${APP}" "InstallDir"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VIVERSION}"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "FileDescription" "${APP} installer (per user)"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "Hallingdal"
VIAddVersionKey "LegalCopyright" "Hallingdal"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\Bokonsept.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Norwegian"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Function un.onInit
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Section "Bokonsept"
  SetOutPath "$INSTDIR"
  File "/oname=Bokonsept.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\Bokonsept.exe" "" "$INSTDIR\Bokonsept.exe" 0

  WriteRegStr HKCU "Software\Hallingdal\${APP}" "InstallDir" "$INSTDIR"

  ; .yaml: the program id, "Open with", and the default only where the user had none.
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "Bokonsept concept"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" '"$INSTDIR\Bokonsept.exe",0'
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\Bokonsept.exe" "%1"'
  WriteRegStr HKCU "${CLASSES}\.yaml\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\Bokonsept.exe\SupportedTypes" ".yaml" ""
  WriteRegStr HKCU "${CLASSES}\Applications\Bokonsept.exe\shell\open\command" "" '"$INSTDIR\Bokonsept.exe" "%1"'
  ReadRegStr $0 HKCU "${CLASSES}\.yaml" ""
  ReadRegStr $1 HKLM "${CLASSES}\.yaml" ""
  StrCmp "$0$1" "" 0 +2
    WriteRegStr HKCU "${CLASSES}\.yaml" "" "${PROGID}"

  ; Settings > Apps (Programs and Features) for this user.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Hallingdal"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\Bokonsept.exe",0'
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$INSTDIR\Bokonsept.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $0 HKCU "${CLASSES}\.yaml" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "${CLASSES}\.yaml" ""
  DeleteRegValue HKCU "${CLASSES}\.yaml\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.yaml\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.yaml"
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  DeleteRegKey HKCU "${CLASSES}\Applications\Bokonsept.exe"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\Hallingdal\${APP}"
  DeleteRegKey /ifempty HKCU "Software\Hallingdal"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
