"""Media bytes on the local disk, content-addressed: the key is the SHA-256 of the bytes.

Uploaders never name files: a key is 64 hex digits, checked before it touches a path.
"""

import asyncio
import hashlib
import os
import re
import tempfile
from pathlib import Path

KEY = re.compile(r"[0-9a-f]{64}")


class LocalMediaStore:
    def __init__(self, directory: str | Path) -> None:
        self._root = Path(directory)

    def _path(self, key: str) -> Path:
        if not KEY.fullmatch(key):
            raise KeyError(key)
        return self._root / key[:2] / key

    async def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        await asyncio.to_thread(self._write, self._path(key), data)
        return key

    async def get(self, key: str) -> bytes:
        try:
            return await asyncio.to_thread(self._path(key).read_bytes)
        except FileNotFoundError:
            raise KeyError(key) from None

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        if path.exists():
            return  # the same bytes are already there
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target, then renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
