"""Offline checks of the deployment files: Dockerfile, docker-compose.yml, Kubernetes manifests, config example.

No network, no docker daemon, no cluster. Compose is validated against the vendored Compose Specification schema,
Kubernetes manifests (rendered from the kustomizations) against the Kubernetes OpenAPI-derived JSON schemas shipped
by the `kubernetes-validate` package, and every NEWSWATCH_* name against what streams.config actually reads.
"""

from __future__ import annotations

import copy
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import kubernetes_validate
import pytest
import typer.main
import yaml

from streams.config import ConfigError, Settings, env_var_names, load_settings, read_config_file
from streams.topics import topic_specs

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
K8S_BASE = DEPLOY / "k8s" / "base"
K8S_OVERLAY = DEPLOY / "k8s" / "overlays" / "example"
SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
DOCS = ROOT / "docs"

# Oldest and newest Kubernetes minor versions the manifests must be valid for.
K8S_VERSIONS = ("1.29", "1.33")
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass",
                  "StorageClass", "PersistentVolume"}
NEWSWATCH_NAME = re.compile(r"\bNEWSWATCH_[A-Z0-9_]*[A-Z0-9]\b")
DEFAULTS = Settings()


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- compose


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return load_yaml(COMPOSE_FILE)


@pytest.fixture(scope="module")
def compose_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / "compose-spec.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def newswatch_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: svc for name, svc in compose["services"].items() if svc.get("image", "").startswith("newswatch")}


def service_env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def interpolate_defaults(value: str) -> str:
    """Compose's ${VAR:-default} with VAR unset, which is what `docker compose up` does on a clean shell."""
    return re.sub(r"\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}", r"\1", value)


def test_compose_schema_is_the_vendored_one() -> None:
    notice = (SCHEMAS / "NOTICE.md").read_text(encoding="utf-8")
    assert "compose-spec/compose-spec" in notice
    assert re.search(r"\b[0-9a-f]{40}\b", notice), "NOTICE must pin the upstream commit"
    assert (SCHEMAS / "LICENSE.compose-spec").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_compose_file_is_valid_compose_spec(compose: dict[str, Any], compose_validator: Any) -> None:
    errors = sorted(compose_validator.iter_errors(compose), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.mark.parametrize(
    ("service", "mutate"),
    [
        ("worker-1", lambda s: s.__setitem__("depends_onn", s.pop("depends_on"))),
        ("worker-1", lambda s: s["depends_on"]["kafka"].__setitem__("condition", "service_ready")),
        ("kafka", lambda s: s["healthcheck"].__setitem__("intervall", "5s")),
        ("producer", lambda s: s.__setitem__("restart", ["no"])),
    ],
    ids=["typo-key", "bad-condition", "typo-healthcheck", "wrong-type"],
)
def test_compose_schema_rejects_real_mistakes(compose: dict[str, Any], compose_validator: Any, service: str,
                                              mutate: Any) -> None:
    broken = copy.deepcopy(compose)
    mutate(broken["services"][service])
    assert list(compose_validator.iter_errors(broken))


def test_compose_kafka_is_pinned_kraft_with_healthcheck(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    image, _, tag = kafka["image"].partition(":")
    assert image == "apache/kafka"
    assert re.fullmatch(r"\d+\.\d+\.\d+", tag), f"pin an exact apache/kafka tag, not {tag!r}"
    env = service_env(kafka)
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert not any("ZOOKEEPER" in key for key in env)
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])
    # The address the newswatch containers use must be one the broker advertises.
    advertised = {item.split("://", 1)[1] for item in env["KAFKA_ADVERTISED_LISTENERS"].split(",")}
    for name, service in newswatch_services(compose).items():
        for server in service_env(service)["NEWSWATCH_BROKER"].split(";"):
            assert server.split("://", 1)[-1] in advertised, f"{name}: {server} is not advertised by kafka"


