"""The Open311 GeoReport v2 API at /open311/v2 (JSON and XML by suffix)."""
