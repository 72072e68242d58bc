#!/usr/bin/env bash
# The update server's TUF repository for the release workflows: fetched before a change and
# uploaded after it, with rsync over SSH. The private keys come from a secret.
#
#   packaging/update_server.sh pull REPO KEYS   # the published repository and the keys
#   packaging/update_server.sh push REPO        # targets first, then metadata, timestamp last
#
# Environment (the workflows map it from secrets):
#   TUF_KEYS                 base64 of a .tar.gz of the keys folder of
#                            `scripts/tuf_repo.py init --keys DIR`
#   UPDATES_RSYNC_PATH       user@host:/path/ of the folder holding metadata/ and targets/
#   UPDATES_SSH_KEY          the private key rsync logs in with
#   UPDATES_SSH_KNOWN_HOSTS  the server's host key line(s): the host is checked, never trusted
#                            on first use
# Without them `pull` says publishing is skipped and writes ready=false to $GITHUB_OUTPUT;
# the calling steps then do nothing. With them it writes ready=true.
set -euo pipefail

missing() {
  local name
  for name in TUF_KEYS UPDATES_RSYNC_PATH UPDATES_SSH_KEY UPDATES_SSH_KNOWN_HOSTS; do
    if [ -z "${!name:-}" ]; then
      echo "$name"
      return 0
    fi
  done
  return 1
}

use_ssh() {
  local key="$RUNNER_TEMP/updates_ssh_key" hosts="$RUNNER_TEMP/updates_known_hosts"
  (umask 077 && printf '%s\n' "$UPDATES_SSH_KEY" > "$key")
  printf '%s\n' "$UPDATES_SSH_KNOWN_HOSTS" > "$hosts"
  export RSYNC_RSH="ssh -i $key -o IdentitiesOnly=yes -o UserKnownHostsFile=$hosts -o StrictHostKeyChecking=yes"
  remote=${UPDATES_RSYNC_PATH%/}
}

case ${1:-} in
  pull)
    repo=$2 keys=$3
    if name=$(missing); then
      echo "::warning::TUF publishing skipped: the $name secret is not set; the artifacts are uploaded to this run only"
      echo "ready=false" >> "$GITHUB_OUTPUT"
      exit 0
    fi
    (umask 077 && mkdir -p "$keys")
    printf '%s' "$TUF_KEYS" | base64 --decode | tar -xz -C "$keys"
    use_ssh
    mkdir -p "$repo/metadata" "$repo/targets"
    # The whole repository: add-target rewrites the channel's release index, a target itself.
    rsync -a --delete "$remote/metadata/" "$repo/metadata/"
    rsync -a --delete "$remote/targets/" "$repo/targets/"
    echo "ready=true" >> "$GITHUB_OUTPUT"
    ;;
  push)
    repo=$2
    use_ssh
    # Clients start from timestamp.json: everything it leads to must be there before it.
    rsync -a "$repo/targets/" "$remote/targets/"
    rsync -a --exclude timestamp.json "$repo/metadata/" "$remote/metadata/"
    rsync -a "$repo/metadata/timestamp.json" "$remote/metadata/timestamp.json"
    ;;
  *)
    echo "usage: $0 pull REPO KEYS | push REPO" >&2
    exit 2
    ;;
esac
