#!/usr/bin/env bash
# Signs, notarises and staples a disk image when the signing and notary secrets exist;
# otherwise says which part is skipped. Usage: packaging/macos/notarize.sh DMG
#
# Reads CESEC_CODESIGN_IDENTITY (set by import_certificate.sh), APPLE_ID, APPLE_TEAM_ID and
# APPLE_APP_PASSWORD (an app-specific password) from the environment. Notarising the image
# covers the signed .app inside it; the ticket is stapled to the image, so Gatekeeper accepts
# it offline too.
set -euo pipefail

dmg=$1
if [ -z "${CESEC_CODESIGN_IDENTITY:-}" ]; then
  echo "::warning::macOS signing skipped: no signing identity, so $dmg is neither signed nor notarised"
  exit 0
fi
codesign --sign "$CESEC_CODESIGN_IDENTITY" --timestamp "$dmg"
codesign --verify --strict --verbose=2 "$dmg"

if [ -z "${APPLE_ID:-}" ] || [ -z "${APPLE_TEAM_ID:-}" ] || [ -z "${APPLE_APP_PASSWORD:-}" ]; then
  echo "::warning::macOS notarisation skipped: the APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD secrets are not set; $dmg is signed but not notarised"
  exit 0
fi

result="$RUNNER_TEMP/notarytool.json"
xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
  --password "$APPLE_APP_PASSWORD" --wait --timeout 45m --output-format json > "$result"
status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$result")
if [ "$status" != "Accepted" ]; then
  id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$result")
  echo "::error::notarisation of $dmg ended $status; Apple's log follows"
  xcrun notarytool log "$id" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD"
  exit 1
fi
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
