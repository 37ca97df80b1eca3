"""Security settings reach every Kafka client (aiokafka and faust), YAML is loaded safely, rules are bounded."""

from __future__ import annotations

import re
import ssl
import subprocess
from pathlib import Path

import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from streams.app import broker_credentials
from streams.config import load_settings
from streams.kafka import client_options
from tests.conftest import ROOT

pytestmark = pytest.mark.reliability


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A self-signed certificate and its key (the certificate doubles as the CA file)."""
    folder = tmp_path_factory.mktemp("pki")
    cert, key = folder / "client.pem", folder / "client.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=newswatch",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return {"ssl_cafile": str(cert), "ssl_certfile": str(cert), "ssl_keyfile": str(key)}


def settings_from_env(**env: str):
    return load_settings(environ={f"NEWSWATCH_{k.upper()}": v for k, v in env.items()})


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_over_ssl_passes_through(mechanism: str, pki: dict[str, str]) -> None:
    settings = settings_from_env(broker="kafka://k1:9093;kafka://k2:9093", security_protocol="sasl_ssl",
                                 sasl_mechanism=mechanism, sasl_username="svc", sasl_password="pw",
                                 ssl_cafile=pki["ssl_cafile"])
    options = client_options(settings)
    assert options["bootstrap_servers"] == "k1:9093,k2:9093"
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == mechanism
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("svc", "pw")
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert options["ssl_context"].verify_mode == ssl.CERT_REQUIRED

    faust_options = credentials_to_aiokafka_auth(broker_credentials(settings))
    assert faust_options["security_protocol"] == "SASL_SSL"
    assert faust_options["sasl_mechanism"] == mechanism
    assert (faust_options["sasl_plain_username"], faust_options["sasl_plain_password"]) == ("svc", "pw")
    assert isinstance(faust_options["ssl_context"], ssl.SSLContext)


def test_sasl_plaintext_has_no_ssl_context() -> None:
    settings = settings_from_env(security_protocol="SASL_PLAINTEXT", sasl_mechanism="PLAIN", sasl_username="u",
                                 sasl_password="p")
    options = client_options(settings)
    assert options["security_protocol"] == "SASL_PLAINTEXT" and "ssl_context" not in options
    faust_options = credentials_to_aiokafka_auth(broker_credentials(settings))
    assert faust_options["security_protocol"] == "SASL_PLAINTEXT" and faust_options["ssl_context"] is None


def test_mutual_tls_loads_ca_certificate_and_key(pki: dict[str, str]) -> None:
    settings = settings_from_env(security_protocol="SSL", **pki)
    options = client_options(settings)
    assert options["security_protocol"] == "SSL" and "sasl_mechanism" not in options
    context = options["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert any(c["subject"] == ((("commonName", "newswatch"),),) for c in context.get_ca_certs())
    faust_options = credentials_to_aiokafka_auth(broker_credentials(settings))
    assert faust_options["security_protocol"] == "SSL"
    assert isinstance(faust_options["ssl_context"], ssl.SSLContext)


def test_plaintext_default_sends_no_credentials() -> None:
    settings = settings_from_env(sasl_password="ignored-without-mechanism")
    assert client_options(settings) == {"bootstrap_servers": "localhost:9092", "security_protocol": "PLAINTEXT"}
    assert broker_credentials(settings) is None


def test_wrong_key_fails_at_startup_not_silently(pki: dict[str, str], tmp_path: Path) -> None:
    other = tmp_path / "other.key"
    subprocess.run(["openssl", "genrsa", "-out", str(other), "2048"], check=True, capture_output=True, timeout=60)
    settings = settings_from_env(security_protocol="SSL", **{**pki, "ssl_keyfile": str(other)})
    with pytest.raises(ssl.SSLError):
        client_options(settings)


def test_secrets_are_redacted_in_settings_dump() -> None:
    settings = settings_from_env(sasl_password="s3cret-pw", api_token="s3cret-token")
    dumped = str(settings.redacted())
    assert "s3cret" not in dumped and dumped.count("***") == 2


def test_yaml_is_always_loaded_safely() -> None:
    """`yaml.safe_load`, or `yaml.load` with a safe loader (watch rules use libyaml's CSafeLoader when present)."""
    import yaml

    from streams.watch import rules

    unsafe = re.compile(r"yaml\.(unsafe_load|full_load|load_all)\s*\(|(Unsafe|Full)Loader|yaml\.Loader\b")
    offenders = []
    for path in (ROOT / "streams").rglob("*.py"):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if unsafe.search(line) or ("yaml.load(" in line and "SAFE" not in line.upper()):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
    assert rules._SAFE_LOADER in {yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)}
    with pytest.raises(rules.RuleError):
        rules._parse_text("!!python/object/apply:os.system ['true']")


@pytest.mark.parametrize("rule", [
    {"id": "many-terms", "kind": "keyword", "terms": [f"t{n}" for n in range(20_000)]},
    {"id": "long-term", "kind": "keyword", "terms": ["x" * 100_000]},
    {"id": "x" * 10_000, "kind": "actor", "name": "Long Id"},
    {"id": "long-name", "kind": "actor", "name": "N" * 100_000},
])
def test_huge_rules_are_rejected(rule: dict) -> None:
    from streams.watch.rules import RuleError, parse_rule

    with pytest.raises((RuleError, ValueError)):
        parse_rule(rule)