def run_topic_init(compose: dict[str, Any], tmp_path: Path) -> list[list[str]]:
    """Run the topic-init script for real, with a stub kafka-topics.sh that records its arguments."""
    init = compose["services"]["topic-init"]
    calls = tmp_path / "calls.jsonl"
    stub = tmp_path / "kafka-topics.sh"
    stub.write_text(f"#!{sys.executable}\nimport json, sys\n"
                    f"open({str(calls)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n")
    stub.chmod(0o755)
    script = "\n".join(init["command"]).replace("$$", "$").replace("/opt/kafka/bin/kafka-topics.sh", str(stub))
    subprocess.run([*init["entrypoint"], script], check=True, timeout=30, capture_output=True)
    return [json.loads(line) for line in calls.read_text().splitlines()]


def option_values(call: list[str], option: str) -> list[str]:
    return [call[i + 1] for i, word in enumerate(call[:-1]) if word == option]


def test_compose_topic_init_creates_every_topic_with_the_declared_configs(compose: dict[str, Any],
                                                                          tmp_path: Path) -> None:
    init = compose["services"]["topic-init"]
    assert init["image"] == compose["services"]["kafka"]["image"]
    assert init["depends_on"]["kafka"]["condition"] == "service_healthy"
    workers = [service_env(s) for s in newswatch_services(compose).values() if s.get("command") == ["worker"]]
    settings = load_settings(environ=workers[0])
    created: dict[str, dict[str, str]] = {}
    for call in run_topic_init(compose, tmp_path):
        if "--create" not in call:
            continue
        assert "--if-not-exists" in call, "topic-init must be re-runnable"
        assert option_values(call, "--bootstrap-server") == [settings.bootstrap_servers]
        assert option_values(call, "--partitions") == [str(settings.topic_partitions)]
        assert option_values(call, "--replication-factor") == [str(settings.topic_replication)]
        (topic,) = option_values(call, "--topic")
        created[topic] = dict(config.split("=", 1) for config in option_values(call, "--config"))
    specs = {spec.name: spec for spec in topic_specs(settings)}
    assert set(created) == set(specs)
    for name, spec in specs.items():
        missing = {k: v for k, v in spec.config.items() if created[name].get(k) != v}
        assert not missing, f"topic-init does not give {name} {missing}"
    assert created[settings.topic_watchlists]["cleanup.policy"] == "compact"
    seven_days_ms = 7 * 24 * 3600 * 1000  # the broker's default retention
    assert int(created[settings.topic_dlq]["retention.ms"]) > seven_days_ms


def test_compose_start_order_gives_alerts(compose: dict[str, Any]) -> None:
    services = newswatch_services(compose)
    workers = {name: s for name, s in services.items() if s.get("command") == ["worker"]}
    assert len(workers) >= 2
    for name, worker in workers.items():
        conditions = {dep: spec["condition"] for dep, spec in worker["depends_on"].items()}
        assert conditions["kafka"] == "service_healthy", name
        assert conditions["topic-init"] == "service_completed_successfully", name
        assert "readyz" in " ".join(worker["healthcheck"]["test"]), f"{name}: gate the producer on readiness"
        assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    ports = [port for w in workers.values() for port in w.get("ports", [])]
    assert len(ports) == len({p.split(":")[0] for p in ports}), "two workers publish the same host port"
    watch_init, producer = services["watchlist-init"], services["producer"]
    assert watch_init["command"][:2] == ["watch", "import"]
    assert producer["command"][0] == "produce"
    for one_shot in (watch_init, producer, compose["services"]["topic-init"]):
        assert one_shot["restart"] == "no"
    producer_deps = producer["depends_on"]
    assert producer_deps["watchlist-init"]["condition"] == "service_completed_successfully"
    assert all(producer_deps[name]["condition"] == "service_healthy" for name in workers)


