"""What the public sees of a service's requests: one setting each for text and for place."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from domain.privacy.personal_data import public_text
from domain.privacy.public_place import AreaPoint, Place, PublicLocation, public_place


@dataclass(frozen=True)
class Disclosure:
    """`mask_personal_data`: emails, phone numbers and the reporter's name in public text are
    masked. `public_location`: how precisely the place is shown (see public_place)."""

    mask_personal_data: bool = True
    public_location: PublicLocation = PublicLocation.EXACT

    def text(self, text: str, names: Iterable[str | None] = (), language: str = "en") -> str:
        return public_text(text, self.mask_personal_data, names, language)

    def place(self, exact: Place, areas: Sequence[AreaPoint] = ()) -> Place:
        """The public place; a typed address is masked like text (street names are no names)."""
        shown = public_place(self.public_location, exact, areas)
        if shown.address is None or not self.mask_personal_data:
            return shown
        return replace(shown, address=public_text(shown.address, True))
