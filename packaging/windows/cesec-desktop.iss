; Inno Setup 6 script (6.3 or newer: x64compatible) of the Windows installer: the PyInstaller
; onedir bundle installed for the current user, without administrator rights.
;
; Build (Windows, after `pyinstaller --noconfirm build.spec`), from the repository's root:
;   iscc /DAppVersion=<python scripts/project_version.py> ^
;        /DAppNumericVersion=<python scripts/project_version.py --numeric> ^
;        packaging\windows\cesec-desktop.iss
; Output: dist\cesec-desktop-<version>-windows-x64.exe, the target name the update repository
; uses (cesec_desktop/domain/releases.py). The version comes only from pyproject.toml through
; that script: this file names none. The file is UTF-8 with a BOM, which is how Inno Setup
; knows to read the Russian messages below as UTF-8.
;
; Command line of the installer, besides Inno Setup's own (/SILENT, /VERYSILENT, /SP-, ...):
;   /NORESTARTAPP   after a silent install, do not start the app. Without it a silent install
;                   (the app's "Install and restart" runs `setup.exe /SILENT /SP-`) starts the
;                   new version when it is done.

#ifndef AppVersion
  #error AppVersion is not defined: pass /DAppVersion=X.Y.Z (python scripts/project_version.py)
#endif
#ifndef AppNumericVersion
  ; Windows' file version takes four numbers only: a pre-release (0.2.0b1) must pass
  ; /DAppNumericVersion too (python scripts/project_version.py --numeric).
  #define AppNumericVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\cesec-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Centras Securities Desktop"
#define AppPublisher "Centras Securities JSC"
#define AppExeName "cesec-desktop.exe"
; Where the app keeps the user's data (cesec_desktop/settings.py): QSettings' organisation and
; application names. Qt puts data_dir() (the demo database, downloaded updates) and log_dir()
; (its logs folder) under %LOCALAPPDATA%\<organisation>\<application>, and the settings in the
; registry under HKCU\Software\<organisation>\<application>.
#define DataOrganization "Centras Securities"
#define DataApplication "cesec-desktop"

[Setup]
; AppId identifies the installation across versions (upgrades, the uninstaller's registry
; key): never change it. The doubled brace is Inno Setup's escape for a literal one.
AppId={{2327310D-1ADF-475D-B32D-B9245117C3D2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=(c) {#AppPublisher}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} Setup
VersionInfoProductName={#AppName}
VersionInfoCopyright=(c) {#AppPublisher}
; Per user, no UAC prompt: {autopf} is then %LOCALAPPDATA%\Programs and {autoprograms} the
; user's Start menu. The app's updates run this installer again, silently, as the same user.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; PySide6 6.11 runs on 64-bit Windows 10 and newer only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=cesec-desktop-{#AppVersion}-windows-x64
SetupIconFile=..\..\resources\app.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running app holds its files: the Restart Manager closes it (an update's hand-off has the
; app quit by itself already; this covers a user who installs by hand while it runs).
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Kazakh translation of its own pages: Kazakh users get Russian ones.
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
english.RemoveUserData=Also remove your {#AppName} settings, logs and downloaded updates from this computer?%n%nChoose No to keep them for a later installation.
russian.RemoveUserData=Удалить также настройки, журналы и скачанные обновления {#AppName} с этого компьютера?%n%nВыберите «Нет», чтобы сохранить их для следующей установки.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: a library the new version no longer ships must not stay
; behind in _internal to be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
Filename: "{app}\{#AppExeName}"; Flags: nowait; Check: RestartAfterUpdate

[UninstallDelete]
; `--self-check` of a windowed build writes its report to the current folder.
Type: files; Name: "{app}\cesec-desktop-self-check.txt"

[Code]
var
  RemoveUserData: Boolean;

function CommandLineHas(const Switch: String): Boolean;
var
  Index: Integer;
begin
  Result := False;
  for Index := 1 to ParamCount do
    if CompareText(ParamStr(Index), Switch) = 0 then
    begin
      Result := True;
      Exit;
    end;
end;

{ The app's "Install and restart" runs the installer silently: start the new version after. }
function RestartAfterUpdate: Boolean;
begin
  Result := WizardSilent and not CommandLineHas('/NORESTARTAPP');
end;

{ The user's data: the data folder (with logs/ and the update cache) and the settings key.
  Saved sign-ins stay in Windows Credential Manager: the app forgets them when the user signs
  out or unticks Remember me. }
procedure DeleteUserData;
var
  DataRoot: String;
begin
  DataRoot := ExpandConstant('{localappdata}\{#DataOrganization}');
  DelTree(DataRoot + '\{#DataApplication}', True, True, True);
  RemoveDir(DataRoot);  { only when no other app of the organisation left files there }
  RegDeleteKeyIncludingSubkeys(HKCU, 'Software\{#DataOrganization}\{#DataApplication}');
  RegDeleteKeyIfEmpty(HKCU, 'Software\{#DataOrganization}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  case CurUninstallStep of
    usUninstall:
      { Asked once the user has confirmed the uninstall. No is the default, and the answer of
        an unattended uninstall (/SUPPRESSMSGBOXES): data is only removed on request. }
      RemoveUserData := SuppressibleMsgBox(CustomMessage('RemoveUserData'), mbConfirmation,
        MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
    usPostUninstall:
      if RemoveUserData then
        DeleteUserData;
  end;
end;
