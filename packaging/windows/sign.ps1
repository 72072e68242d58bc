# Authenticode-signs files with signtool when the signing secrets exist; otherwise says so and
# leaves them unsigned (a build without the secrets, e.g. on a fork, still makes an installer).
#
#   pwsh packaging/windows/sign.ps1 dist\cesec-desktop\cesec-desktop.exe
#
# Reads WINDOWS_CERTIFICATE (a base64 .pfx), WINDOWS_CERTIFICATE_PASSWORD and optionally
# WINDOWS_TIMESTAMP_URL from the environment (the release workflow maps them from secrets).
# The certificate only ever exists as a file in the runner's temporary folder, removed after.
param(
    [Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)]
    [string[]] $Files
)
$ErrorActionPreference = 'Stop'

if (-not $env:WINDOWS_CERTIFICATE) {
    Write-Output "::warning::Windows signing skipped: the WINDOWS_CERTIFICATE secret is not set, so $($Files -join ', ') stay unsigned (SmartScreen will warn users)"
    exit 0
}

$timestampUrl = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
$kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
$signtool = Get-ChildItem $kits -Recurse -Filter signtool.exe |
    Where-Object { $_.FullName -like '*\x64\*' } |
    Sort-Object FullName |
    Select-Object -Last 1
if (-not $signtool) {
    throw "signtool.exe not found under $kits (the Windows SDK)"
}

$certificate = Join-Path $env:RUNNER_TEMP 'signing.pfx'
[IO.File]::WriteAllBytes($certificate, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE))
try {
    & $signtool.FullName sign /f $certificate /p $env:WINDOWS_CERTIFICATE_PASSWORD `
        /fd SHA256 /tr $timestampUrl /td SHA256 /d 'Centras Securities Desktop' @Files
    if ($LASTEXITCODE -ne 0) {
        throw "signtool sign failed (exit $LASTEXITCODE)"
    }
    & $signtool.FullName verify /pa /v @Files
    if ($LASTEXITCODE -ne 0) {
        throw "signtool verify failed (exit $LASTEXITCODE)"
    }
}
finally {
    Remove-Item $certificate -Force -ErrorAction SilentlyContinue
}
