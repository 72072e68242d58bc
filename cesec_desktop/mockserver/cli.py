"""`cesec-mock-backend`: run the mock backend and print its URL once it is listening."""

from __future__ import annotations

import argparse
import gc
import logging
import socket
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from cesec_desktop.domain.releases import check_version
from cesec_desktop.mockserver.book_seed import MAX_BROKER_CLIENTS
from cesec_desktop.mockserver.config import ServerConfig

if TYPE_CHECKING:
    from fastapi import FastAPI

    from cesec_desktop.mockserver.scenario_source import ScenarioSource

MAX_HISTORY = 100_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="cesec-mock-backend", description="Stateful mock of the cabinet API."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument(
        "--db",
        default="cesec-mock.sqlite3",
        help="SQLite file (kept across restarts); ':memory:' for a throw-away",
    )
    parser.add_argument("--seed", type=int, default=2026, help="seed of the random world")
    parser.add_argument("--always-open", action="store_true", help="ignore market hours")
    parser.add_argument(
        "--tick-rate",
        type=float,
        default=50.0,
        help="quote updates per second across all instruments",
    )
    parser.add_argument(
        "--history-size",
        type=int,
        default=600,
        help=f"demo client's transactions of history (up to {MAX_HISTORY})",
    )
    parser.add_argument(
        "--synthetic-instruments",
        type=int,
        default=0,
        help="extra hidden test instruments for load tests",
    )
    parser.add_argument(
        "--broker-clients",
        type=int,
        default=None,
        metavar="N",
        help=f"the broker watches N clients (up to {MAX_BROKER_CLIENTS}; default: the seed's four)",
    )
    parser.add_argument(
        "--scenario",
        default=None,
        metavar="NAME|FILE",
        help="start a scenario's world (a shipped name or a .toml file); the database is "
        "made afresh for it",
    )
    parser.add_argument(
        "--list-scenarios", action="store_true", help="print the shipped scenarios and exit"
    )
    parser.add_argument(
        "--print-demo-secrets",
        action="store_true",
        help="print the demo second-factor user's authenticator secret, its otpauth URI and "
        "backup codes, and exit",
    )
    parser.add_argument("--no-simulate", action="store_true", help="freeze the market")
    parser.add_argument(
        "--updates-dir",
        default=None,
        metavar="DIR",
        help="the TUF update repository served at /updates/ (default: beside the --db file; "
        "a temporary folder with ':memory:')",
    )
    parser.add_argument(
        "--publish-update",
        action="append",
        default=[],
        metavar="VERSION",
        help="publish this version (stable, every platform) at start; may be repeated",
    )
    parser.add_argument("--log-level", default="info")
    parser.add_argument(
        "--exit-with-stdin",
        action="store_true",
        help="exit when stdin closes (the demo launcher's parent died)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.history_size <= MAX_HISTORY:
        parser.error(f"--history-size must be between 0 and {MAX_HISTORY}")
    if args.broker_clients is not None and not 0 <= args.broker_clients <= MAX_BROKER_CLIENTS:
        parser.error(f"--broker-clients must be between 0 and {MAX_BROKER_CLIENTS}")
    if args.tick_rate < 0:
        parser.error("--tick-rate must not be negative")
    for version in args.publish_update:
        try:
            check_version(version)
        except ValueError:
            parser.error(f"--publish-update {version}: not a PEP 440 version")
    args.scenario_source = _scenario(parser, args.scenario) if args.scenario else None
    return args


def _scenario(parser: argparse.ArgumentParser, name_or_file: str) -> ScenarioSource:
    """The `--scenario` checked now, so a bad file stops the start with its line numbers."""
    from cesec_desktop.mockserver.scenario_catalogue import catalogue, load_scenario
    from cesec_desktop.mockserver.scenario_source import ScenarioError, UnknownScenario

    try:
        return load_scenario(name_or_file)
    except UnknownScenario:
        names = ", ".join(entry.name for entry in catalogue()) or "none"
        parser.error(f"--scenario {name_or_file}: no such file or shipped scenario ({names})")
    except ScenarioError as exc:
        parser.error(f"--scenario {name_or_file}:\n  " + "\n  ".join(exc.problems))


def list_scenarios() -> None:
    from cesec_desktop.mockserver.scenario_catalogue import catalogue

    entries = catalogue()
    width = max((len(e.name) for e in entries), default=0)
    for entry in entries:
        print(f"{entry.name:<{width}}  {entry.purpose}")


class _AnnouncingServer(uvicorn.Server):
    """Prints the URL after the socket listens, so a parent process can read it."""

    def __init__(self, config: uvicorn.Config, url: str, before: list[str]) -> None:
        super().__init__(config)
        self.url = url
        self.before = before

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            # Lines a parent reads (demo.py) come before the URL, which ends its wait.
            for line in self.before:
                print(line, flush=True)
            print(f"cesec-mock-backend listening on {self.url}", flush=True)


def _updates_dir(args: argparse.Namespace) -> tuple[Path, object]:
    """Where the update repository lives, and what keeps a temporary one alive."""
    if args.updates_dir:
        return Path(args.updates_dir).expanduser().resolve(), None
    if args.db != ":memory:":
        db = Path(args.db).expanduser().resolve()
        return db.with_name(f"{db.stem}-updates"), None
    temp = tempfile.TemporaryDirectory(prefix="cesec-mock-updates-")
    return Path(temp.name), temp


def _prepare_updates(app: FastAPI, directory: Path, versions: list[str]) -> Path:
    """Publish the asked-for versions, freshen the signatures, write the trusted root."""
    from cesec_desktop.mockserver.routers.updates import repository_of

    repo = repository_of(app)
    for version in versions:
        repo.publish_demo(version)
    repo.ensure_fresh()
    return repo.write_trusted_root(directory / "root.json")


def print_demo_secrets() -> None:
    """What a tester types into an authenticator app for the `twofa` demo user. These are
    the seed's public demo values, printed only when asked, never logged."""
    from cesec_desktop.mockserver.seed import TWOFA_BACKUP_CODES, TWOFA_LOGIN, TWOFA_SECRET
    from cesec_desktop.mockserver.two_factor import otpauth_uri

    print(f"login: {TWOFA_LOGIN}")
    print(f"secret: {TWOFA_SECRET}")
    print(f"otpauth-uri: {otpauth_uri(TWOFA_LOGIN, TWOFA_SECRET)}")
    print("backup-codes: " + " ".join(TWOFA_BACKUP_CODES))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list_scenarios:
        list_scenarios()
        return 0
    if args.print_demo_secrets:
        print_demo_secrets()
        return 0
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from cesec_desktop.mockserver.app import create_app

    if args.exit_with_stdin:
        from cesec_desktop.mockserver.watchdog import exit_when_stdin_closes

        exit_when_stdin_closes()

    config = ServerConfig(
        db_path=args.db,
        seed=args.seed,
        always_open=args.always_open,
        tick_rate=args.tick_rate,
        history_size=args.history_size,
        synthetic_instruments=args.synthetic_instruments,
        broker_clients=args.broker_clients,
        simulate=not args.no_simulate,
        scenario=args.scenario_source,
    )
    # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off only on sockets that say TCP,
    # and with it on every small answer on a kept-alive connection waited ~40 ms.
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        print(
            f"cesec-mock-backend: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr
        )
        return 2
    host, port = sock.getsockname()[:2]
    url = f"http://{host}:{port}" if ":" not in host else f"http://[{host}]:{port}"
    updates_dir, _keep = _updates_dir(args)
    app = create_app(config, updates_dir=updates_dir)
    try:
        root = _prepare_updates(app, updates_dir, args.publish_update)
    except ValueError as exc:
        print(f"cesec-mock-backend: --publish-update: {exc}", file=sys.stderr)
        return 2
    # The seeded world is long-lived: move it out of the collector's way so that full
    # collections (30-40 ms with 100k rows of history in memory) do not land on requests.
    gc.collect()
    gc.freeze()
    server = _AnnouncingServer(
        uvicorn.Config(
            app,
            log_level=args.log_level,
            access_log=False,
            ws="websockets-sansio",
            # Loopback only: compressing 20,000 quotes/s costs CPU and saves nothing.
            ws_per_message_deflate=False,
        ),
        url,
        [f"updates-root: {root}"],
    )
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
