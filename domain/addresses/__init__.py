"""Addresses: normalization, candidate scoring and the Geocoder port."""