def test_compose_commands_exist_in_the_cli(compose: dict[str, Any]) -> None:
    from streams import cli, watch_cli  # noqa: F401  (watch_cli registers the `watch` sub-commands)

    group = typer.main.get_command(cli.app)
    for name, service in newswatch_services(compose).items():
        words = [w for w in service["command"] if not w.startswith("/")]
        command = group
        for word in words:
            assert word in command.commands, f"{name}: `newswatch {' '.join(words)}` is not a command"
            command = command.commands[word]


def test_compose_bind_mounts_exist(compose: dict[str, Any]) -> None:
    """`docker compose up` needs the watch rules and sample articles it mounts (paths inside the repository)."""
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = interpolate_defaults(volume).split(":")[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name} mounts missing {source}"
    rules = compose["services"]["watchlist-init"]["command"][-1]
    assert (ROOT / "examples" / Path(rules).name).is_file()
    samples = interpolate_defaults(compose["services"]["producer"]["volumes"][0]).split(":")[0]
    assert list((ROOT / samples).glob("*.json")), f"no sample articles in {samples}"


def test_compose_env_vars_are_read_by_the_app(compose: dict[str, Any]) -> None:
    known = set(env_var_names())
    for name, service in newswatch_services(compose).items():
        env = {key: interpolate_defaults(value) for key, value in service_env(service).items()}
        unknown = {key for key in env if key.startswith("NEWSWATCH_")} - known
        assert not unknown, f"{name}: the app does not read {sorted(unknown)}"
        load_settings(environ=env)  # values coerce and pass the app's own checks
    for name, service in compose["services"].items():
        if name not in newswatch_services(compose):
            assert not any(key.startswith("NEWSWATCH_") for key in service_env(service)), name


