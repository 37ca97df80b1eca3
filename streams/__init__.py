"""newswatch: a Kafka-native stream processor for news articles (import package ``streams``)."""

__version__ = "0.1.0"
