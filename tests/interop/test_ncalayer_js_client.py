"""The mock NCALayer judged by the real JS client library and its recording of a real app.

ncalayer-js-client 1.5.6 (pinned in package.json here) ships test/test-data.json: 50
exchanges recorded against real KAZTOKEN desktop (task, request frame, response, library
result). replay.js runs every task through the library against the mock, started here in
the mode each recorded answer needs; this test compares the mock's answers with the
recorded ones and verifies every signature the library got back.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from signature_checks import check_cms, check_xml

from cesec_desktop.mockserver import pki
from cesec_desktop.mockserver.ncalayer import MockNCALayer

HERE = Path(__file__).resolve().parent
LIBRARY = HERE / "node_modules" / "ncalayer-js-client"
RECORDING = LIBRARY / "test" / "test-data.json"
INSTALL_HINT = "run `npm ci --prefix tests/interop` (needs node 20 and npm)"
NODE_TIMEOUT = 120
# Which mock each recorded exchange needs: options for MockNCALayer.
CONFIGS: dict[str, dict[str, Any]] = {
    "kaztoken": {"app": "kaztoken"},
    "approve": {},
    "tokens": {"active_tokens": ["AKKaztokenStore"]},
    "cancel": {"mode": "cancel"},
}
# getKeyInfo's recorded certNotBefore "1" stands for a stripped date (exchange 5).
_STRIPPED_VALUES = {"response.responseObject.certNotBefore"}
_STRIPPED_XML_PARTS = [
    (re.compile(r"<ds:SignatureValue>.*?</ds:SignatureValue>", re.S), "<ds:SignatureValue/>"),
    (re.compile(r"<ds:X509Certificate>.*?</ds:X509Certificate>", re.S), "<ds:X509Certificate/>"),
    (re.compile(r'<ds:SignatureMethod Algorithm="[^"]*"/>'), "<ds:SignatureMethod/>"),
]


def _config(entry: dict[str, str]) -> str:
    """The mock an exchange needs, read from the recorded answer."""
    response = json.loads(entry["response"])
    request = json.loads(entry["request"])
    if "initMessage" in entry:
        return "kaztoken"
    if request.get("method") == "getActiveTokens" and response.get("responseObject"):
        return "tokens"
    if response.get("message") == "action.canceled" or response.get("body") == {}:
        return "cancel"
    return "approve"


@contextmanager
def _mocks() -> Iterator[dict[str, MockNCALayer]]:
    """One mock per configuration, on free loopback ports, served from a background loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    servers = {
        name: MockNCALayer(host="127.0.0.1", port=0, tls=False, **options)
        for name, options in CONFIGS.items()
    }

    def call(coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=30)

    try:
        for server in servers.values():
            call(server.start())
        yield servers
    finally:
        for server in servers.values():
            call(server.stop())
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


def _node() -> str:
    """The node binary and an installed library, or a failure that says how to get them."""
    node = shutil.which("node")
    if node is None or not RECORDING.is_file():
        pytest.fail(f"ncalayer-js-client is not installed: {INSTALL_HINT}", pytrace=False)
    version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30)
    major = int(version.stdout.strip().lstrip("v").split(".")[0] or 0)
    if major < 20:
        pytest.fail(f"node {version.stdout.strip()} is too old: {INSTALL_HINT}", pytrace=False)
    return node


def _replay(tmp_path: Path) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """Run replay.js against the mocks; the recording and the library's report."""
    node = _node()
    recording = json.loads(RECORDING.read_text(encoding="utf-8"))
    with _mocks() as servers:
        plan = [servers[_config(entry)].url for entry in recording]
        plan_file = tmp_path / "plan.json"
        plan_file.write_text(json.dumps(plan), encoding="utf-8")
        report_file = tmp_path / "report.json"
        try:
            done = subprocess.run(
                [node, str(HERE / "replay.js"), str(plan_file), str(report_file)],
                cwd=HERE,
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"replay.js did not finish in {NODE_TIMEOUT} s", pytrace=False)
    assert done.returncode == 0, done.stderr
    return recording, json.loads(report_file.read_text(encoding="utf-8"))


def _same_shape(recorded: Any, ours: Any, where: str, problems: list[str]) -> None:
    """Same JSON types; objects keep the recorded keys in the recorded order."""
    if isinstance(recorded, dict):
        if not isinstance(ours, dict):
            problems.append(f"{where}: {type(ours).__name__} instead of an object")
            return
        shared = [key for key in ours if key in recorded]
        if shared != list(recorded):
            problems.append(f"{where}: keys {list(ours)} instead of {list(recorded)}")
        for key in recorded:
            if key in ours:
                _same_shape(recorded[key], ours[key], f"{where}.{key}", problems)
    elif isinstance(recorded, list):
        if not isinstance(ours, list) or len(ours) != len(recorded):
            problems.append(f"{where}: {ours!r:.80} instead of {len(recorded)} items")
            return
        for i, (a, b) in enumerate(zip(recorded, ours, strict=True)):
            _same_shape(a, b, f"{where}[{i}]", problems)
    elif type(recorded) is not type(ours):
        problems.append(f"{where}: {type(ours).__name__} instead of {type(recorded).__name__}")
    elif isinstance(recorded, str):
        _same_text(recorded, ours, where, problems)