# ---------------------------------------------------------------------------------------------- Dockerfile


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped, as BuildKit reads them."""
    instructions, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, args = line.partition(" ")
        instructions.append((keyword.upper(), args.strip()))
    return instructions


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return dockerfile_instructions(DOCKERFILE.read_text(encoding="utf-8"))


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def test_dockerfile_is_multistage_slim_python311(dockerfile: list[tuple[str, str]]) -> None:
    args = dict(arg.split("=", 1) for keyword, arg in dockerfile if keyword == "ARG" and "=" in arg)
    froms = [arg.split()[0] for keyword, arg in dockerfile if keyword == "FROM"]
    bases = [re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], base) for base in froms]
    assert len(bases) >= 2
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", bases[-1]), bases[-1]
    stage = final_stage(dockerfile)
    assert any(k == "COPY" and a.startswith("--from=") for k, a in stage), "final stage must copy from the builder"
    assert not any(k == "RUN" and re.search(r"\b(pip|apt-get) install\b", a) for k, a in stage)


def test_dockerfile_runtime_contract(dockerfile: list[tuple[str, str]]) -> None:
    stage = final_stage(dockerfile)
    last = {keyword: args for keyword, args in stage}
    user = last["USER"].split(":")[0]
    assert user not in {"root", "0"} and (not user.isdigit() or int(user) > 0)
    assert json.loads(last["ENTRYPOINT"]) == ["newswatch"]
    assert json.loads(last["CMD"]) == ["worker"]
    assert last["EXPOSE"].split() == [str(DEFAULTS.web_port)]
    env = " ".join(args for keyword, args in stage if keyword == "ENV")
    assert "PYTHONUNBUFFERED=1" in env and "PYTHONDONTWRITEBYTECODE=1" in env
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^newswatch = "streams\.cli:main"$', pyproject, re.M), "ENTRYPOINT needs the console script"


def test_dockerfile_build_context_sources_exist_and_are_not_ignored(dockerfile: list[tuple[str, str]]) -> None:
    ignore = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert ignore[0] == "*", ".dockerignore is an allow-list"
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for keyword, args in dockerfile:
        if keyword != "COPY" or args.startswith("--from="):
            continue
        *sources, _ = [word for word in args.split() if not word.startswith("--")]
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: missing from the build context"
            assert source.rstrip("/") in allowed, f"COPY {source}: excluded by .dockerignore"


class _Probe(http.server.BaseHTTPRequestHandler):
    status: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        self.send_response(self.status.get(self.path, 404))
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def probe_server() -> Iterator[tuple[int, dict[str, int]]]:
    status: dict[str, int] = {}
    handler = type("Handler", (_Probe,), {"status": status})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], status
    finally:
        server.shutdown()
        server.server_close()


def run_check(command: list[str], port: int) -> int:
    assert command[0] == "CMD" and command[1] == "python"
    env = {**os.environ, "NEWSWATCH_WEB_PORT": str(port)}
    return subprocess.run([sys.executable, *command[2:]], env=env, timeout=20, capture_output=True).returncode


def test_image_healthcheck_probes_healthz(dockerfile: list[tuple[str, str]],
                                          probe_server: tuple[int, dict[str, int]]) -> None:
    """Run the HEALTHCHECK command itself (python + urllib, no curl) against a local server."""
    args = dict(final_stage(dockerfile))["HEALTHCHECK"]
    assert "curl" not in args and "wget" not in args
    command = ["CMD", *json.loads(args[args.index("CMD") + 3:].strip())]
    port, status = probe_server
    status["/healthz"] = 200
    assert run_check(command, port) == 0
    status["/healthz"] = 503
    assert run_check(command, port) != 0


def test_compose_readiness_check_probes_readyz(compose: dict[str, Any],
                                               probe_server: tuple[int, dict[str, int]]) -> None:
    command = compose["services"]["worker-1"]["healthcheck"]["test"]
    port, status = probe_server
    status.update({"/healthz": 200, "/readyz": 503})
    assert run_check(command, port) != 0
    status["/readyz"] = 200
    assert run_check(command, port) == 0


# ---------------------------------------------------------------------------------------------- Kubernetes


def _set_image(container: dict[str, Any], images: list[dict[str, Any]]) -> None:
    name = re.split(r"[:@]", container["image"].rsplit("/", 1)[-1])[0]
    repo = container["image"].split("@")[0]
    repo = repo if ":" not in repo.rsplit("/", 1)[-1] else repo.rsplit(":", 1)[0]
    for image in images:
        if image["name"] in {repo, name}:
            new = image.get("newName", repo)
            if "digest" in image:
                container["image"] = f"{new}@{image['digest']}"
            else:
                container["image"] = f"{new}:{image['newTag']}" if "newTag" in image else new


def render_kustomization(directory: Path) -> list[dict[str, Any]]:
    """A tiny kustomize: resources (files and directories), namespace, images, replicas. Anything else is refused,
    so an overlay that outgrows this renderer fails loudly instead of being validated wrongly."""
    kustomization = load_yaml(directory / "kustomization.yaml")
    unsupported = set(kustomization) - {"apiVersion", "kind", "resources", "namespace", "images", "replicas"}
    assert not unsupported, f"{directory}: the offline renderer does not support {sorted(unsupported)}"
    docs: list[dict[str, Any]] = []
    for resource in kustomization.get("resources", []):
        path = (directory / resource).resolve()
        if path.is_dir():
            docs += render_kustomization(path)
        else:
            docs += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    namespace = kustomization.get("namespace")
    for doc in docs:
        if namespace and doc["kind"] not in CLUSTER_SCOPED:
            doc["metadata"]["namespace"] = namespace
        pod = doc.get("spec", {}).get("template", {}).get("spec", {})
        for container in pod.get("containers", []) + pod.get("initContainers", []):
            _set_image(container, kustomization.get("images", []))
        for replicas in kustomization.get("replicas", []):
            if doc["kind"] in {"Deployment", "StatefulSet"} and doc["metadata"]["name"] == replicas["name"]:
                doc["spec"]["replicas"] = replicas["count"]
    return docs


def by_kind(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        out.setdefault(doc["kind"], []).append(doc)
    return out


def keyed(docs: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(doc["kind"], doc["metadata"]["name"]): doc for doc in docs}


@pytest.fixture(scope="module")
def overlay() -> list[dict[str, Any]]:
    return render_kustomization(K8S_OVERLAY)


@pytest.fixture(scope="module")
def kinds(overlay: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return by_kind(overlay)


def secret_template() -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((K8S_BASE / "secret.example.yaml").read_text()) if doc]


def test_overlay_renders_the_expected_resources(kinds: dict[str, list[dict[str, Any]]]) -> None:
    assert {kind: len(docs) for kind, docs in kinds.items()} == {
        "Namespace": 1, "ConfigMap": 1, "Deployment": 1, "Service": 1, "PodDisruptionBudget": 1, "ScaledObject": 1,
    }


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (with its built-in kustomize) not installed")
@pytest.mark.parametrize("directory", [K8S_BASE, K8S_OVERLAY], ids=["base", "overlay"])
def test_offline_renderer_agrees_with_kubectl_kustomize(directory: Path) -> None:
    out = subprocess.run(["kubectl", "kustomize", str(directory)], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    assert keyed(render_kustomization(directory)) == keyed([d for d in yaml.safe_load_all(out) if d])


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_rendered_manifests_are_valid_kubernetes(overlay: list[dict[str, Any]], version: str) -> None:
    manifests = [doc for doc in render_kustomization(K8S_BASE) + overlay + secret_template()
                 if doc["kind"] != "ScaledObject"]
    for doc in manifests:
        kubernetes_validate.validate(doc, version, strict=True)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: c.__setitem__("readinessProbes", c.pop("readinessProbe")),
        lambda c: c["livenessProbe"].__setitem__("periodSeconds", "20s"),
        lambda c: c["securityContext"].__setitem__("readOnlyRootFileSystem", True),
        lambda c: c["ports"][0].pop("containerPort"),
    ],
    ids=["typo-field", "wrong-type", "wrong-case", "missing-required"],
)
def test_kubernetes_validation_rejects_real_mistakes(kinds: dict[str, list[dict[str, Any]]], mutate: Any) -> None:
    broken = copy.deepcopy(kinds["Deployment"][0])
    mutate(broken["spec"]["template"]["spec"]["containers"][0])
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSIONS[-1], strict=True)


def test_overlay_namespace_image_and_replicas(overlay: list[dict[str, Any]],
                                              kinds: dict[str, list[dict[str, Any]]]) -> None:
    namespace = kinds["Namespace"][0]["metadata"]["name"]
    for doc in overlay:
        if doc["kind"] not in CLUSTER_SCOPED:
            assert doc["metadata"]["namespace"] == namespace, doc["kind"]
    deployment = kinds["Deployment"][0]
    image = deployment["spec"]["template"]["spec"]["containers"][0]["image"]
    tag = image.rsplit(":", 1)[-1]
    assert "/" in image and tag not in {"latest", image}, f"overlay must pin a registry image, got {image}"
    overlay_kustomization = load_yaml(K8S_OVERLAY / "kustomization.yaml")
    assert deployment["spec"]["replicas"] == overlay_kustomization["replicas"][0]["count"]


def configmap_env(kinds: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    return dict(kinds["ConfigMap"][0]["data"])


def test_k8s_env_vars_are_read_by_the_app(kinds: dict[str, list[dict[str, Any]]]) -> None:
    known = set(env_var_names())
    names = set(configmap_env(kinds))
    for container in kinds["Deployment"][0]["spec"]["template"]["spec"]["containers"]:
        names |= {item["name"] for item in container.get("env", []) if item["name"].startswith("NEWSWATCH_")}
    for secret in secret_template():
        names |= {key for key in secret.get("stringData", {}) if key.upper() == key}
    assert names - known == set(), f"the app does not read {sorted(names - known)}"
    load_settings(environ=configmap_env(kinds))


def test_every_newswatch_name_in_deploy_files_and_docs_exists() -> None:
    """Typos hide in comments and docs too (e.g. a commented-out NEWSWATCH_SSL_CAFLE someone will uncomment)."""
    known = set(env_var_names())
    files = [COMPOSE_FILE, DOCKERFILE, *sorted(DEPLOY.rglob("*.yaml")), *sorted(DOCS.glob("deploying.md"))]
    for path in files:
        unknown = set(NEWSWATCH_NAME.findall(path.read_text(encoding="utf-8"))) - known
        assert not unknown, f"{path.relative_to(ROOT)} mentions {sorted(unknown)}"


def test_deployment_wiring(kinds: dict[str, list[dict[str, Any]]], dockerfile: list[tuple[str, str]]) -> None:
    deployment = kinds["Deployment"][0]
    pod = deployment["spec"]["template"]["spec"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    container = pod["containers"][0]
    env = load_settings(environ=configmap_env(kinds))
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports["http"] == env.web_port
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in {"http", env.web_port}
    config_refs = {ref["configMapRef"]["name"] for ref in container["envFrom"] if "configMapRef" in ref}
    assert config_refs == {cm["metadata"]["name"] for cm in kinds["ConfigMap"]}
    secret_refs = [ref["secretRef"] for ref in container["envFrom"] if "secretRef" in ref]
    assert all(ref.get("optional") for ref in secret_refs), "a PLAINTEXT cluster needs no Secret"
    assert {ref["name"] for ref in secret_refs} <= {s["metadata"]["name"] for s in secret_template()}

    service = kinds["Service"][0]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["port"] == env.web_port
    assert service["spec"]["ports"][0]["targetPort"] in ports
    pdb = kinds["PodDisruptionBudget"][0]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()


def test_deployment_is_hardened_and_sized(kinds: dict[str, list[dict[str, Any]]],
                                          dockerfile: list[tuple[str, str]]) -> None:
    pod = kinds["Deployment"][0]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert pod["terminationGracePeriodSeconds"] >= 30
    assert pod["securityContext"]["runAsNonRoot"] is True
    stage = dict(final_stage(dockerfile))
    assert str(pod["securityContext"]["runAsUser"]) == stage["USER"].split(":")[0], "uid must match the image"
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    # A read-only root needs writable mounts where faust writes: the image's working directory, and /tmp.
    mounts = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert {stage["WORKDIR"], "/tmp"} <= mounts

    def mebibytes(quantity: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)([A-Za-z]*)", quantity).groups()
        return float(number) * {"Mi": 1, "Gi": 1024, "M": 1e6 / 2**20, "G": 1e9 / 2**20}[unit]

    def cores(quantity: str) -> float:
        return float(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)

    processes = load_settings(environ=configmap_env(kinds)).enrich_processes or 1
    requests, limits = container["resources"]["requests"], container["resources"]["limits"]
    # Benchmark: ~1 GB RSS and ~1 core per worker process (both spaCy models loaded).
    assert mebibytes(requests["memory"]) >= 1000 * processes
    assert cores(requests["cpu"]) >= 1 * processes
    assert mebibytes(limits["memory"]) > mebibytes(requests["memory"])
    assert cores(limits["cpu"]) >= cores(requests["cpu"])


def test_probe_paths_are_routes_of_the_worker_app(kinds: dict[str, list[dict[str, Any]]], compose: dict[str, Any],
                                                 dockerfile: list[tuple[str, str]]) -> None:
    """Every path a probe, a healthcheck or Prometheus hits must be served by the worker's web server."""
    from streams.app import create_app

    routes = {resource.canonical for resource in create_app(DEFAULTS).web.web_app.router.resources()}
    pod = kinds["Deployment"][0]["spec"]["template"]
    used = {pod["spec"]["containers"][0][probe]["httpGet"]["path"]
            for probe in ("readinessProbe", "livenessProbe", "startupProbe")}
    used.add(pod["metadata"]["annotations"]["prometheus.io/path"])
    checks = [dict(final_stage(dockerfile))["HEALTHCHECK"],
              *(" ".join(s["healthcheck"]["test"]) for s in newswatch_services(compose).values()
                if "test" in s.get("healthcheck", {}))]
    used |= {path for check in checks for path in re.findall(r"/(?:healthz|readyz)\b", check)}
    assert used >= {"/healthz", "/readyz", "/metrics"}
    assert used <= routes, f"not served by the worker: {sorted(used - routes)}"


