"""History import: a city's open-data 311 export, translated row by row into our requests.

Pure rules only: what a mapping file says (mapping.py), how dates are read (dates.py) and how
one source row becomes an `ImportedRequest` or a `BadRow` with its reason (rows.py). Reading
files, locating points and writing to PostgreSQL live in adapters/history.
"""
