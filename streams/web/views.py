"""HTTP endpoints on the worker's web server: health, readiness, Prometheus metrics and the watchlist API."""

from __future__ import annotations

import contextlib
import hmac
from typing import Any

import faust
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from streams.config import Settings
from streams.metrics import CONSUMER_LAG, MODEL_LOAD_SECONDS, REGISTRY
from streams.topics import encode


def register(app: faust.App, settings: Settings, topics: Any, runner: Any, state: Any) -> None:
    """Attach the views to `app` (wiring only: the logic is in the runner, the state and the watch package)."""

    def assigned() -> bool:
        try:
            return bool(app.consumer.assignment())
        except Exception:
            return False

    def update_lag() -> None:
        """Lag per assigned partition: high watermark minus the committed offset (what a restart would re-read)."""
        consumer = app.consumer
        committed = getattr(consumer, "_committed_offset", {})  # faust keeps no public accessor for it
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            position = committed.get(tp)
            if highwater is not None:
                CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(max(0, highwater - (position or 0)))

    def unauthorized(view: View, request: Request) -> Response | None:
        if not settings.api_token:
            return view.json({"error": "watchlist API disabled: set NEWSWATCH_API_TOKEN"}, status=403)
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else ""
        if not hmac.compare_digest(token.encode(), settings.api_token.encode()):
            return view.json({"error": "missing or wrong bearer token"}, status=401)
        return None

    @app.page("/healthz")
    class Health(View):
        async def get(self, request: Request) -> Response:
            return self.json({"status": "ok"})

    @app.page("/readyz")
    class Ready(View):
        async def get(self, request: Request) -> Response:
            checks = {"models_loaded": runner.ready, "partitions_assigned": assigned()}
            return self.json({"ready": all(checks.values()), **checks}, status=200 if all(checks.values()) else 503)

    @app.page("/metrics")
    class Metrics(View):
        async def get(self, request: Request) -> Response:
            for model, seconds in runner.model_load_seconds.items():
                MODEL_LOAD_SECONDS.labels(model).set(seconds)
            with contextlib.suppress(Exception):  # lag is best effort; never fail a scrape on it
                update_lag()
            return self.bytes(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.page("/watchlists")
    class Watchlists(View):
        async def get(self, request: Request) -> Response:
            if (denied := unauthorized(self, request)) is not None:
                return denied
            return self.json({"rules": [rule.to_dict() for rule in state.rules()]})

    @app.page("/watchlists/{rule_id}")
    class WatchlistRule(View):
        async def get(self, request: Request, rule_id: str) -> Response:
            if (denied := unauthorized(self, request)) is not None:
                return denied
            found = [rule for rule in state.rules() if rule.id == rule_id]
            if not found:
                return self.json({"error": f"no rule {rule_id!r}"}, status=404)
            return self.json(found[0].to_dict())

        async def put(self, request: Request, rule_id: str) -> Response:
            from streams.watch.rules import RuleError, parse_rule

            if (denied := unauthorized(self, request)) is not None:
                return denied
            try:
                data = await request.json()
                if isinstance(data, dict):
                    data.setdefault("id", rule_id)
                rule = parse_rule(data)
            except (ValueError, RuleError) as exc:
                return self.json({"error": f"invalid rule: {exc}"}, status=400)
            if rule.id != rule_id:
                return self.json({"error": f"rule id {rule.id!r} differs from the URL's {rule_id!r}"}, status=400)
            await (await topics.watchlists.send(key=rule.id.encode(), value=encode(rule.to_dict())))
            return self.json({"status": "accepted", "rule": rule.to_dict()}, status=202)

        async def delete(self, request: Request, rule_id: str) -> Response:
            if (denied := unauthorized(self, request)) is not None:
                return denied
            await (await topics.watchlists.send(key=rule_id.encode(), value=None))
            return self.json({"status": "accepted", "deleted": rule_id}, status=202)
