"""Release tooling: keep the TUF update repository that the app's update check reads.

    python scripts/tuf_repo.py init --repo DIR --keys DIR
    python scripts/tuf_repo.py add-target --repo DIR --keys DIR --channel C --platform P \\
        --version V --notes-json FILE --released YYYY-MM-DD ARTIFACT
    python scripts/tuf_repo.py timestamp --repo DIR --keys DIR

`init` makes the four top-level keys (ed25519, in --keys: keep them out of the repository
and out of git; the release pipeline restores them from its secrets) and version 1 of every
role; `{repo}/root.json` is then the root to ship with the app. `add-target` adds a release
file as `{channel}/cesec-desktop-{version}-{platform}.{ext}` with its notes (the JSON of
scripts/release_notes.py: {"en", "kk", "ru"}), rewrites the channel's index and signs
targets, snapshot and timestamp. `timestamp` re-signs snapshot and timestamp with fresh
expiry: run it more often than the timestamp's one-day lifetime. Upload `{repo}/metadata/`
and `{repo}/targets/` to the update server as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cesec_desktop.domain.releases import (  # noqa: E402
    CHANNELS,
    EXTENSIONS,
    PLATFORMS,
    ReleaseDataError,
)
from cesec_desktop.mockserver.update_repository import (  # noqa: E402
    RepositoryStateError,
    UpdateRepository,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tuf_repo.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("init", "make the keys and an empty repository"),
        ("add-target", "add a release file and sign"),
        ("timestamp", "re-sign snapshot and timestamp"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("--repo", required=True, type=Path, help="the repository folder")
        command.add_argument("--keys", required=True, type=Path, help="the private keys folder")
        if name == "add-target":
            command.add_argument("--channel", required=True, choices=CHANNELS)
            command.add_argument("--platform", required=True, choices=PLATFORMS)
            command.add_argument("--version", required=True)
            command.add_argument("--notes-json", required=True, type=Path)
            command.add_argument("--released", required=True, metavar="YYYY-MM-DD")
            command.add_argument("artifact", type=Path)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "init":
            repo = UpdateRepository.init(args.repo, keys_dir=args.keys)
            print(
                f"made {repo.metadata_dir}; ship {repo.write_trusted_root(args.repo / 'root.json')}"
            )
            return 0
        repo = UpdateRepository.open(args.repo, keys_dir=args.keys)
        if args.command == "timestamp":
            repo.refresh_timestamp()
            print(f"timestamp version {repo.version('timestamp')}")
            return 0
        return _add_target(repo, args)
    except (RepositoryStateError, ReleaseDataError, ValueError, OSError) as exc:
        print(f"tuf_repo.py {args.command}: {exc}", file=sys.stderr)
        return 1


def _add_target(repo: UpdateRepository, args: argparse.Namespace) -> int:
    ext = EXTENSIONS[args.platform]
    if not args.artifact.name.endswith(f".{ext}"):
        raise ValueError(f"a {args.platform} release is a .{ext} file, not {args.artifact.name}")
    notes = json.loads(args.notes_json.read_text(encoding="utf-8"))
    if not isinstance(notes, dict):
        raise ValueError(f"{args.notes_json}: expected an object of notes by language")
    release = repo.publish(
        args.version, args.platform, args.channel, args.artifact, notes, args.released
    )
    print(f"added {release.target_path} ({release.length} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
