#!/usr/bin/env bash
# Puts the Developer ID certificate into a temporary keychain for codesign, when the signing
# secrets exist; otherwise says so and leaves the build to PyInstaller's ad-hoc signature.
#
# Reads MACOS_CERTIFICATE (a base64 .p12), MACOS_CERTIFICATE_PASSWORD and
# MACOS_SIGNING_IDENTITY ("Developer ID Application: ... (TEAMID)") from the environment (the
# release workflow maps them from secrets). On success it exports CESEC_CODESIGN_IDENTITY to
# the following steps through $GITHUB_ENV: build.spec hands it to PyInstaller, which signs
# every binary and the .app with packaging/macos/entitlements.plist under the hardened runtime.
set -euo pipefail

if [ -z "${MACOS_CERTIFICATE:-}" ] || [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
  echo "::warning::macOS signing skipped: the MACOS_CERTIFICATE / MACOS_SIGNING_IDENTITY secrets are not set; the app is signed ad hoc and will not be notarised"
  exit 0
fi

keychain="$RUNNER_TEMP/cesec-signing.keychain-db"
certificate="$RUNNER_TEMP/cesec-signing.p12"
keychain_password=$(openssl rand -hex 24)
echo "::add-mask::$keychain_password"
trap 'rm -f "$certificate"' EXIT

security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"  # stays unlocked for the whole build
security unlock-keychain -p "$keychain_password" "$keychain"
printf '%s' "$MACOS_CERTIFICATE" | base64 --decode > "$certificate"
security import "$certificate" -k "$keychain" -P "${MACOS_CERTIFICATE_PASSWORD:-}" \
  -T /usr/bin/codesign >/dev/null
# codesign may use the key without a prompt (there is no one to answer it on a runner).
security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain" \
  >/dev/null
# The temporary keychain first, the user's existing ones after it.
existing=$(security list-keychains -d user | tr -d '"' | xargs)
# shellcheck disable=SC2086  # the existing keychains are separate words on purpose
security list-keychains -d user -s "$keychain" $existing

echo "CESEC_CODESIGN_IDENTITY=$MACOS_SIGNING_IDENTITY" >> "$GITHUB_ENV"
echo "macOS signing: PyInstaller will sign with the Developer ID identity from the secrets"