SCALED_OBJECT_SCHEMA: dict[str, Any] = {
    # Structural subset of KEDA's ScaledObject CRD (keda.sh/v1alpha1) and of its kafka scaler's documented metadata;
    # closed objects so a misspelt field fails. KEDA reads every trigger metadata value as a string.
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"const": "keda.sh/v1alpha1"},
        "kind": {"const": "ScaledObject"},
        "metadata": {"type": "object", "required": ["name"]},
        "spec": {
            "type": "object",
            "required": ["scaleTargetRef", "triggers"],
            "additionalProperties": False,
            "properties": {
                "scaleTargetRef": {
                    "type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {k: {"type": "string"} for k in ("apiVersion", "kind", "name",
                                                                   "envSourceContainerName")},
                },
                **{k: {"type": "integer", "minimum": 0} for k in ("pollingInterval", "cooldownPeriod",
                                                                  "idleReplicaCount", "minReplicaCount",
                                                                  "maxReplicaCount", "initialCooldownPeriod")},
                "advanced": {
                    "type": "object", "additionalProperties": False,
                    "properties": {"restoreToOriginalReplicaCount": {"type": "boolean"},
                                   "horizontalPodAutoscalerConfig": {"type": "object"},
                                   "scalingModifiers": {"type": "object"}},
                },
                "fallback": {"type": "object", "required": ["failureThreshold", "replicas"]},
                "triggers": {
                    "type": "array", "minItems": 1,
                    "items": {
                        "type": "object", "required": ["type", "metadata"], "additionalProperties": False,
                        "properties": {
                            "type": {"type": "string"},
                            "name": {"type": "string"},
                            "metricType": {"enum": ["AverageValue", "Value", "Utilization"]},
                            "useCachedMetrics": {"type": "boolean"},
                            "authenticationRef": {"type": "object", "required": ["name"]},
                            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                        },
                        "if": {"properties": {"type": {"const": "kafka"}}},
                        "then": {"properties": {"metadata": {
                            "required": ["bootstrapServers", "consumerGroup"],
                            "propertyNames": {"enum": [
                                "bootstrapServers", "consumerGroup", "topic", "lagThreshold",
                                "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
                                "scaleToZeroOnInvalidOffset", "excludePersistentLag", "limitToPartitionsWithLag",
                                "ensureEvenDistributionOfPartitions", "version", "partitionLimitation", "sasl",
                                "tls", "unsafeSsl",
                            ]},
                        }}},
                    },
                },
            },
        },
    },
}


