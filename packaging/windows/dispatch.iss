; Inno Setup script for Dispatch on Windows, over the PyInstaller onedir build (packaging/dispatch.spec).
; Built by packaging/build-windows.ps1, which passes /DAppVersion=<x.y.z> /DRoot=<repo root>.
;   - installs build\pyinstaller\dist\dispatch-mail\* into Program Files\Dispatch (or the user's
;     programs folder when installing without admin rights)
;   - a Start-menu shortcut (and an optional desktop one)
;   - registers Dispatch as a mail client and a handler of mailto: links ([Registry] below), so that it is offered
;     in Settings > Apps > Default apps (and Control Panel's Default Programs); it never makes itself the default
;   - the uninstaller removes only what setup installed: the program, and the registry keys and values it wrote;
;     the user's settings, drafts journal and logs (%LOCALAPPDATA%\Dispatch\Dispatch, written by the app, never by
;     setup) and the password in Windows Credential Manager are kept.
; tests/test_packaging.py checks the paths this script names and the registration below (it cannot be compiled on
; Linux); .github/workflows/packages.yml builds, installs, starts and uninstalls it on a Windows runner.

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
; the shell is told the URL associations changed ([Registry]), at install and at uninstall
ChangesAssociations=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\build\pyinstaller\dist\dispatch-mail\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Dispatch"; Filename: "{app}\dispatch-mail.exe"; Comment: "Compose and send mail through Microsoft Exchange"
Name: "{autodesktop}\Dispatch"; Filename: "{app}\dispatch-mail.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\dispatch-mail.exe"; Description: "{cm:LaunchProgram,Dispatch}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: no file outside {app} is ever removed.

[Registry]
; Dispatch as a mail client and a mailto: handler, as Microsoft documents it:
;   - the client: HKLM\Software\Clients\Mail\<canonical name>, its display name (default value), DefaultIcon,
;     shell\open\command and, for the mailto: protocol, Protocols\mailto ("Registering Programs with Client Types",
;     https://learn.microsoft.com/en-us/windows/win32/shell/reg-middleware-apps). No DLLPath: Dispatch has no
;     Simple MAPI library, so it is not the system's MAPI client ("Send to > Mail recipient" keeps its own).
;   - its Capabilities (ApplicationName, ApplicationDescription, ApplicationIcon, URLAssociations mailto -> a ProgID)
;     named in Software\RegisteredApplications: what Default Programs / Settings' Default apps list
;     ("Registering an Application for Use with Default Programs",
;     https://learn.microsoft.com/en-us/windows/win32/shell/default-programs).
;   - the ProgID Dispatch.Url.mailto under Software\Classes: "URL Protocol", DefaultIcon, shell\open\command with the
;     URL as the one argument ("Registering an Application to a URI Scheme", https://learn.microsoft.com/
;     previous-versions/windows/internet-explorer/ie-developer/platform-apis/aa767914(v=vs.85)).
; HKA is HKLM when setup runs elevated (all users) and HKCU when it installs for the current user only (the default,
; PrivilegesRequired=lowest): Software\Classes, Software\Clients and Software\RegisteredApplications under HKCU are
; the same registration for one user. The mailto key itself (Software\Classes\mailto) and the user's choice are left
; alone: Windows asks the user, an installer does not take the default.
; Uninstall: each key Dispatch owns goes whole (uninsdeletekey); in the shared RegisteredApplications key only
; Dispatch's value goes (uninsdeletevalue). tests/test_packaging.py checks both.
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch"; ValueType: string; ValueName: ""; ValueData: "Dispatch"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"",0"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"""
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Protocols\mailto"; ValueType: string; ValueName: ""; ValueData: "URL:MailTo Protocol"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Protocols\mailto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Protocols\mailto\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"",0"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Protocols\mailto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"" ""%1"""
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "Dispatch"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Compose and send mail through Microsoft Exchange"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Capabilities"; ValueType: string; ValueName: "ApplicationIcon"; ValueData: """{app}\dispatch-mail.exe"",0"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Capabilities\StartMenu"; ValueType: string; ValueName: "Mail"; ValueData: "Dispatch"
Root: HKA; Subkey: "Software\Clients\Mail\Dispatch\Capabilities\URLAssociations"; ValueType: string; ValueName: "mailto"; ValueData: "Dispatch.Url.mailto"
Root: HKA; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "Dispatch"; ValueData: "Software\Clients\Mail\Dispatch\Capabilities"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Dispatch.Url.mailto"; ValueType: string; ValueName: ""; ValueData: "Dispatch mailto: link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Dispatch.Url.mailto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Dispatch.Url.mailto\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"",0"
Root: HKA; Subkey: "Software\Classes\Dispatch.Url.mailto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dispatch-mail.exe"" ""%1"""
