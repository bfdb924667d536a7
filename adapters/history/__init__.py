"""History import, the I/O side: mapping files, reading CSV (gzip or not), placing rows on the
map, and the batch pipeline that writes them (SQL in adapters/db/repositories)."""
