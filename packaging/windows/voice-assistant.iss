; The Windows installer (Inno Setup 6): packaging/build.py --only installer runs
;   iscc /DAppVersion=... /DSourceDir=dist\voice-assistant /DOutputDir=dist /DOutputName=...
; A per-user install (no administrator needed), a Start menu entry, an optional desktop icon and
; an uninstaller; an update installs over the old version. Inno Setup rather than WiX: one script,
; preinstalled on GitHub's Windows runners, and per-user installs without MSI's authoring (an MSI
; for group-policy deployment can come later if an organisation asks).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C0C9E7B-5E53-4C55-9A53-7A0B7F1D2E11}
AppName=Voice Assistant
AppVersion={#AppVersion}
AppPublisher=Voice Assistant developers
DefaultDirName={autopf}\Voice Assistant
DefaultGroupName=Voice Assistant
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\voice-assistant.exe
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Voice Assistant"; Filename: "{app}\voice-assistant.exe"
Name: "{group}\Uninstall Voice Assistant"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Voice Assistant"; Filename: "{app}\voice-assistant.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\voice-assistant.exe"; Description: "{cm:LaunchProgram,Voice Assistant}"; Flags: nowait postinstall skipifsilent
