"""Synthetic history for the metrics benchmark, made inside PostgreSQL (INSERT ... SELECT
over generate_series): two years of requests, contacts and calls, in time order as a live
system writes them, ending now."""

REQUESTS = """
WITH catalog AS (
    SELECT array_agg(code ORDER BY code) AS codes,
           array_agg(department_code ORDER BY code) AS departments, count(*)::int AS n
    FROM services
), facts AS (
    SELECT i, catalog.codes[1 + i % catalog.n] AS service_code,
           catalog.departments[1 + i % catalog.n] AS department_code,
           now() - interval '730 days' * (1 - i::float8 / :n) AS requested_at,
           interval '1 hour' * (1 + (i::bigint * 7919) % 400) AS takes
    FROM generate_series(1, :n) AS i, catalog
)
INSERT INTO service_requests (
    id, service_code, department_code, description, lat, long, channel, priority, status,
    close_reason, sla_target_hours, sla_calendar, sla_pauses_on_hold, requested_at,
    updated_at, expected_at, closed_at, areas
)
SELECT 'B' || i, service_code, department_code, 'Benchmark request',
       39.29 + (i % 100) / 2000.0, -76.61 + (i % 97) / 2000.0,
       (ARRAY['phone', 'web', 'mobile', 'email', 'walk_in'])[1 + i % 5], 'normal',
       CASE WHEN requested_at + takes < now() THEN 'closed' ELSE 'in_progress' END,
       CASE WHEN requested_at + takes < now() THEN 'resolved' END,
       72, '24x7', false, requested_at,
       requested_at + takes, requested_at + interval '72 hours',
       CASE WHEN requested_at + takes < now() THEN requested_at + takes END,
       jsonb_build_array(jsonb_build_object(
           'id', 0, 'layer', 'council-districts', 'code', (1 + i % 14)::text,
           'name', 'District ' || (1 + i % 14)))
FROM facts
"""

CASES = """
WITH facts AS (
    SELECT i, now() - interval '730 days' * (1 - i::float8 / :n) AS at
    FROM generate_series(1, :n) AS i
)
INSERT INTO cases (
    id, channel, type, resolved_on_first_contact, referral, department_code, tags,
    request_ids, call_id, started_at, ended_at, agent_name, created_at, updated_at
)
SELECT gen_random_uuid(),
       (ARRAY['phone', 'phone', 'phone', 'web', 'email', 'walk_in', 'chat'])[1 + i % 7],
       (ARRAY['information', 'service_request', 'status_inquiry', 'referral', 'complaint'])
           [1 + i % 5],
       i % 10 < 7,
       CASE WHEN i % 5 = 3 THEN jsonb_build_object('target', (ARRAY['911', '211', 'external'])
           [1 + i % 3]) END,
       CASE WHEN i % 5 = 4 THEN 'transportation' END,
       CASE WHEN i % 50 = 0 THEN ARRAY['covid-19'] ELSE '{}'::text[] END,
       CASE WHEN i % 5 = 1 THEN ARRAY['B' || greatest(1, i / 2)] ELSE '{}'::text[] END,
       CASE WHEN i % 7 < 3 THEN 'C' || i END,
       CASE WHEN i % 10 <> 9 THEN at END,
       CASE WHEN i % 10 <> 9 THEN at + interval '1 second' * (60 + i % 840) END,
       'Agent ' || (i % 40), at, at
FROM facts
"""

CALLS = """
WITH facts AS (
    SELECT i, now() - interval '730 days' * (1 - i::float8 / :n) AS at,
           interval '1 second' * ((i * 31) % 90) AS wait
    FROM generate_series(1, :n) AS i
)
INSERT INTO call_records (call_id, queue, offered_at, answered_at, abandoned_at, ended_at, agent)
SELECT 'C' || i, (ARRAY['general', 'spanish', 'sanitation'])[1 + i % 3], at,
       CASE WHEN i % 12 <> 0 THEN at + wait END,
       CASE WHEN i % 12 = 0 THEN at + wait END,
       at + wait + interval '4 minutes', CASE WHEN i % 12 <> 0 THEN 'agent' || (i % 40) END
FROM facts
"""
