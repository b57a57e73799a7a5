// Times the progress loader's stages for the 10,000-measurement patient (query, reduction), to see where a long history costs:
//   DATABASE_URL=…/plumbline_scale npx tsx scripts/bench/profile-progress.ts
import { and, eq } from "drizzle-orm";
import { connectPostgres } from "@/db/client";
import { patients, users } from "@/db/schema";
import { buildMeasureCharts } from "@/lib/progress/build-charts";
import { loadProgress } from "@/lib/progress/load";
import { fetchMeasurementSeries } from "@/lib/progress/queries";
import { BENCH_PRACTITIONER } from "../scale/steps";

async function time(label: string, n: number, fn: () => Promise<unknown> | unknown) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} median ${times[Math.floor(n / 2)]!.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms`);
}

async function main() {
  const conn = await connectPostgres(process.env.DATABASE_URL!, 4);
  const [u] = await conn.db.select().from(users).where(eq(users.email, BENCH_PRACTITIONER));
  const scope = { clinicId: u!.clinicId, userId: u!.id, role: u!.role, email: u!.email };
  for (const last of ["Hundred", "Tenthousand"]) {
    const [p] = await conn.db.select().from(patients).where(and(eq(patients.clinicId, scope.clinicId), eq(patients.lastName, last)));
    const rows = await fetchMeasurementSeries(conn.db, scope, p!.id, null);
    console.log(last);
    await time("  fetchMeasurementSeries", 30, () => fetchMeasurementSeries(conn.db, scope, p!.id, null));
    await time("  buildMeasureCharts (reduce)", 30, () => buildMeasureCharts(rows, [], p!.sex));
    await time("  loadProgress", 30, () => loadProgress(conn.db, scope, p!, "all"));
    const data = await loadProgress(conn.db, scope, p!, "all");
    await time("  JSON.stringify of the chart data", 30, () => JSON.stringify(data));
    console.log(`  payload ${(JSON.stringify(data).length / 1024).toFixed(0)} KiB`);
  }
  await conn.close();
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
