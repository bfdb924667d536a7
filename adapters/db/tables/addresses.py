"""The address points that geocode intake, and the reference streets of the intake map."""

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Double,
    Identity,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
)

from adapters.db.tables.base import metadata

address_points = Table(
    "address_points",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # normalized + "|" + zip: one row per address
    Column("address", Text, nullable=False),
    Column("normalized", Text, nullable=False),
    Column("house_number", Text, nullable=False, server_default=""),
    Column("street", Text, nullable=False),
    Column("zip", Text),
    Column("lat", Double, nullable=False),
    Column("long", Double, nullable=False),
    Index("ix_address_points_street", "street"),
    Index("ix_address_points_lat_long", "lat", "long"),  # the points in a map view
)

# The intake map's reference streets, drawn when no tile service is configured: lines (WKB)
# with their name, a rank (1 highways, 2 principal roads, 3 other through roads) and the
# attribution of their source; the bounding box finds the ones in a map view.
map_streets = Table(
    "map_streets",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("name", Text, nullable=False),
    Column("rank", Integer, nullable=False),
    Column("source", Text, nullable=False, server_default=""),
    Column("geometry", LargeBinary, nullable=False),
    Column("min_x", Double, nullable=False),
    Column("min_y", Double, nullable=False),
    Column("max_x", Double, nullable=False),
    Column("max_y", Double, nullable=False),
    CheckConstraint("rank BETWEEN 1 AND 3", name="rank"),
    Index("ix_map_streets_rank_x", "rank", "min_x", "max_x"),
)
