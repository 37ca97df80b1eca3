"""The broker-loss decision (streams.brokerwatch): what counts as a lost log, and what must not."""

from __future__ import annotations

from streams.brokerwatch import EXIT_BROKER_LOST, BrokerView, Loss, LossDetector, find_loss, positions

TOPICS = frozenset({"articles.raw", "articles.enriched", "app-rules-changelog"})
WHERE = {("articles.raw", 0): 12, ("articles.raw", 1): 7, ("app-rules-changelog", 0): 0}


def view(ends: dict[tuple[str, int], int] | None = None, topics: frozenset[str] = TOPICS,
         cluster: str | None = "c1") -> BrokerView:
    return BrokerView(cluster, topics, ends if ends is not None else {("articles.raw", 0): 12, ("articles.raw", 1): 9})


def test_exit_code_is_distinct_from_success_and_internal_failure() -> None:
    assert EXIT_BROKER_LOST == 3


def test_positions_take_the_further_of_read_and_committed_and_default_to_zero() -> None:
    read = {("t", 0): 10, ("t", 1): None, ("t", 2): 3, ("gone", 0): 99}
    committed = {("t", 0): 8, ("t", 1): 5, ("t", 2): 4}
    found = positions(read, committed, [("t", 0), ("t", 1), ("t", 2), ("t", 3)])
    assert found == {("t", 0): 10, ("t", 1): 5, ("t", 2): 4, ("t", 3): 0}  # ("gone", 0) is no longer assigned


def test_healthy_broker_is_no_loss() -> None:
    assert find_loss(view(), WHERE, known_topics={"articles.enriched"}, cluster_id="c1") is None


def test_log_end_at_the_position_is_healthy() -> None:
    # faust's read offset is the last offset read (or the next one right after a seek), so end == position is fine
    assert find_loss(view({("articles.raw", 0): 12}), {("articles.raw", 0): 12}) is None


def test_log_end_below_the_position_is_a_truncated_log() -> None:
    loss = find_loss(view({("articles.raw", 0): 0, ("articles.raw", 1): 9}), WHERE)
    assert loss == Loss("log_truncated", topic="articles.raw", partition=0, position=12, end_offset=0)
    assert "articles.raw[0] ends at offset 0" in loss.describe() and "position 12" in loss.describe()
    assert loss.fields() == {"reason": "log_truncated", "topic": "articles.raw", "partition": 0, "position": 12,
                             "end_offset": 0}


def test_unknown_log_end_is_not_evidence() -> None:
    assert find_loss(view({}), WHERE) is None


def test_a_topic_the_worker_reads_that_vanished_is_a_loss() -> None:
    loss = find_loss(view(topics=frozenset({"articles.raw", "articles.enriched"})), WHERE)
    assert loss is not None and loss.reason == "topic_missing" and loss.topic == "app-rules-changelog"
    assert loss.describe() == "topic app-rules-changelog is gone"


def test_a_known_topic_that_vanished_is_a_loss_even_when_not_read() -> None:
    loss = find_loss(view(topics=frozenset({"articles.raw", "app-rules-changelog"})), WHERE,
                     known_topics={"articles.enriched"})
    assert loss is not None and (loss.reason, loss.topic) == ("topic_missing", "articles.enriched")


def test_cluster_id_change_is_a_loss_but_an_unknown_cluster_id_is_not() -> None:
    loss = find_loss(view(cluster="c2"), WHERE, cluster_id="c1")
    assert loss == Loss("cluster_changed", cluster_id="c2", previous_cluster_id="c1")
    assert "from c1 to c2" in loss.describe()
    assert find_loss(view(cluster=None), WHERE, cluster_id="c1") is None
    assert find_loss(view(cluster="c2"), WHERE, cluster_id=None) is None


def test_detector_needs_consecutive_confirmations() -> None:
    detector = LossDetector(confirmations=2)
    lost = view({("articles.raw", 0): 0})
    assert detector.observe(view(), WHERE) is None
    assert detector.observe(lost, WHERE) is None  # one stale answer is not enough
    assert detector.observe(view(), WHERE) is None  # a healthy look clears the streak
    assert detector.observe(lost, WHERE) is None
    loss = detector.observe(lost, WHERE)
    assert loss is not None and loss.reason == "log_truncated"


def test_unreachable_broker_never_triggers_and_transient_outage_recovers() -> None:
    """Broker down for a while, back with its log intact (real Kafka): no loss, however long it was down."""
    detector = LossDetector(confirmations=2)
    assert detector.observe(view(), WHERE, watched={"articles.enriched"}) is None
    for _ in range(50):
        assert detector.observe(None, WHERE) is None
    assert detector.observe(view(), WHERE) is None
    assert detector.observe(view(), WHERE) is None
    assert detector.streak == 0


def test_unreachable_looks_neither_confirm_nor_clear_a_loss() -> None:
    detector = LossDetector(confirmations=2)
    gone = view(topics=frozenset({"articles.raw"}))
    assert detector.observe(view(), WHERE, watched={"articles.enriched"}) is None
    assert detector.observe(gone, WHERE) is None
    assert detector.observe(None, WHERE) is None
    loss = detector.observe(gone, WHERE)
    assert loss is not None and loss.reason == "topic_missing"


def test_detector_remembers_watched_topics_only_once_seen() -> None:
    detector = LossDetector(confirmations=1)
    # the alerts topic does not exist yet: not knowing it is no loss, and it is not remembered
    assert detector.observe(view(), {}, watched={"articles.raw", "alerts"}) is None
    assert detector.known_topics == {"articles.raw"}
    loss = detector.observe(view(topics=frozenset({"articles.enriched"})), {}, watched={"articles.raw"})
    assert loss is not None and (loss.reason, loss.topic) == ("topic_missing", "articles.raw")


def test_detector_remembers_the_first_cluster_id() -> None:
    detector = LossDetector(confirmations=1)
    assert detector.observe(view(cluster=None), WHERE) is None
    assert detector.observe(view(cluster="c1"), WHERE) is None
    assert detector.cluster_id == "c1"
    loss = detector.observe(view(cluster="c9"), WHERE)
    assert loss is not None and loss.reason == "cluster_changed"


def test_memory_broker_restart_as_the_worker_sees_it() -> None:
    """What a worker saw around a Tansu restart: healthy, unreachable, then back with no topics."""
    detector = LossDetector(confirmations=2)
    watched = {"articles.raw", "articles.enriched"}
    assert detector.observe(view(cluster="tansu_cluster"), WHERE, watched) is None
    assert detector.observe(None, WHERE, watched) is None
    empty = BrokerView("tansu_cluster", frozenset(), {})  # Tansu reports the same cluster id after a restart
    assert detector.observe(empty, WHERE, watched) is None
    loss = detector.observe(empty, WHERE, watched)
    assert loss is not None and loss.reason == "topic_missing"
