/**
 * The clinic-group data set for `npm run db:seed:scale`, generated inside
 * PostgreSQL with generate_series and INSERT … SELECT (never row by row).
 * Every step reads the temporary tables the earlier ones made (sc clinics,
 * sprac practitioners, sp patients, sa assessments, sk measure kinds) and
 * $1, the fixed "now" of the run. The numbers are synthetic: shaped like a
 * clinic's caseload, not clinical evidence.
 */

// SCALE_PATIENTS_PER_CLINIC makes a smaller set for a quick measurement (at least 100).
export const PATIENTS_PER_CLINIC = Math.max(100, Number(process.env.SCALE_PATIENTS_PER_CLINIC) || 25_000);
export const PRACTITIONERS_PER_CLINIC = 25;
/** Every scale account shares this password (benchmark data only); the practitioner benchmarked is prac01@north.scale.test. */
export const SCALE_PASSWORD = "plumbline-scale";
export const BENCH_PRACTITIONER = "prac01@north.scale.test";
export const BENCH_ADMIN = "admin@north.scale.test";
/** Patient numbers of the two benchmark patients (clinic North, first practitioner). */
export const TEN_THOUSAND = 1;
export const HUNDRED = 1 + PRACTITIONERS_PER_CLINIC;

export type Step = { name: string; sql: string };

/** The tables the scale data set fills, for counts and VACUUM ANALYZE. */
export const SCALE_TABLES = [
  "patient",
  "body_weight",
  "assessment",
  "instrument_result",
  "pattern_tag",
  "measurement",
  "programme",
  "adherence_entry",
  "decompression_course",
  "decompression_session",
  "audit_event",
];

const TOTAL = PATIENTS_PER_CLINIC * 2;
const BENCH = `(${TEN_THOUSAND}, ${HUNDRED})`;
const clamp = (expr: string, lo: number | string, hi: number | string) => `least(${hi}, greatest(${lo}, ${expr}))`;

