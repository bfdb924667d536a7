"""The fault test (issue 16): a Jepsen-style set test on the product under faults."""
