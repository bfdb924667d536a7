"""The case: one contact with 311, and where cases are kept."""