export const STEPS: Step[] = [
  {
    name: "patients (plan)",
    sql: `create temp table sp as
      select n,
        (n - 1) / ${PATIENTS_PER_CLINIC} as ck,
        (n - 1) % ${PRACTITIONERS_PER_CLINIC} + 1 as pj,
        gen_random_uuid() as id,
        case when n in ${BENCH} then 'male' when r1 < 0.52 then 'female' else 'male' end::sex as sex,
        case when n in ${BENCH} then 730 else 14 + floor(r2 * 707)::int end as start_days,
        case when n in ${BENCH} then 9 else 2 + floor(r3 * 5.35)::int end as visits,
        case when n in ${BENCH} then 1 when r4 < 0.6 then 0 when r4 < 0.9 then 1 else 2 end as trend,
        4 + floor(r5 * 6)::int as nprs0,
        20 + floor(r6 * 41)::int as odi0,
        n not in ${BENCH} and r7 < 0.08 as archived,
        n in ${BENCH} or r8 < 0.7 as has_programme,
        n in ${BENCH} or r9 < 0.3 as has_course,
        0.2 + r10 * 0.9 as adherence,
        20 + floor(r11 * 60)::int as age
      from (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
              random() r8, random() r9, random() r10, random() r11
            from generate_series(1, ${TOTAL}) n) g`,
  },
  {
    name: "patients",
    sql: `insert into patient (id, clinic_id, first_name, last_name, date_of_birth, sex, phone, email, practitioner_id, archived_at, created_by, created_at, updated_at)
      select sp.id, sc.id,
        case when sp.n = ${TEN_THOUSAND} then 'Benchmark' when sp.n = ${HUNDRED} then 'Benchmark'
          else (select f.name from first_names f where f.sex = sp.sex::text and f.i = sp.n % (select count(*) from first_names f2 where f2.sex = sp.sex::text)) end,
        case when sp.n = ${TEN_THOUSAND} then 'Tenthousand' when sp.n = ${HUNDRED} then 'Hundred'
          else (select l.name from last_names l where l.i = (sp.n / 7) % (select count(*) from last_names)) end,
        ($1::timestamptz - make_interval(years => sp.age, days => sp.n % 360))::date,
        sp.sex, '07700 9' || lpad((sp.n % 100000)::text, 5, '0'), 'patient' || sp.n || '@example.com',
        pr.id, case when sp.archived then $1::timestamptz - make_interval(days => sp.n % 60) end,
        pr.id, $1::timestamptz - make_interval(days => sp.start_days + 7), $1::timestamptz - make_interval(days => sp.start_days + 7)
      from sp join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj`,
  },
  {
    name: "body weights",
    sql: `insert into body_weight (clinic_id, patient_id, kg, measured_on, recorded_by)
      select sc.id, sp.id, round((55 + random() * 50)::numeric, 1), ($1::timestamptz - make_interval(days => sp.start_days + 7))::date, pr.id
      from sp join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj`,
  },
  {
    name: "assessments (plan)",
    sql: `create temp table sa as
      select gen_random_uuid() as id, sp.n, sp.id as patient_id, k, sp.visits,
        $1::timestamptz - make_interval(days => greatest(0, sp.start_days - k * greatest(7, least(42, sp.start_days / sp.visits))), hours => 9 + sp.n % 8) as at
      from sp cross join lateral generate_series(0, sp.visits - 1) k
      where sp.n not in ${BENCH}
      union all
      select gen_random_uuid(), sp.n, sp.id, k, 9, $1::timestamptz - make_interval(days => 730 - k * 90, hours => 10)
      from sp cross join generate_series(0, 8) k
      where sp.n in ${BENCH}`,
  },
  {
    name: "assessments",
    sql: `insert into assessment (id, clinic_id, patient_id, practitioner_id, assessed_at, region, chief_complaint, status, revision, signed_at, signed_by, created_at, updated_at)
      select sa.id, sc.id, sa.patient_id, pr.id, sa.at, 'lumbar', 'Low back pain', 'signed', 1, sa.at, pr.id, sa.at, sa.at
      from sa join sp on sp.n = sa.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      union all
      select gen_random_uuid(), sc.id, sp.id, pr.id, $1::timestamptz - make_interval(days => sp.n % 20), 'lumbar', 'Follow-up', 'draft', 0, null, null,
        $1::timestamptz - make_interval(days => sp.n % 20), $1::timestamptz - make_interval(days => sp.n % 20)
      from sp join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      where sp.n % 37 = 5 and not sp.archived`,
  },
  {
    name: "instrument results",
    sql: `insert into instrument_result (clinic_id, patient_id, assessment_id, instrument, version, items, score, score_unit, scale_min, scale_max, direction, rule, taken_at)
      select sc.id, sa.patient_id, sa.id, 'nprs', '0-10',
        jsonb_build_array(jsonb_build_object('id', 'current', 'label', 'Pain now', 'value', v.nprs),
          jsonb_build_object('id', 'best', 'label', 'Least pain in the last 24 hours', 'value', null),
          jsonb_build_object('id', 'worst24h', 'label', 'Worst pain in the last 24 hours', 'value', ${clamp("v.nprs + 1 + sa.n % 2", 0, 10)})),
        v.nprs, 'points', 0, 10, 'higher-is-worse', 'Synthetic scale data', sa.at
      from sa join sp on sp.n = sa.n join sc on sc.k = sp.ck
      cross join lateral (select ${clamp(
        "round(sp.nprs0 + (case sp.trend when 0 then -(3 + sp.n % 3) when 1 then 0 else 2 end) * sa.k::float8 / greatest(1, sa.visits - 1) + (random() - 0.5) * 1.6)",
        0,
        10,
      )} as nprs) v
      union all
      select sc.id, sa.patient_id, sa.id, 'odi', '2.1a', '[]'::jsonb, v.odi, 'percent', 0, 100, 'higher-is-worse', 'Synthetic scale data', sa.at
      from sa join sp on sp.n = sa.n join sc on sc.k = sp.ck
      cross join lateral (select ${clamp(
        "round(sp.odi0 + (case sp.trend when 0 then -(12 + sp.n % 10) when 1 then 0 else 10 end) * sa.k::float8 / greatest(1, sa.visits - 1) + (random() - 0.5) * 6)",
        0,
        100,
      )} as odi) v`,
  },
  {
    name: "pattern tags",
    sql: `insert into pattern_tag (clinic_id, patient_id, assessment_id, pattern, status, suggested, decided_by, decided_at)
      select sc.id, sa.patient_id, sa.id,
        (array['core-extensor', 'hip-flexor-glute', 'scapular-chest', 'hamstring-quadriceps'])[1 + sa.n % 4], 'confirmed', true, pr.id, sa.at
      from sa join sp on sp.n = sa.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      where sa.k = 0`,
  },
  {
    name: "measurements (about 2.5 million, from assessments)",
    sql: `insert into measurement (clinic_id, patient_id, assessment_id, code, side, value, unit, method, examiner_id, taken_at)
      select sc.id, sa.patient_id, sa.id, sk.code, sk.side,
        ${clamp("round((sk.base + sk.delta * (case sp.trend when 0 then 1 when 1 then 0.1 else -0.5 end) * sa.k::float8 / greatest(1, sa.visits - 1) + (random() - 0.5) * sk.noise)::numeric / sk.step) * sk.step", "sk.lo", "sk.hi")},
        sk.unit, sk.method, pr.id, sa.at
      from sa join sp on sp.n = sa.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      cross join sk
      where sa.n not in ${BENCH}`,
  },
  {
    name: "measurements of the 10,000- and 100-measurement patients",
    sql: `insert into measurement (clinic_id, patient_id, assessment_id, code, side, value, unit, method, examiner_id, taken_at)
      select sc.id, sp.id, null, sk.code, sk.side,
        ${clamp("round((sk.base + sk.delta * m.i::float8 / m.total + (random() - 0.5) * sk.noise)::numeric / sk.step) * sk.step", "sk.lo", "sk.hi")},
        sk.unit, sk.method, pr.id,
        $1::timestamptz - interval '730 days' + (m.i / 12) * (interval '729 days' / ceil(m.total / 12.0))
      from (select ${TEN_THOUSAND} as n, i, 10000 as total from generate_series(0, 9999) i
            union all select ${HUNDRED}, i, 100 from generate_series(0, 99) i) m
      join sp on sp.n = m.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      join sk on sk.kidx = m.i % 12`,
  },
  {
    name: "programmes (plan)",
    sql: `create temp table sg as
      select gen_random_uuid() as id, sp.n, sp.id as patient_id,
        ($1::timestamptz - make_interval(days => greatest(0, sp.start_days - 3)))::date as start_date,
        case when sp.n in ${BENCH} then false else sp.start_days > 100 end as done
      from sp where sp.has_programme`,
  },
  {
    name: "programmes",
    sql: `insert into programme (id, clinic_id, patient_id, practitioner_id, version_no, status, goals, start_date, review_date, created_at, updated_at)
      select sg.id, sc.id, sg.patient_id, pr.id, 1, case when sg.done then 'completed' else 'active' end, 'Reduce pain; return to usual activity',
        sg.start_date, case when sg.done then null else sg.start_date + 42 end,
        sg.start_date::timestamptz, case when sg.done then (sg.start_date + 90)::timestamptz else sg.start_date::timestamptz end
      from sg join sp on sp.n = sg.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj`,
  },
  {
    name: "adherence entries",
    sql: `insert into adherence_entry (clinic_id, patient_id, programme_id, week_start, sessions_done, sessions_prescribed, pain_during, recorded_by, recorded_at)
      select sc.id, sg.patient_id, sg.id, w.week_start,
        ${clamp("round(7 * sp.adherence + (random() - 0.5) * 3)::int", 0, 7)}, 7, floor(random() * 6)::int, pr.id, w.week_start + 7
      from sg join sp on sp.n = sg.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      cross join lateral (
        select (date_trunc('week', sg.start_date::timestamp) + make_interval(weeks => w))::date as week_start
        from generate_series(0, case when sg.done then 11 else 200 end) w
      ) w
      where w.week_start < date_trunc('week', $1::timestamptz at time zone 'Europe/London')::date`,
  },
  {
    name: "decompression courses (plan)",
    sql: `create temp table scourse as
      select gen_random_uuid() as id, sp.n, sp.id as patient_id,
        case when sp.n in ${BENCH} then 20 else 16 + sp.n % 9 end as planned,
        date_trunc('day', $1::timestamptz - make_interval(days => case when sp.n in ${BENCH} then 30 else greatest(0, sp.start_days - 7) end)) + interval '9 hours' as first_at
      from sp where sp.has_course`,
  },
  {
    name: "decompression courses",
    sql: `insert into decompression_course (id, clinic_id, patient_id, practitioner_id, region, target_level, planned_sessions, sessions_per_week, start_date,
        initial_parameters, status, screening, created_at, updated_at)
      select c.id, sc.id, c.patient_id, pr.id, 'lumbar', 'L4-L5', c.planned, 3, c.first_at::date,
        '{"position":"supine","maxForceKg":25,"minForceKg":12,"holdSeconds":60,"restSeconds":30,"durationMin":20}'::jsonb,
        case when c.first_at + (c.planned - 1) * interval '56 hours' < $1::timestamptz then 'completed' else 'active' end,
        '{"outcome":"clear","flags":[]}'::jsonb, c.first_at,
        case when c.first_at + (c.planned - 1) * interval '56 hours' < $1::timestamptz then c.first_at + (c.planned - 1) * interval '56 hours' else c.first_at end
      from scourse c join sp on sp.n = c.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj`,
  },
  {
    name: "decompression sessions (about 300,000)",
    sql: `insert into decompression_session (clinic_id, patient_id, course_id, practitioner_id, scheduled_at, status, position, body_weight_kg,
        max_force_kg, min_force_kg, hold_seconds, rest_seconds, cycles, duration_min, nprs_before, nprs_after, response, logged_by, logged_at)
      select sc.id, c.patient_id, c.id, pr.id, s.at, s.status, 'supine', 80,
        case when s.status = 'completed' then 22 + s.i * 0.5 end, case when s.status = 'completed' then 11 end,
        60, 30, 15, 20,
        case when s.status = 'completed' then 4 + sp.n % 4 end, case when s.status = 'completed' then 3 + sp.n % 4 end,
        case when s.status = 'completed' then 'no-change' end,
        case when s.status <> 'scheduled' then pr.id end, case when s.status <> 'scheduled' then s.at + interval '30 minutes' end
      from scourse c join sp on sp.n = c.n join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj
      cross join lateral (
        select i, c.first_at + (i - 1) * interval '56 hours' as at,
          case when c.first_at + (i - 1) * interval '56 hours' >= $1::timestamptz then 'scheduled'
            when c.n in ${BENCH} or random() < 0.95 then 'completed' when random() < 0.5 then 'missed' else 'cancelled' end as status
        from generate_series(1, c.planned) i
      ) s`,
  },
  {
    name: "audit events (1,000,000)",
    sql: `insert into audit_event (clinic_id, actor_id, actor_email, patient_id, entity, entity_id, action, at)
      select sc.id, pr.id, pr.email, sp.id,
        (array['patient', 'assessment', 'progress', 'programme', 'decompression-session'])[1 + i % 5], sp.id::text,
        (array['view', 'view', 'view', 'update', 'create'])[1 + (i / 5) % 5]::audit_action,
        $1::timestamptz - make_interval(secs => random() * 730 * 86400)
      from generate_series(1, 1000000) i
      join sp on sp.n = 1 + i % ${TOTAL} join sc on sc.k = sp.ck join sprac pr on pr.ck = sp.ck and pr.j = sp.pj`,
  },
];

