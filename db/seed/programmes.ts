import { addDays, formatISO, parseISO, subDays } from "date-fns";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { adherenceEntries, assessments, patternTags, programmeItems, programmes } from "../schema";
import { computePrescribedSessions, getPastWeekStart, getWeekStart } from "@/lib/adherence/rules";
import { BAND_COLOURS, BUILT_IN_EXERCISES, getBuiltInExercise } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS, type PatternId } from "@/lib/clinical/patterns";
import { suggestProgramme } from "@/lib/clinical/programme-suggest";
import { insertInBatches } from "./assessments-batch";
import type { DemoContext } from "./index";
import type { SeededPatient } from "./patients";
import type { PersonaStory } from "./personas";
import type { Rng } from "./random";

/**
 * Demo home programmes: most active patients have one, drafted from the
 * patterns their assessments confirmed (as "Suggest programme" would), some
 * with an earlier superseded version, and weekly adherence since it began:
 * mostly good, a few under 50 % last week. Rows are built first, then bulk inserted.
 */

type Rows = {
  programmes: (typeof programmes.$inferInsert)[];
  items: (typeof programmeItems.$inferInsert)[];
  adherence: (typeof adherenceEntries.$inferInsert)[];
};

const day = (d: Date) => formatISO(d, { representation: "date" });
const latest = (a: string, b: string) => (a > b ? a : b);

// Patients whose story has no assessment pattern still get a plausible one.
const STORY_PATTERNS: Partial<Record<PersonaStory, PatternId[]>> = {
  "improving-lower-crossed": ["hip-flexor-glute"],
  "upper-crossed-cervical": ["scapular-chest"],
  "fusion-override": ["core-extensor"],
};

// Adherence profiles: share of prescribed sessions done in a typical week.
const PROFILES = { steady: [0.8, 1], patchy: [0.6, 0.9], struggling: [0.5, 0.75] } as const;

async function readPatterns(db: Database, clinicIds: string[]): Promise<Map<string, PatternId[]>> {
  const rows = await db
    .select({ patientId: patternTags.patientId, pattern: patternTags.pattern })
    .from(patternTags)
    .where(and(inArray(patternTags.clinicId, clinicIds), eq(patternTags.status, "confirmed"), isNull(patternTags.supersededAt)))
    .orderBy(asc(patternTags.decidedAt));
  const known = new Set<string>(PATTERN_IDS);
  const out = new Map<string, PatternId[]>();
  for (const row of rows) {
    if (!known.has(row.pattern)) continue;
    const list = out.get(row.patientId) ?? [];
    if (!list.includes(row.pattern as PatternId)) list.push(row.pattern as PatternId);
    out.set(row.patientId, list);
  }
  return out;
}

async function readFirstAssessments(db: Database, clinicIds: string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({ patientId: assessments.patientId, at: assessments.assessedAt })
    .from(assessments)
    .where(and(inArray(assessments.clinicId, clinicIds), eq(assessments.status, "signed")))
    .orderBy(asc(assessments.assessedAt));
  const out = new Map<string, Date>();
  for (const row of rows) if (!out.has(row.patientId)) out.set(row.patientId, row.at);
  return out;
}

/** The suggested items with their catalogue doses; a later version progresses the strengthening work. */
function buildItems(rows: Rows, rng: Rng, patient: SeededPatient, programmeId: string, patterns: PatternId[], progressed: boolean) {
  const slugs = suggestProgramme(patterns).map((s) => s.slug);
  if (progressed) {
    // The revision adds one more strengthening or functional exercise for the same patterns.
    const more = BUILT_IN_EXERCISES.filter((e) => (e.role === "strengthen-weak" || e.role === "functional") && e.patterns.some((p) => patterns.includes(p)) && !slugs.includes(e.slug));
    if (more.length) slugs.push(rng.pick(more).slug);
  }
  const categories: { timesPerDay: number; daysPerWeek: number; category: "strengthen" | "stretch" | "functional" | "posture" | "mobility" }[] = [];
  slugs.forEach((slug, position) => {
    const exercise = getBuiltInExercise(slug);
    if (!exercise) return;
    const dose = exercise.defaultDose;
    const strengthen = exercise.category === "strengthen";
    const banded = strengthen && exercise.equipment.some((e) => e === "resistance-band" || e === "mini-band");
    rows.items.push({
      clinicId: patient.clinicId,
      programmeId,
      position,
      builtInSlug: slug,
      sets: dose.sets,
      reps: dose.reps !== null && progressed && strengthen ? dose.reps + 2 : dose.reps,
      holdSeconds: dose.holdSeconds,
      loadUnit: banded ? "band" : null,
      loadBand: banded ? BAND_COLOURS[progressed ? 2 : 1] : null,
      timesPerDay: dose.timesPerDay,
      daysPerWeek: dose.daysPerWeek,
      side: exercise.category === "stretch" ? "both" : "na",
      notes: position === 0 && progressed ? "Progressed: two more reps per set." : null,
    });
    categories.push({ ...dose, category: exercise.category });
  });
  return computePrescribedSessions(categories);
}

