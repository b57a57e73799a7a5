import { addDays, formatISO, parseISO, subDays } from "date-fns";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { assessments, auditEvents, bodyWeights, decompressionCourses, decompressionSessions, patientFlags } from "../schema";
import { FORCE_WARN_ABOVE_PERCENT, TYPICAL_START_PERCENT, type DecompressionRegion } from "@/lib/clinical/decompression";
import { KG_PER_LB } from "@/lib/clinical/units";
import { screenForDecompression } from "@/lib/clinical/safety";
import { instantToLocalDate, localToInstant } from "@/lib/time-zone";
import { toStoredScreening } from "@/lib/decompression/rules";
import { insertInBatches } from "./assessments-batch";
import { DEMO_CLINICS } from "./demo-accounts";
import type { DemoContext } from "./index";
import type { SeededPatient } from "./patients";
import type { Rng } from "./random";

/**
 * Demo decompression: courses for about a third of the active patients who
 * pass screening, with session logs whose force starts near 30-35 % of body
 * weight and rises by 5-10 lb after tolerated sessions, never above the
 * warning threshold (clinical-reference.md section 4); pain before / after
 * each session; some sessions booked today and this week. The pregnancy,
 * osteoporosis and red-flag personas have no course (screening blocks them);
 * the fusion persona's course was allowed by the admin's written override.
 */

type Rows = {
  courses: (typeof decompressionCourses.$inferInsert)[];
  sessions: (typeof decompressionSessions.$inferInsert)[];
  audit: (typeof auditEvents.$inferInsert)[];
};
type Weight = { kg: number; measuredOn: string };
type CoursePlan = { patient: SeededPatient; region: DecompressionRegion; weight: Weight; flags: string[]; startWeeksAgo: number; override?: { adminId: string; adminEmail: string; reason: string }; stopAfter?: number };

const day = (d: Date) => formatISO(d, { representation: "date" });
const round1 = (n: number) => Math.round(n * 10) / 10;
// Weekday patterns: Mon / Wed / Fri or Tue / Thu (+ Sat for three a week).
const WEEKDAYS: Record<number, number[]> = { 2: [1, 3], 3: [1, 3, 5] };

const OVERRIDE_REASON =
  "Surgeon's letter (consultant spinal surgeon, 3 months after the L4-S1 fusion) supports low-force traction above the fused levels; risks discussed and the patient consents.";

async function readContext(db: Database, clinicIds: string[]) {
  const [flags, weights, regions] = await Promise.all([
    db.select({ patientId: patientFlags.patientId, code: patientFlags.code, status: patientFlags.status }).from(patientFlags).where(and(inArray(patientFlags.clinicId, clinicIds), eq(patientFlags.status, "active"))),
    db.select({ patientId: bodyWeights.patientId, kg: bodyWeights.kg, measuredOn: bodyWeights.measuredOn }).from(bodyWeights).where(inArray(bodyWeights.clinicId, clinicIds)).orderBy(desc(bodyWeights.measuredOn)),
    db.select({ patientId: assessments.patientId, region: assessments.region }).from(assessments).where(inArray(assessments.clinicId, clinicIds)).orderBy(asc(assessments.assessedAt)),
  ]);
  const flagsOf = new Map<string, string[]>();
  for (const f of flags) flagsOf.set(f.patientId, [...(flagsOf.get(f.patientId) ?? []), f.code]);
  const weightOf = new Map<string, Weight>();
  for (const w of weights) if (!weightOf.has(w.patientId)) weightOf.set(w.patientId, { kg: w.kg, measuredOn: w.measuredOn });
  const regionOf = new Map<string, DecompressionRegion>();
  for (const r of regions) if (r.region === "lumbar" || r.region === "cervical") regionOf.set(r.patientId, r.region);
  return { flagsOf, weightOf, regionOf };
}

/** Session dates: the course's weekdays from its start, at a steady local time. */
function planSlots(rng: Rng, timeZone: string, startDate: string, perWeek: number, count: number): Date[] {
  const weekdays = WEEKDAYS[perWeek] ?? [1, 3];
  const hour = rng.int(8, 17);
  const minute = rng.pick(["00", "30"]);
  const slots: Date[] = [];
  for (let d = parseISO(startDate); slots.length < count; d = addDays(d, 1)) {
    if (weekdays.includes(d.getDay())) slots.push(localToInstant(`${day(d)}T${String(hour).padStart(2, "0")}:${minute}`, timeZone));
  }
  return slots;
}

