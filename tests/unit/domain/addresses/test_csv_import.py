"""The address import use case: load the CSV, then rebuild the local index once."""

import pytest

from domain.addresses.csv_import import ImportResult, import_address_csv

CSV = "address,zip,lat,long\n100 N Holliday St,21202,39.2904,-76.6104\n"


class Loader:
    def __init__(self) -> None:
        self.calls: list[tuple[str, bool]] = []

    async def __call__(self, text: str, replace: bool, /) -> ImportResult:
        self.calls.append((text, replace))
        return ImportResult(imported=1, skipped=0)


class Index:
    def __init__(self, loader: Loader) -> None:
        self.loader = loader
        self.refreshed_after: list[int] = []  # how many loads had run at each refresh

    async def refresh(self, force: bool = False, /) -> object:
        self.refreshed_after.append(len(self.loader.calls))
        return None


async def test_the_index_is_rebuilt_once_after_the_load() -> None:
    loader = Loader()
    index = Index(loader)

    result = await import_address_csv(loader, index, CSV, True)

    assert result == ImportResult(imported=1, skipped=0)
    assert loader.calls == [(CSV, True)]
    assert index.refreshed_after == [1]


async def test_a_refused_file_leaves_the_index_alone() -> None:
    class Refusing(Loader):
        async def __call__(self, text: str, replace: bool, /) -> ImportResult:
            raise ValueError("no header")

    loader = Refusing()
    index = Index(loader)
    with pytest.raises(ValueError, match="no header"):
        await import_address_csv(loader, index, "nonsense", False)
    assert index.refreshed_after == []
