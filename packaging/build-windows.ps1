# Build Dispatch for Windows: dist\Dispatch-<ver>-windows-x64-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Needs Python 3.10+ (py launcher or python on PATH) and Inno Setup 6.3+
# (winget install JRSoftware.InnoSetup, or choco install innosetup). Uses .venv in the repo root.
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..").Path
Set-Location $Root

# --- Python with the app and PyInstaller ---
if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if (Get-Command py -ErrorAction SilentlyContinue) { py -3 -m venv .venv } else { python -m venv .venv }
}
$Py = Join-Path $Root ".venv\Scripts\python.exe"
& $Py -m pip install -q --upgrade pip
& $Py -m pip install -q -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
$Version = (& $Py -c "import app; print(app.__version__)").Trim()

# --- icon (.ico rendered from resources\dispatch-mail.svg by Qt) ---
& $Py packaging\icons.py build\icons --ico
$env:DISPATCH_ICON = Join-Path $Root "build\icons\dispatch-mail.ico"

# --- the catalogues (translations\*.ts -> app\ui\translations\*.qm), bundled by the spec ---
& $Py scripts\translations.py build
if ($LASTEXITCODE -ne 0) { throw "could not build the catalogues (pyside6-lrelease)" }

# --- PyInstaller onedir: dispatch-mail.exe (GUI) + dispatch-mail-console.exe (same app, with a console) ---
& $Py -m PyInstaller --noconfirm --clean --distpath build\pyinstaller\dist --workpath build\pyinstaller\work packaging\dispatch.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$Console = "build\pyinstaller\dist\dispatch-mail\dispatch-mail-console.exe"
& $Console --version
& $Console --self-test
if ($LASTEXITCODE -ne 0) { throw "the built app failed its self-test" }

# --- installer ---
$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    foreach ($p in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                     "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
        if (Test-Path $p) { $Iscc = $p; break }
    }
}
if (-not $Iscc) { throw "Inno Setup 6 not found: winget install JRSoftware.InnoSetup" }
& $Iscc "/DAppVersion=$Version" "/DRoot=$Root" packaging\windows\dispatch.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
Get-ChildItem dist\Dispatch-*-setup.exe
