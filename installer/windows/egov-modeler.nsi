; egov-modeler for Windows: NSIS installer around the PyInstaller folder (dist\egov-modeler).
;
;   makensis /DVERSION=0.1.0 installer\windows\egov-modeler.nsi
;
; Defines (all optional): VERSION, PAYLOAD (the frozen folder, default dist\egov-modeler),
; ICON (default build\icons\egov-modeler.ico), OUTFILE (default
; dist\egov-modeler-<version>-setup.exe), FAST (zlib instead of solid LZMA, for checks).
;
; By default it installs for the current user only, with no administrator rights:
; %LOCALAPPDATA%\Programs\egov-modeler, the .egov association and the uninstaller under
; HKCU. IT departments install for every user of the PC with /AllUsers (from an elevated
; prompt or a deployment tool; %ProgramFiles%\egov-modeler, HKLM):
;
;   egov-modeler-0.1.0-setup.exe /S                  (silent, this user)
;   egov-modeler-0.1.0-setup.exe /S /AllUsers        (silent, every user; needs admin)
;   egov-modeler-0.1.0-setup.exe /S /D=C:\Apps\egov-modeler
;
; The Start-menu entries are in Vietnamese; the installer speaks Vietnamese or English
; (Windows display language, Vietnamese first).

Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define APP "egov-modeler"
!define PROGID "egov-modeler.model"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\egov-modeler"
!endif
!ifndef ICON
  !define ICON "..\..\build\icons\egov-modeler.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\egov-modeler-${VERSION}-setup.exe"
!endif
!ifdef FAST
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

; Start-menu names (Vietnamese, as the architects use them)
!define SM_FOLDER "egov-modeler"
!define SM_APP "egov-modeler - Mô hình hóa kiến trúc Chính phủ điện tử"
!define SM_SELFTEST "Kiểm tra cài đặt egov-modeler"
!define SM_LICENSES "Giấy phép phần mềm"
!define SM_UNINSTALL "Gỡ cài đặt egov-modeler"
!define FILETYPE_NAME "Mô hình kiến trúc Chính phủ điện tử"

Name "egov-modeler ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
ShowInstDetails show
ShowUninstDetails show
BrandingText "egov-modeler ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "egov-modeler"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "egov-modeler installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Copyright (c) the egov-modeler authors. All rights reserved."

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\egov-modeler.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\egov_modeler\resources\licenses\egov-modeler.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

Var AllUsers

; /AllUsers on the command line: every user of the PC, which needs an elevated process.
!macro ChooseScope UN
Function ${UN}ChooseScope
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "admin"
      MessageBox MB_ICONSTOP "/AllUsers: hãy chạy với quyền quản trị (Run as administrator).$\r$\n/AllUsers needs administrator rights." /SD IDOK
      SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd
!macroend
!insertmacro ChooseScope ""
!insertmacro ChooseScope "un."

Function .onInit
  Call ChooseScope
  ${If} $AllUsers == 1
    ${If} ${RunningX64}
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
    ${Else}
      StrCpy $INSTDIR "$PROGRAMFILES\${APP}"
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "egov-modeler" SecMain
  SectionIn RO
  ${If} $AllUsers == 1
    StrCpy $R3 "/AllUsers"
  ${Else}
    StrCpy $R3 ""
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; a previous version's files go first: the frozen folder is replaced whole
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu (Vietnamese names)
  CreateDirectory "$SMPROGRAMS\${SM_FOLDER}"
  CreateShortcut "$SMPROGRAMS\${SM_FOLDER}\${SM_APP}.lnk" "$INSTDIR\egov-modeler.exe" "" "$INSTDIR\egov-modeler.exe" 0
  CreateShortcut "$SMPROGRAMS\${SM_FOLDER}\${SM_SELFTEST}.lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\egov-modeler-cli.exe" self-test --gui"' "$INSTDIR\egov-modeler.exe" 0
  CreateShortcut "$SMPROGRAMS\${SM_FOLDER}\${SM_LICENSES}.lnk" "$INSTDIR\licenses"
  CreateShortcut "$SMPROGRAMS\${SM_FOLDER}\${SM_UNINSTALL}.lnk" "$INSTDIR\uninstall.exe" "$R3" "$INSTDIR\uninstall.exe" 0

  ; .egov files open in egov-modeler (HKCU or HKLM through SHCTX, by the scope)
  WriteRegStr SHCTX "Software\Classes\.egov" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\.egov" "Content Type" "application/x-egov-model"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${FILETYPE_NAME}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\egov-modeler.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\egov-modeler.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Apps & features
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "egov-modeler"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "egov-modeler"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\egov-modeler.exe,0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" $R3'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S $R3'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $R4 $R5 $R6
  IntFmt $R4 "0x%08X" $R4
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$R4"
SectionEnd

Function un.onInit
  Call un.ChooseScope
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${SM_FOLDER}\${SM_APP}.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\${SM_SELFTEST}.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\${SM_LICENSES}.lnk"
  Delete "$SMPROGRAMS\${SM_FOLDER}\${SM_UNINSTALL}.lnk"
  RMDir "$SMPROGRAMS\${SM_FOLDER}"

  ; the association only when it is still ours
  ReadRegStr $R0 SHCTX "Software\Classes\.egov" ""
  ${If} $R0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.egov"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"

  ; the program's own files only: a user's models saved in this folder stay
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\egov-modeler.exe"
  Delete "$INSTDIR\egov-modeler-cli.exe"
  Delete "$INSTDIR\VERSION"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