function addCourse(rows: Rows, rng: Rng, now: Date, timeZone: string, plan: CoursePlan, today: { hour: number } | null) {
  const { patient, region, weight } = plan;
  const id = rng.uuid();
  const perWeek = rng.pick([2, 3, 3]);
  const planned = region === "lumbar" ? rng.int(12, 20) : rng.int(10, 14);
  const start = subDays(now, plan.startWeeksAgo * 7 + rng.int(0, 3));
  const startDate = day(start);
  const startPct = region === "lumbar" ? rng.float(TYPICAL_START_PERCENT.lumbar.min, TYPICAL_START_PERCENT.lumbar.max) : rng.float(TYPICAL_START_PERCENT.cervical.min, TYPICAL_START_PERCENT.cervical.max);
  // Never above the warning threshold in the demo: force rises only while it stays below it.
  const ceilingKg = (weight.kg * FORCE_WARN_ABOVE_PERCENT[region]) / 100;
  // Rounded to 0.1 kg, never above the ceiling (a 10 % cervical start could otherwise round to 10.06 %)
  let force = Math.min(round1((weight.kg * startPct) / 100), Math.floor(ceilingKg * 10) / 10);
  let pain = rng.int(5, 7);
  const screening = screenForDecompression({ region, flags: plan.flags.map((code) => ({ code, status: "active" as const })) });
  const createdAt = localToInstant(`${startDate}T08:30`, timeZone);

  // A few spare slots replace cancelled or missed sessions.
  const slots = planSlots(rng, timeZone, startDate, perWeek, planned + 6);
  let completed = 0;
  let upcoming = 0;
  let stopped: string | null = null;
  for (const [n, slotAt] of slots.entries()) {
    if (stopped || completed + upcoming >= planned) break;
    let at = slotAt;
    // The first upcoming session of some courses is today; the rest of the week follows the pattern.
    if (today && at > now && n === slots.findIndex((s) => s > now)) at = localToInstant(`${instantToLocalDate(now, timeZone)}T${String(today.hour).padStart(2, "0")}:00`, timeZone);
    const past = at < now && instantToLocalDate(at, timeZone) < instantToLocalDate(now, timeZone);
    if (!past) {
      upcoming++;
      rows.sessions.push({ id: rng.uuid(), clinicId: patient.clinicId, patientId: patient.id, courseId: id, practitionerId: patient.practitionerId, scheduledAt: at, status: "scheduled" });
      continue;
    }
    const outcome = rng.chance(0.92) ? "completed" : rng.pick(["cancelled", "missed"] as const);
    if (outcome !== "completed") {
      rows.sessions.push({ id: rng.uuid(), clinicId: patient.clinicId, patientId: patient.id, courseId: id, practitionerId: patient.practitionerId, scheduledAt: at, status: outcome, loggedBy: patient.practitionerId, loggedAt: at, notes: outcome === "cancelled" ? "Cancelled by the patient." : null });
      continue;
    }
    completed++;
    const peripheral = plan.stopAfter !== undefined && completed === plan.stopAfter;
    const response = peripheral ? "peripheralising" : rng.chance(0.7) ? "centralising" : "no-change";
    const after = Math.max(0, pain - (response === "centralising" ? rng.int(1, 2) : rng.int(0, 1)));
    rows.sessions.push({
      id: rng.uuid(),
      clinicId: patient.clinicId,
      patientId: patient.id,
      courseId: id,
      practitionerId: patient.practitionerId,
      scheduledAt: at,
      status: "completed",
      position: "supine",
      angleDeg: region === "lumbar" ? 10 : 20,
      bodyWeightKg: weight.kg,
      bodyWeightOn: weight.measuredOn,
      maxForceKg: force,
      minForceKg: round1(force / 2),
      holdSeconds: 60,
      restSeconds: 30,
      cycles: 15,
      durationMin: region === "lumbar" ? 20 : 15,
      nprsBefore: pain,
      nprsAfter: peripheral ? Math.min(10, pain + 1) : after,
      response,
      adverseEvent: peripheral ? "Leg tingling spread below the knee after the session." : null,
      loggedBy: patient.practitionerId,
      loggedAt: new Date(at.getTime() + 25 * 60_000),
    });
    if (peripheral) {
      stopped = "Peripheralising symptoms after a session; course stopped and the patient reassessed.";
      continue;
    }
    // After a tolerated session the pull rises by 5-10 lb (clinical-reference.md section 4), below the threshold.
    const step = (region === "lumbar" ? rng.int(5, 10) : rng.int(1, 2)) * KG_PER_LB;
    if (response !== "peripheralising" && round1(force + step) <= ceilingKg) force = round1(force + step);
    pain = Math.max(1, pain - (rng.chance(0.45) ? 1 : 0));
  }
  const finished = !stopped && completed >= planned;
  rows.courses.push({
    id,
    clinicId: patient.clinicId,
    patientId: patient.id,
    practitionerId: patient.practitionerId,
    region,
    targetLevel: region === "lumbar" ? rng.pick(["L4-L5", "L4-L5", "L5-S1", "L3-L4"]) : rng.pick(["C5-C6", "C6-C7"]),
    plannedSessions: planned,
    sessionsPerWeek: perWeek,
    startDate,
    initialParameters: { position: "supine", angleDeg: region === "lumbar" ? 10 : 20, maxForceKg: round1((weight.kg * startPct) / 100), minForceKg: round1((weight.kg * startPct) / 200), holdSeconds: 60, restSeconds: 30, cycles: 15, durationMin: region === "lumbar" ? 20 : 15, enteredIn: "kg" },
    status: stopped ? "stopped" : finished ? "completed" : "active",
    stoppedReason: stopped,
    screening: { ...toStoredScreening(screening, createdAt) },
    overrideReason: plan.override?.reason ?? null,
    overrideBy: plan.override?.adminId ?? null,
    overrideAt: plan.override ? createdAt : null,
    createdAt,
    updatedAt: createdAt,
  });
  if (plan.override) {
    rows.audit.push({
      clinicId: patient.clinicId,
      actorId: plan.override.adminId,
      actorEmail: plan.override.adminEmail,
      patientId: patient.id,
      entity: "decompression_course",
      entityId: id,
      action: "override",
      at: createdAt,
      reason: plan.override.reason,
      detail: { contraindications: screening.blocking.map((f) => f.code) },
    });
  }
}

