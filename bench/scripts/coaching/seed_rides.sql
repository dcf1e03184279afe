-- 10 years of rides in the Coaching projection (bench only): the 3,650 days before today, a ride on ~70 % of them
-- (seeded, so every run inserts the same rides), load 30–250 skewed towards easy days, FTP rising from 200 to 280 W
-- over the decade, 90 % with power (TSS, mean-max at 11 durations up to the ride's length, power zones), the rest
-- heart rate only (HRSS, no curve). Columns: services/Coaching/Data/CoachingDbContext.cs and its migrations.
SELECT setseed(0.42);

WITH days AS (
    SELECT d::date AS day, n, random() AS ride, random() AS r_load, random() AS r_if, random() AS r_power, random() AS r_hour
    FROM generate_series(current_date - 3650, current_date - 1, interval '1 day') WITH ORDINALITY AS g(d, n)
), rides AS (
    SELECT day, n,
           round((30 + 220 * power(r_load, 1.6))::numeric, 1)::float8 AS load,
           0.60 + 0.30 * r_if AS intensity,
           200 + 80.0 * n / 3650 AS ftp,
           r_power < 0.9 AS has_power,
           day + time '06:00' + make_interval(hours => (r_hour * 12)::int) AS local_start
    FROM days WHERE ride < 0.7
), shaped AS (
    SELECT *, greatest(1200, round(load / (intensity * intensity * 100) * 3600))::float8 AS seconds FROM rides
)
INSERT INTO workouts (workout_id, source, name, sport, start_time_utc, start_utc_offset_minutes, local_date,
                      duration_seconds, distance_meters, average_power, average_heart_rate, normalized_power,
                      training_stress_score, heart_rate_stress_score, intensity_factor, ftp_used_watts,
                      training_load, training_load_source, mean_max, power_zone_seconds, heart_rate_zone_seconds, received_at)
SELECT gen_random_uuid(), 'Garmin', 'Seeded ride ' || n, 'cycling',
       (local_start - interval '60 minutes') AT TIME ZONE 'UTC', 60, day,
       seconds, seconds * (7.5 + 3 * intensity), CASE WHEN has_power THEN round((ftp * intensity * 0.93)::numeric, 1)::float8 END,
       120 + 40 * intensity, CASE WHEN has_power THEN round((ftp * intensity)::numeric, 1)::float8 END,
       CASE WHEN has_power THEN load END, CASE WHEN NOT has_power THEN load END,
       CASE WHEN has_power THEN round(intensity::numeric, 3)::float8 END, CASE WHEN has_power THEN round(ftp::numeric)::float8 END,
       load, CASE WHEN has_power THEN 'power' ELSE 'heart_rate' END,
       CASE WHEN has_power THEN (
           SELECT jsonb_agg(jsonb_build_object('durationSeconds', d, 'watts',
                      round((ftp * intensity * (1 + 2.6 / power(d, 0.45)) * (0.95 + 0.1 * random()))::numeric, 1)) ORDER BY d)
           FROM unnest(ARRAY[1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600]) AS m(d) WHERE d <= seconds) END,
       CASE WHEN has_power THEN ARRAY(SELECT round(s * seconds)::float8 FROM unnest(ARRAY[0.15, 0.35, 0.2, 0.15, 0.1, 0.04, 0.01]) AS z(s)) END,
       ARRAY(SELECT round(s * seconds)::float8 FROM unnest(ARRAY[0.2, 0.4, 0.25, 0.12, 0.03]) AS z(s)),
       now()
FROM shaped;

SELECT count(*) AS rides, min(local_date) AS first_day, max(local_date) AS last_day,
       round(avg(training_load)::numeric, 1) AS mean_load, count(mean_max) AS with_curve
FROM workouts WHERE name LIKE 'Seeded ride %';
