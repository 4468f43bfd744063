; Inno Setup script for Dispatch on Windows, over the PyInstaller onedir build (packaging/dispatch.spec).
; Built by packaging/build-windows.ps1, which passes /DAppVersion=<x.y.z> /DRoot=<repo root>.
;   - installs build\pyinstaller\dist\dispatch-mail\* into Program Files\Dispatch (or the user's
;     programs folder when installing without admin rights)
;   - a Start-menu shortcut (and an optional desktop one)
;   - the uninstaller removes only what setup installed: the user's settings, drafts journal and logs
;     (%LOCALAPPDATA%\Dispatch\Dispatch, written by the app, never by setup) and the password in
;     Windows Credential Manager are kept.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Root
  #define Root "..\.."
#endif

[Setup]
AppId={{6B0F4A53-2C7E-4F1B-9D3A-0E5C8A9B7D21}
AppName=Dispatch
AppVersion={#AppVersion}
AppVerName=Dispatch {#AppVersion}
AppPublisher=Dispatch team
DefaultDirName={autopf}\Dispatch
DefaultGroupName=Dispatch
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=Dispatch-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\dispatch-mail.ico
UninstallDisplayIcon={app}\dispatch-mail.exe
UninstallDisplayName=Dispatch
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\build\pyinstaller\dist\dispatch-mail\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Dispatch"; Filename: "{app}\dispatch-mail.exe"; Comment: "Compose and send mail through Microsoft Exchange"
Name: "{autodesktop}\Dispatch"; Filename: "{app}\dispatch-mail.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\dispatch-mail.exe"; Description: "{cm:LaunchProgram,Dispatch}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] / [Registry] entries on purpose: nothing outside {app} is ever removed.