def test_scaled_object_structure(kinds: dict[str, list[dict[str, Any]]]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCALED_OBJECT_SCHEMA)
    jsonschema.Draft202012Validator(SCALED_OBJECT_SCHEMA).validate(kinds["ScaledObject"][0])


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s: s["triggers"][0]["metadata"].__setitem__("lagThreshhold", "50"),
        lambda s: s["triggers"][0]["metadata"].__setitem__("allowIdleConsumers", False),
        lambda s: s.__setitem__("maxReplicas", s.pop("maxReplicaCount")),
        lambda s: s["scaleTargetRef"].pop("name"),
    ],
    ids=["typo-metadata", "non-string-metadata", "typo-field", "missing-target"],
)
def test_scaled_object_structure_rejects_real_mistakes(kinds: dict[str, list[dict[str, Any]]], mutate: Any) -> None:
    broken = copy.deepcopy(kinds["ScaledObject"][0])
    mutate(broken["spec"])
    assert list(jsonschema.Draft202012Validator(SCALED_OBJECT_SCHEMA).iter_errors(broken))


def test_scaled_object_watches_the_workers_group_on_the_raw_topic(kinds: dict[str, list[dict[str, Any]]]) -> None:
    spec = kinds["ScaledObject"][0]["spec"]
    settings = load_settings(environ=configmap_env(kinds))
    assert spec["scaleTargetRef"].get("kind", "Deployment") == "Deployment"
    assert spec["scaleTargetRef"]["name"] == kinds["Deployment"][0]["metadata"]["name"]
    (trigger,) = spec["triggers"]
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["consumerGroup"] == settings.app_id
    assert trigger["metadata"]["topic"] == settings.topic_raw
    assert trigger["metadata"]["bootstrapServers"] == settings.bootstrap_servers
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= settings.topic_partitions
    assert kinds["Deployment"][0]["spec"]["replicas"] >= spec["minReplicaCount"]


