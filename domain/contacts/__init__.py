"""Logging contacts: a call, chat or visit becomes a case, which may register the caller and
open requests in the same transaction.

This sits above `requests` and `residents` because it drives both. The case record itself
(`domain.cases`) sits below `requests`, since every web or app submission records one too.
"""