export async function seedDecompression(db: Database, ctx: DemoContext): Promise<void> {
  const { flagsOf, weightOf, regionOf } = await readContext(db, ctx.clinics.map((c) => c.id));
  const rows: Rows = { courses: [], sessions: [], audit: [] };
  for (const clinic of ctx.clinics) {
    const timeZone = DEMO_CLINICS.find((c) => c.key === clinic.key)?.timeZone ?? "Europe/London";
    const admin = clinic.users.find((u) => u.role === "admin");
    const patients = ctx.patients.filter((p) => p.clinicId === clinic.id && !p.archived);
    const plans: CoursePlan[] = [];
    const target = Math.round(patients.length / 3);
    for (const patient of patients) {
      const weight = weightOf.get(patient.id);
      if (!weight) continue;
      const flags = flagsOf.get(patient.id) ?? [];
      const region = regionOf.get(patient.id) ?? "lumbar";
      if (patient.story === "fusion-override" && admin) {
        plans.push({ patient, region: "lumbar", weight, flags, startWeeksAgo: 3, override: { adminId: admin.id, adminEmail: admin.email, reason: OVERRIDE_REASON } });
        continue;
      }
      // Blocked by screening (pregnancy, osteoporosis, the red flag): no course, as the action would refuse one.
      if (screenForDecompression({ region, flags: flags.map((code) => ({ code, status: "active" as const })) }).outcome === "blocked") continue;
      const wanted = patient.story === "not-improving" || patient.story === "improving-lower-crossed" || patient.story === "upper-crossed-cervical" || ctx.rng.chance(0.3);
      if (wanted && plans.length < target) plans.push({ patient, region, weight, flags, startWeeksAgo: ctx.rng.int(1, 4) });
    }
    // Variety: one finished course and one stopped after a peripheralising response per clinic.
    const finishing = plans.find((p) => !p.override && !p.patient.story);
    if (finishing) finishing.startWeeksAgo = 12;
    const stopping = plans.find((p) => !p.override && !p.patient.story && p !== finishing);
    if (stopping) {
      stopping.startWeeksAgo = Math.max(3, stopping.startWeeksAgo);
      stopping.stopAfter = 4;
    }
    let todayCount = 0;
    for (const plan of plans) {
      const bookToday = todayCount < 3 && plan !== finishing && plan !== stopping;
      if (bookToday) todayCount++;
      addCourse(rows, ctx.rng, ctx.now, timeZone, plan, bookToday ? { hour: 9 + todayCount * 2 } : null);
    }
  }
  await insertInBatches(db, decompressionCourses, rows.courses);
  await insertInBatches(db, decompressionSessions, rows.sessions);
  await insertInBatches(db, auditEvents, rows.audit);
}
