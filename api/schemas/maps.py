"""Bodies of the intake map's reference layer (GeoJSON, RFC 7946)."""

from typing import Any, Literal

from pydantic import BaseModel, Field


class LabelOut(BaseModel):
    long: float
    lat: float
    angle: float = Field(description="Degrees clockwise from the east, -90 to 90 (upright text)")


class StreetProperties(BaseModel):
    name: str
    rank: int = Field(description="1 highways, 2 principal roads, 3 other through roads")
    label: LabelOut | None = Field(description="Where the name is written in this view")


class StreetGeometry(BaseModel):
    type: Literal["LineString", "MultiLineString"]
    coordinates: list[Any]


class StreetFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    properties: StreetProperties
    geometry: StreetGeometry


class StreetCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[StreetFeature]
    attribution: str = Field(description="Credit for the sources of these streets, as text")


class AddressMarkProperties(BaseModel):
    address: str
    house_number: str


class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: list[float]


class AddressMarkFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    properties: AddressMarkProperties
    geometry: PointGeometry


class AddressMarkCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[AddressMarkFeature]
    truncated: bool = Field(description="More points lie in the view than were sent")
