"""The satisfaction survey: one question to the reporter of a closed request, answered once."""
