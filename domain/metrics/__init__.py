"""Leaders' data: who may read metrics, time windows and buckets in the city's zone, rates,
percentiles, chart series, and call records from the phone system. Pure rules only; the SQL
that counts lives in adapters/db/read_models/metrics_*.py."""
