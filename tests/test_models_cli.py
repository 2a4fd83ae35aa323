"""`quotes models` and `quotes nlp` through the real command in subprocesses."""

from __future__ import annotations

import shutil
import socket
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE, run_cli

pytestmark = pytest.mark.slow


def make_model_folder(root: Path) -> Path:
    """A Stanza resources folder with German pos/lemma/depparse models."""
    bundled = REPO / "data" / "models" / "de"
    (root / "de").mkdir(parents=True)
    (root / "resources.json").write_text('{"de": {"lang_name": "German"}}', encoding="utf-8")
    for processor, name in [("pos", "pos.pt"), ("lemma", "lemma.pt"), ("depparse", "depparse.pt")]:
        (root / "de" / processor).mkdir()
        shutil.copy(bundled / name, root / "de" / processor / f"test_{name}")
    return root


def test_status_reports_the_bundled_set_and_its_accuracy(cli_env) -> None:
    result = run_cli(["models", "status"], cli_env)
    assert result.returncode == 0, result.stderr
    assert "active set: bundled" in result.stdout
    assert "UPOS" in result.stdout and "LAS" in result.stdout
    assert "official set: not installed" in result.stdout


def test_install_folder_then_status_shows_official(tmp_path, cli_env) -> None:
    source = make_model_folder(tmp_path / "copied")
    target = tmp_path / "stanza_resources"
    result = run_cli(["models", "install", str(source), "--dir", str(target)], cli_env)
    assert result.returncode == 0, result.stderr
    assert (target / "de" / "pos" / "test_pos.pt").is_file()
    status = run_cli(["models", "status"], {**cli_env, "QUOTES_MODELS": ""})
    assert "active set: official" in status.stdout
    assert str(target) in status.stdout


def test_install_zip_archive(tmp_path, cli_env) -> None:
    source = make_model_folder(tmp_path / "folder" / "stanza_resources")
    archive = tmp_path / "models.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in source.rglob("*"):
            zipped.write(path, path.relative_to(tmp_path / "folder"))
    target = tmp_path / "installed"
    result = run_cli(["models", "install", str(archive), "--dir", str(target)], cli_env)
    assert result.returncode == 0, result.stderr
    assert (target / "resources.json").is_file()


@pytest.mark.parametrize("content", ["not a model", None])
def test_install_rejects_what_is_not_a_model_set(tmp_path, cli_env, content) -> None:
    source = tmp_path / "junk.txt"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    result = run_cli(["models", "install", str(source), "--dir", str(tmp_path / "out")], cli_env)
    assert result.returncode == 1
    assert result.stderr.startswith("Error:") and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def _network_reachable() -> bool:
    from urllib.parse import urlparse

    from stanza.resources.common import DEFAULT_RESOURCES_URL

    try:
        socket.create_connection((urlparse(DEFAULT_RESOURCES_URL).hostname, 443), timeout=3).close()
        return True
    except OSError:
        return False


def test_download_without_network_fails_with_one_line(tmp_path, cli_env) -> None:
    if _network_reachable():
        pytest.skip("a network is reachable here; the download would really run")
    result = run_cli(["models", "download", "--dir", str(tmp_path / "dl")], cli_env, timeout=300)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: could not download"), result.stderr


def test_nlp_prints_conllu_for_the_sample(cli_env) -> None:
    result = run_cli(["nlp", str(SAMPLE)], cli_env)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if line and not line.startswith("#")]
    sagte = [row for row in rows if row[1] == "sagte"]
    assert sagte and sagte[0][2] == "sagen"


def test_nlp_on_missing_and_binary_files_is_one_error_line(tmp_path, cli_env) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for path in [tmp_path / "missing.txt", binary]:
        result = run_cli(["nlp", str(path)], cli_env)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
