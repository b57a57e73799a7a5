// `npm run db:seed:scale`: fills an empty PostgreSQL database (as its owner:
// MIGRATION_DATABASE_URL when the app runs as a least-privilege role, else DATABASE_URL)
// with a clinic group for benchmarks: 2 clinics, 25 practitioners each,
// 50,000 patients, about 2.5 million measurements, 300,000 decompression
// sessions, adherence and audit rows. Generated inside PostgreSQL
// (generate_series, INSERT … SELECT): nothing is sent row by row.
// Use a database of its own, e.g.
//   createdb -h 127.0.0.1 -U postgres plumbline_scale
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/plumbline_scale npm run db:seed:scale
import os from "node:os";
import { hash } from "@node-rs/argon2";
import postgres from "postgres";
import { connectPostgres } from "@/db/client";
import { migrateConnection } from "@/db/migrate";
import { isEmptyDatabase } from "@/db/seed";
import { FIRST_NAMES, LAST_NAMES } from "@/db/seed/names";
import { ARGON2_OPTIONS } from "@/lib/auth/password-options";
import { HUNDRED, MEASURE_KINDS, PRACTITIONERS_PER_CLINIC, SCALE_PASSWORD, SCALE_TABLES as TABLES, STEPS, TEN_THOUSAND } from "./scale/steps";

const CLINICS = [
  { key: "north", name: "Scale Clinic North" },
  { key: "south", name: "Scale Clinic South" },
];

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function createPlanTables(sql: postgres.Sql, passwordHash: string) {
  await sql`create temp table sc (k int, id uuid)`;
  await sql`create temp table sprac (ck int, j int, id uuid, email text)`;
  for (const [k, clinic] of CLINICS.entries()) {
    const [row] = await sql<{ id: string }[]>`insert into clinic (name, time_zone, weight_unit) values (${clinic.name}, 'Europe/London', 'kg') returning id`;
    await sql`insert into sc values (${k}, ${row!.id})`;
    const staff = [
      { email: `admin@${clinic.key}.scale.test`, name: `Admin ${clinic.name}`, role: "admin", j: 0 },
      ...Array.from({ length: PRACTITIONERS_PER_CLINIC }, (_, i) => ({
        email: `prac${String(i + 1).padStart(2, "0")}@${clinic.key}.scale.test`,
        name: `Practitioner ${i + 1} (${clinic.key})`,
        role: "practitioner",
        j: i + 1,
      })),
    ];
    const users = await sql<{ id: string; email: string }[]>`insert into app_user ${sql(
      staff.map((s) => ({ clinic_id: row!.id, email: s.email, name: s.name, role: s.role, password_hash: passwordHash })),
    )} returning id, email`;
    const ids = new Map(users.map((u) => [u.email, u.id]));
    await sql`insert into sprac ${sql(staff.filter((s) => s.j > 0).map((s) => ({ ck: k, j: s.j, id: ids.get(s.email)!, email: s.email })))}`;
  }
  await sql`create temp table first_names (i int, sex text, name text)`;
  for (const sex of ["female", "male"] as const) {
    await sql`insert into first_names ${sql(FIRST_NAMES[sex].map((name, i) => ({ i, sex, name })))}`;
  }
  await sql`create temp table last_names (i int, name text)`;
  await sql`insert into last_names ${sql(LAST_NAMES.map((name, i) => ({ i, name })))}`;
  await sql`create temp table sk (kidx int, code text, side text, unit text, method text, base float8, delta float8, noise float8, step numeric, lo float8, hi float8)`;
  await sql`insert into sk ${sql(
    MEASURE_KINDS.map(([code, side, unit, method, base, delta, noise, step, lo, hi], kidx) => ({ kidx, code, side, unit, method, base, delta, noise, step, lo, hi })),
  )}`;
}

async function main() {
  // The owner writes across clinics, above row-level security; the runtime role could not.
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required: the scale data set is for PostgreSQL only (use a database of its own, e.g. plumbline_scale).");
    process.exit(1);
  }
  const started = Date.now();
  const conn = await connectPostgres(url, 1);
  try {
    await migrateConnection(conn, url);
    if (!(await isEmptyDatabase(conn.db))) {
      console.error("This database already has clinics: the scale data set loads only into an empty database. Create a new one.");
      process.exit(1);
    }
  } finally {
    await conn.close();
  }

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Bulk-load settings for this session only. Skipping foreign-key triggers needs a superuser; without one the load is slower, not wrong.
    await sql`set session_replication_role = replica`.catch(() => console.log("(not a superuser: foreign keys are checked row by row, which is slower)"));
    await sql`set max_parallel_workers_per_gather = 0`;
    await sql`set synchronous_commit = off`;
    await sql`set work_mem = '64MB'`;
    await sql`select setseed(0.20260301)`;
    const [started_at] = await sql<{ now: string }[]>`select now()::text as now`;
    const now = started_at!.now;

    await createPlanTables(sql, await hash(SCALE_PASSWORD, ARGON2_OPTIONS));
    for (const step of STEPS) {
      const t = Date.now();
      const result = await sql.unsafe(step.sql, step.sql.includes("$1") ? [now] : []);
      console.log(`${step.name}: ${result.count.toLocaleString("en-GB")} rows in ${seconds(t)}`);
    }
    await sql`set session_replication_role = origin`.catch(() => {});

    const t = Date.now();
    // Fresh statistics for the planner and a visibility map for index-only scans.
    for (const table of TABLES) await sql.unsafe(`vacuum (analyze) ${table}`);
    console.log(`vacuum analyze: ${seconds(t)}`);

    const counts = await sql.unsafe<{ table: string; n: number }[]>(TABLES.map((table) => `select '${table}' as table, count(*)::int as n from ${table}`).join(" union all "));
    for (const { table, n } of counts) console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en-GB").padStart(10)}`);
    const bench = await sql<{ first_name: string; last_name: string; id: string; n: number }[]>`
      select p.first_name, p.last_name, p.id, count(m.id)::int as n from patient p join measurement m on m.patient_id = p.id and m.clinic_id = p.clinic_id
      where p.first_name = 'Benchmark' group by p.id order by n`;
    for (const b of bench) console.log(`  ${b.first_name} ${b.last_name}: ${b.n.toLocaleString("en-GB")} measurements, /patients/${b.id}/progress`);
    console.log(`Patients ${TEN_THOUSAND} and ${HUNDRED} of the plan are the benchmark patients, on prac01@north.scale.test's caseload.`);
    console.log(`Sign in as prac01@north.scale.test or admin@north.scale.test (password ${SCALE_PASSWORD}).`);
    // The timing travels with the data: `npm run bench` quotes it in docs/benchmarks.md.
    const [db] = await sql<{ name: string }[]>`select current_database() as name`;
    const note = `loaded by npm run db:seed:scale in ${seconds(started)} on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores)`;
    await sql.unsafe(`comment on database "${db!.name.replaceAll('"', '""')}" is '${note}'`);
    console.log(`Scale data set loaded in ${seconds(started)}.`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
