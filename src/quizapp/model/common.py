"""Values cards and facts share: ids, non-empty text, and a cited source."""

from __future__ import annotations

from typing import Annotated

import msgspec

CARD_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
# A card drawn from a fact is `FACTID/TEMPLATE`; authors never write the slash (the validator and
# the JSON Schema keep to CARD_ID_PATTERN), so a drawn id can never clash with a written one.
DRAWN_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}(/[a-z0-9][a-z0-9._-]{0,39})?$"

Text = Annotated[str, msgspec.Meta(min_length=1)]


class Source(msgspec.Struct, frozen=True, gc=False, forbid_unknown_fields=True):
    """Where a card's fact comes from: a document under `decks/sources/` and its sentence."""

    doc: Text
    quote: Text