def _same_text(recorded: str, ours: str, where: str, problems: list[str]) -> None:
    """Texts: equal, unless the recording stripped a signature (then the layout must match)."""
    if recorded.startswith("<?xml"):
        skeleton = [recorded, ours]
        for pattern, replacement in _STRIPPED_XML_PARTS:
            skeleton = [pattern.sub(replacement, text) for text in skeleton]
        if skeleton[0] != skeleton[1]:
            problems.append(f"{where}: XML layout differs:\n{skeleton[1]}\n{skeleton[0]}")
    elif recorded.startswith("-----BEGIN CMS-----"):
        if not (
            ours.startswith("-----BEGIN CMS-----\n") and ours.endswith("\n-----END CMS-----\n")
        ):
            problems.append(f"{where}: not PEM-armoured like the recording: {ours:.40}")
    elif _deterministic(recorded, where) and recorded != ours:
        problems.append(f"{where}: {ours!r} instead of {recorded!r}")


def _deterministic(recorded: str, where: str) -> bool:
    """Whether a recorded text is the app's real answer, not a stripped placeholder."""
    return "stripped to protect" not in recorded and where not in _STRIPPED_VALUES


def _expected_result(entry: dict[str, str]) -> Any:
    """The library's recorded result, read the way its test/index.js reads it."""
    if "result" not in entry:
        return None
    try:
        parsed = json.loads(entry["result"])
    except ValueError:
        return entry["result"]
    return entry["result"] if isinstance(parsed, int | float) else parsed


def _check_exchange(entry: dict[str, str], outcome: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if not outcome["responses"]:
        return ["unanswered"]
    if outcome["requests"][-1] != entry["request"]:
        problems.append(f"request {outcome['requests'][-1]} differs from the recorded one")
    if "initMessage" in entry:
        _same_shape(
            json.loads(entry["initMessage"]),
            json.loads(outcome["responses"][0]),
            "greeting",
            problems,
        )
        if outcome["responses"][0] != entry["initMessage"]:
            problems.append(f"greeting {outcome['responses'][0]} instead of {entry['initMessage']}")
    _same_shape(
        json.loads(entry["response"]), json.loads(outcome["responses"][-1]), "response", problems
    )
    expected = _expected_result(entry)
    if isinstance(expected, str) and expected.startswith("NCALayerError"):
        if outcome["result"] != expected:
            problems.append(f"library error {outcome['result']!r} instead of {expected!r}")
    elif "result" not in entry:
        if outcome["resultType"] != "undefined":
            problems.append(f"library result {outcome['result']!r} instead of undefined")
    elif type(outcome["result"]) is not type(expected):
        problems.append(f"library result {outcome['result']!r:.60} is not like {expected!r:.60}")
    return problems


def _verify_signatures(outcome: dict[str, Any]) -> int:
    """Verify every CMS and XML signature the library returned; how many were checked."""
    if not outcome["ok"] or outcome["result"] is None:
        return 0
    request = json.loads(outcome["requests"][-1])
    args, result, exec_ = request.get("args"), outcome["result"], outcome["exec"]
    if exec_ in ("createCAdESFromBase64", "createCMSSignatureFromBase64"):
        _by_demo(check_cms(result, content=base64.b64decode(args[2]), attached=args[3]))
    elif exec_ == "createCAdESFromBase64Hash":
        _by_demo(check_cms(result, digest=base64.b64decode(args[2]), attached=False))
    elif exec_ in ("signXml", "signXmls", "basicsSignXML"):
        documents = args["data"] if exec_ == "basicsSignXML" else args[2]
        documents = documents if isinstance(documents, list) else [documents]
        results = result if isinstance(result, list) else [result]
        for signed, document in zip(results, documents, strict=True):
            _by_demo(check_xml(signed, document))
        return len(results)
    elif exec_ == "basicsSignCMS":
        params = args["signingParams"]
        documents = args["data"] if isinstance(args["data"], list) else [args["data"]]
        results = result if isinstance(result, list) else [result]
        digested = params.get("digested", False)
        for cms, document in zip(results, documents, strict=True):
            data = base64.b64decode(document)
            cert = check_cms(
                cms,
                content=None if digested else data,
                digest=data if digested else None,
                attached=params.get("encapsulate", True) and not digested,
                timestamped=isinstance(params.get("tsaProfile"), dict),
            )
            _by_demo(cert)
        return len(results)
    else:
        return 0
    return 1


def _by_demo(cert: x509.Certificate) -> None:
    """The mock signs with the committed demo signer, so the library got the mock's key."""
    assert cert == pki.load_demo_signer()[0]


def test_every_recorded_exchange_is_answered_in_the_recorded_shape(tmp_path: Path) -> None:
    recording, report = _replay(tmp_path)
    assert len(report) == len(recording) == 50
    failures = {}
    for entry, outcome in zip(recording, report, strict=True):
        problems = _check_exchange(entry, outcome)
        if problems:
            failures[outcome["index"]] = problems
    unanswered = sum(1 for outcome in report if not outcome["responses"])
    print(f"{unanswered} unanswered recorded exchanges of {len(recording)}")
    assert unanswered == 0
    assert failures == {}
    signatures = sum(_verify_signatures(outcome) for outcome in report)
    print(f"{signatures} signatures verified")
    # commonUtils: 11 CMS, 3 signXml, 2 x 3 signXmls; basics: 1 XML, 5 CMS, 3 multi-signed.
    assert signatures == 29


def test_missing_library_fails_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="npm ci --prefix tests/interop"):
        _node()