# ---------------------------------------------------------------------------------------------- config example


def test_config_example_keys_are_settings_and_load() -> None:
    path = DEPLOY / "config.example.yaml"
    data = read_config_file(path)  # raises ConfigError on an unknown key
    settings = load_settings(str(path), environ={})
    assert settings == Settings(), "the example documents the defaults; comments say what to change"
    missing = set(Settings.__dataclass_fields__) - set(data)
    assert not missing, f"document these settings in deploy/config.example.yaml: {sorted(missing)}"


def test_config_example_check_catches_a_typo(tmp_path: Path) -> None:
    text = (DEPLOY / "config.example.yaml").read_text(encoding="utf-8").replace("  batch_size:", "  batch_sise:")
    broken = tmp_path / "config.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="batch_sise"):
        read_config_file(broken)


# ---------------------------------------------------------------------------------------------- docs


@pytest.fixture(scope="module")
def consumer_example() -> Any:
    spec = importlib.util.spec_from_file_location("consumer_example", DOCS / "consumer_example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_consumer_example_dedupes_redeliveries(consumer_example: Any) -> None:
    recent = consumer_example.RecentIds(capacity=2)
    handled: list[tuple[str, str]] = []
    record = json.dumps({"schema_version": 1, "id": "a1", "text": "x"}).encode()

    def on_message(topic: str, message: dict[str, Any]) -> None:
        handled.append((topic, message["id"]))

    assert consumer_example.process("alerts", record, recent, on_message) is True
    assert consumer_example.process("alerts", record, recent, on_message) is False  # redelivery
    assert consumer_example.process("articles.enriched", record, recent, on_message) is True  # other topic
    assert consumer_example.process("alerts", b"not json", recent, on_message) is False
    future = json.dumps({"schema_version": 2, "id": "z"}).encode()
    assert consumer_example.process("alerts", future, recent, on_message) is False
    assert handled == [("alerts", "a1"), ("articles.enriched", "a1")]
    assert len(recent) == 2  # bounded memory


def test_deploying_doc_covers_the_operations() -> None:
    text = (DOCS / "deploying.md").read_text(encoding="utf-8")
    for spec in topic_specs(DEFAULTS):
        assert spec.name in text
    for needle in ("kafka-topics.sh", "cleanup.policy=compact", "SASL_SSL", "NEWSWATCH_SASL_MECHANISM", "KEDA",
                   "at_least_once", "exactly_once", "schema_version", "consumer_example.py"):
        assert needle in text, needle
    for link in re.findall(r"\]\(([^)#:]+)\)", text):
        assert (DOCS / link).exists(), f"broken link {link}"