function addAdherence(rows: Rows, rng: Rng, now: Date, patient: SeededPatient, programmeId: string, fromWeek: string, toWeek: string, prescribed: number, profile: readonly [number, number], lowLastWeek: boolean, lastWeek: string) {
  let pain = rng.int(3, 6);
  for (let week = fromWeek; week <= toWeek; week = day(addDays(parseISO(week), 7))) {
    const low = lowLastWeek && week === lastWeek;
    const share = low ? rng.float(0.15, 0.45, 2) : rng.float(profile[0], profile[1], 2);
    const done = Math.min(prescribed, Math.round(prescribed * share));
    pain = Math.max(0, pain - (rng.chance(0.4) ? 1 : 0));
    rows.adherence.push({
      clinicId: patient.clinicId,
      patientId: patient.id,
      programmeId,
      weekStart: week,
      sessionsDone: done,
      sessionsPrescribed: prescribed,
      painDuring: rng.chance(0.85) ? pain : null,
      note: low ? rng.pick(["Away for work most of the week.", "Flare-up after gardening; stopped for a few days.", "Forgot the sheet at home."]) : rng.chance(0.1) ? "Found the stretches easier this week." : null,
      recordedBy: patient.practitionerId,
      recordedAt: new Date(Math.min(addDays(parseISO(week), rng.int(7, 9)).getTime(), now.getTime())),
    });
  }
}

export async function seedProgrammes(db: Database, ctx: DemoContext): Promise<void> {
  const clinicIds = ctx.clinics.map((c) => c.id);
  const [patterns, firstSeen] = await Promise.all([readPatterns(db, clinicIds), readFirstAssessments(db, clinicIds)]);
  const rows: Rows = { programmes: [], items: [], adherence: [] };
  const lastWeek = getPastWeekStart(day(ctx.now));

  for (const patient of ctx.patients) {
    if (patient.archived) continue;
    // Most patients have a programme; the red-flag persona was referred on before one was set.
    if (patient.story === "red-flag" || (!patient.story && ctx.rng.chance(0.15))) continue;
    const own = patterns.get(patient.id) ?? (patient.story && STORY_PATTERNS[patient.story]) ?? [ctx.rng.pick(PATTERN_IDS)];
    const seen = firstSeen.get(patient.id) ?? subDays(ctx.now, ctx.rng.int(40, 150));
    const start = day(addDays(seen, ctx.rng.int(0, 3)));
    const profile = patient.story === "not-improving" || patient.story === "worsening" ? PROFILES.struggling : ctx.rng.pick([PROFILES.steady, PROFILES.steady, PROFILES.patchy, PROFILES.struggling]);
    const lowLastWeek = profile !== PROFILES.steady && ctx.rng.chance(0.25);
    // About a third were revised after 4-6 weeks: the first version is kept, superseded.
    const revisedOn = ctx.rng.chance(0.35) ? day(addDays(parseISO(start), ctx.rng.int(28, 42))) : null;
    const versions = revisedOn && revisedOn < day(ctx.now) ? [start, revisedOn] : [start];

    let previous: string | null = null;
    versions.forEach((startDate, v) => {
      const id = ctx.rng.uuid();
      const current = v === versions.length - 1;
      const createdAt = parseISO(`${startDate}T10:00:00Z`);
      rows.programmes.push({
        id,
        clinicId: patient.clinicId,
        patientId: patient.id,
        practitionerId: patient.practitionerId,
        versionNo: v + 1,
        supersedesId: previous,
        status: current ? "active" : "superseded",
        goals: own.includes("scapular-chest") ? "Work at the desk through the afternoon without neck pain." : "Walk the dog for 30 minutes and lift the shopping without back pain.",
        startDate,
        // Six weeks after the start for earlier versions; the active one is mostly due in the coming weeks, a few overdue.
        reviewDate: current ? latest(day(addDays(ctx.now, ctx.rng.chance(0.2) ? -ctx.rng.int(1, 10) : ctx.rng.int(3, 28))), day(addDays(parseISO(startDate), 14))) : day(addDays(parseISO(startDate), 42)),
        createdAt,
        updatedAt: current ? createdAt : parseISO(`${versions[v + 1]}T10:00:00Z`),
      });
      const prescribed = buildItems(rows, ctx.rng, patient, id, own, v > 0);
      const fromWeek = getWeekStart(startDate);
      const untilWeek = current ? lastWeek : day(subDays(parseISO(getWeekStart(versions[v + 1] ?? startDate)), 7));
      if (prescribed > 0 && fromWeek <= untilWeek) addAdherence(rows, ctx.rng, ctx.now, patient, id, fromWeek, untilWeek, prescribed, profile, lowLastWeek && current, lastWeek);
      previous = id;
    });
  }
  await insertInBatches(db, programmes, rows.programmes);
  await insertInBatches(db, programmeItems, rows.items);
  await insertInBatches(db, adherenceEntries, rows.adherence);
}