/** Twelve measure kinds, as an assessment records them: base value, change over the course, noise, rounding, plausible limits. */
export const MEASURE_KINDS = [
  ["thomas-hip-angle", "left", "deg", "goniometer", 10, -10, 4, 1, -30, 90],
  ["thomas-hip-angle", "right", "deg", "goniometer", 8, -8, 4, 1, -30, 90],
  ["slr-passive", "left", "deg", "goniometer", 52, 12, 6, 1, 0, 120],
  ["slr-passive", "right", "deg", "goniometer", 55, 10, 6, 1, 0, 120],
  ["side-bridge", "left", "s", "stopwatch", 55, 35, 12, 1, 0, 600],
  ["side-bridge", "right", "s", "stopwatch", 60, 30, 12, 1, 0, 600],
  ["mmt-gluteus-medius", "left", "grade", "oxford-mrc", 3.75, 1, 0.5, 0.25, 0, 5],
  ["mmt-gluteus-medius", "right", "grade", "oxford-mrc", 4, 0.75, 0.5, 0.25, 0, 5],
  ["biering-sorensen", "na", "s", "stopwatch", 110, 60, 20, 1, 0, 240],
  ["modified-schober", "na", "cm", "tape", 3.6, 1.5, 0.6, 0.1, 0, 15],
  ["lumbar-flexion", "na", "deg", "inclinometer", 38, 12, 6, 1, 0, 120],
  ["pelvic-tilt", "na", "deg", "inclinometer", 14, -4, 3, 1, -30, 45],
] as const;
