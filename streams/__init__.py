"""newswatch: a Kafka-native stream processor for news articles (import package ``streams``)."""

import os

__version__ = "0.1.0"

# Parallelism comes from processes (one spaCy process per core). A BLAS library's own worker threads only spin
# against the other processes: measured +6-7 % articles/s with one thread (docs: README, Performance). Set before
# numpy is imported anywhere; an operator's explicit setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
