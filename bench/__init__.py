"""`make bench`: throughput of the hot paths as ratios against a bare endpoint, same run."""
