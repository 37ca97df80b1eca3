"""Decide whether the broker lost its log under a running worker (pure: no Kafka here, see streams/brokerprobe.py).

Kafka keeps its log across a restart, so a worker only has to reconnect. A broker that comes back *empty* (a
memory-only broker such as Tansu in development, a cluster rebuilt from scratch, topics deleted) is different: the
worker's in-memory positions are ahead of the new partitions, faust silently skips what arrives below them, and table
writes go to changelog topics that no longer exist. The worker cannot repair that in place; it exits with
`EXIT_BROKER_LOST` and its supervisor starts a fresh one, which re-creates the topics and reads from the start.

Evidence of a lost log, from a successful look at the broker (an unreachable broker is no evidence at all):
- a topic the worker reads, or one seen on the broker earlier, is gone;
- a partition's log-end offset is below the worker's position in it (the log was truncated or replaced);
- the cluster id changed.
The same evidence must be seen on `confirmations` consecutive looks, so that one stale metadata answer is not enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

EXIT_BROKER_LOST = 3  # process exit code: "the broker lost its log; restart me" (70 is an internal failure)

Partition = tuple[str, int]


@dataclass(frozen=True, slots=True)
class BrokerView:
    """One successful look at the broker: its cluster id (if it tells), the topics it has, log-end offsets."""

    cluster_id: str | None
    topics: frozenset[str]
    end_offsets: Mapping[Partition, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Loss:
    """Why the worker believes the broker lost its log."""

    reason: str  # topic_missing | log_truncated | cluster_changed
    topic: str | None = None
    partition: int | None = None
    position: int | None = None
    end_offset: int | None = None
    cluster_id: str | None = None
    previous_cluster_id: str | None = None

    def describe(self) -> str:
        if self.reason == "log_truncated":
            return (f"{self.topic}[{self.partition}] ends at offset {self.end_offset}, below the worker's position "
                    f"{self.position}")
        if self.reason == "topic_missing":
            return f"topic {self.topic} is gone"
        return f"cluster id changed from {self.previous_cluster_id} to {self.cluster_id}"

    def fields(self) -> dict[str, Any]:
        """Structured log fields (only those that apply)."""
        names = ("reason", "topic", "partition", "position", "end_offset", "cluster_id", "previous_cluster_id")
        return {name: value for name in names if (value := getattr(self, name)) is not None}


def positions(read: Mapping[Partition, int | None], committed: Mapping[Partition, int | None],
              assigned: Iterable[Partition]) -> dict[Partition, int]:
    """The worker's position in each assigned partition: the further of its read offset and its committed offset.

    faust drops a fetched message whose offset is below its read offset, which is the offset of the last message
    read, or the committed (next) offset right after a seek. Neither can exceed the log end of a healthy partition,
    so a position past the log end means the log is not the one the worker read.
    """
    found: dict[Partition, int] = {}
    for tp in assigned:
        candidates = [value for value in (read.get(tp), committed.get(tp)) if value is not None]
        found[tp] = max(candidates, default=0)
    return found


def find_loss(view: BrokerView, where: Mapping[Partition, int], known_topics: Iterable[str] = (),
              cluster_id: str | None = None) -> Loss | None:
    """The first evidence in `view` that the broker lost its log, or None.

    `where` holds the worker's positions taken *before* `view` was fetched (a log-end offset read later can only be
    larger on a healthy broker); `known_topics` were present on earlier looks; `cluster_id` is the one seen first.
    """
    if cluster_id is not None and view.cluster_id is not None and view.cluster_id != cluster_id:
        return Loss("cluster_changed", cluster_id=view.cluster_id, previous_cluster_id=cluster_id)
    for topic in sorted({tp[0] for tp in where} | set(known_topics)):
        if topic not in view.topics:
            return Loss("topic_missing", topic=topic)
    for (topic, partition), position in sorted(where.items()):
        end = view.end_offsets.get((topic, partition))
        if end is not None and end < position:
            return Loss("log_truncated", topic=topic, partition=partition, position=position, end_offset=end)
    return None


class LossDetector:
    """Remembers what earlier looks saw (topics, cluster id) and confirms a loss over consecutive looks."""

    def __init__(self, confirmations: int = 2) -> None:
        self.confirmations = max(1, confirmations)
        self.known_topics: set[str] = set()
        self.cluster_id: str | None = None
        self.streak = 0

    def observe(self, view: BrokerView | None, where: Mapping[Partition, int],
                watched: Iterable[str] = ()) -> Loss | None:
        """Feed one look (None: the broker did not answer) with the positions taken just before it; return the
        loss once it is confirmed. `watched` are topics to remember once they have been seen (the app's topics)."""
        if view is None:  # down or slow is not lost: keep waiting, neither confirm nor clear
            return None
        loss = find_loss(view, where, self.known_topics, self.cluster_id)
        if loss is None:
            self.streak = 0
            self.known_topics |= (set(watched) | {tp[0] for tp in where}) & view.topics
            if self.cluster_id is None:
                self.cluster_id = view.cluster_id
            return None
        self.streak += 1
        return loss if self.streak >= self.confirmations else None
