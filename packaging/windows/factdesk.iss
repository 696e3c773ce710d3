; Inno Setup script for FactDesk (Windows). Build the bundle first, on Windows:
;   pyinstaller --noconfirm --distpath packaging\dist --workpath packaging\build packaging\factdesk.spec
; then:  iscc packaging\windows\factdesk.iss   ->  packaging\windows\Output\FactDesk-<version>-setup.exe
; Sign packaging\dist\FactDesk\*.exe before running iscc (see docs/packaging.md).

#define AppVersion "0.1.0"
#define Dist "..\dist\FactDesk"

[Setup]
AppId={{6E0C9D4A-8F7B-4C1E-9B2A-FAC7DE5C0001}
AppName=FactDesk
AppVersion={#AppVersion}
AppPublisher=The FactDesk developers
DefaultDirName={autopf}\FactDesk
DefaultGroupName=FactDesk
UninstallDisplayIcon={app}\factdeskw.exe
SetupIconFile=..\..\resources\icons\factdesk.ico
OutputBaseFilename=FactDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ChangesEnvironment=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked
Name: "addtopath"; Description: "Add the factdesk command to PATH"; Flags: unchecked

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\FactDesk"; Filename: "{app}\factdeskw.exe"
Name: "{autodesktop}\FactDesk"; Filename: "{app}\factdeskw.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.factdesk"; ValueType: string; ValueName: ""; ValueData: "FactDesk.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FactDesk.Project"; ValueType: string; ValueName: ""; ValueData: "FactDesk project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FactDesk.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\factdeskw.exe,0"
Root: HKA; Subkey: "Software\Classes\FactDesk.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\factdeskw.exe"" open ""%1"""
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\factdeskw.exe"; Description: "{cm:LaunchProgram,FactDesk}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
