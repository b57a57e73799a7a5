import { addDays, subDays } from "date-fns";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { exerciseMedia, patientLinks, programmeItems, programmes } from "../schema";
import { hashLinkToken } from "@/lib/patient-links/token";
import { DEMO_LINK_TOKENS } from "./demo-accounts";
import { DEMO_POSES, drawPosePng } from "./demo-pictures";
import type { DemoContext } from "./index";

/**
 * Issue 12's demo: Maya Okafor's programme has a live patient link (the
 * banner prints it), Gareth Whitfield's an expired one, and the first
 * exercises of both programmes carry pictures drawn at seed time.
 */
export async function seedPatientLinks(db: Database, ctx: DemoContext): Promise<void> {
  const maya = ctx.patients.find((p) => p.story === "improving-lower-crossed");
  const gareth = ctx.patients.find((p) => p.story === "not-improving");
  const people = [maya, gareth].filter((p) => p !== undefined);
  if (people.length === 0) return;
  const active = await db
    .select({ id: programmes.id, patientId: programmes.patientId, clinicId: programmes.clinicId, practitionerId: programmes.practitionerId })
    .from(programmes)
    .where(and(inArray(programmes.patientId, people.map((p) => p.id)), eq(programmes.status, "active")));
  const byPatient = new Map(active.map((p) => [p.patientId, p]));
  const rows: (typeof patientLinks.$inferInsert)[] = [];
  const mayaProgramme = maya && byPatient.get(maya.id);
  if (mayaProgramme) {
    rows.push({ clinicId: mayaProgramme.clinicId, patientId: mayaProgramme.patientId, purpose: "programme", programmeId: mayaProgramme.id, tokenHash: hashLinkToken(DEMO_LINK_TOKENS.maya), expiresAt: addDays(ctx.now, 60), createdBy: mayaProgramme.practitionerId, createdAt: subDays(ctx.now, 2) });
  }
  const garethProgramme = gareth && byPatient.get(gareth.id);
  if (garethProgramme) {
    rows.push({ clinicId: garethProgramme.clinicId, patientId: garethProgramme.patientId, purpose: "programme", programmeId: garethProgramme.id, tokenHash: hashLinkToken(DEMO_LINK_TOKENS.gareth), expiresAt: subDays(ctx.now, 3), createdBy: garethProgramme.practitionerId, createdAt: subDays(ctx.now, 40) });
  }
  if (rows.length) await db.insert(patientLinks).values(rows);
  // Pictures for the first exercises of both programmes (one per exercise, for the whole clinic).
  const slugs: string[] = [];
  for (const programme of [mayaProgramme, garethProgramme]) {
    if (!programme) continue;
    const items = await db
      .select({ slug: programmeItems.builtInSlug })
      .from(programmeItems)
      .where(and(eq(programmeItems.clinicId, programme.clinicId), eq(programmeItems.programmeId, programme.id)))
      .orderBy(asc(programmeItems.position));
    for (const slug of items.flatMap((i) => (i.slug ? [i.slug] : [])).slice(0, 2)) if (!slugs.includes(slug)) slugs.push(slug);
  }
  const owner = mayaProgramme ?? garethProgramme;
  if (!owner || slugs.length === 0) return;
  await db.insert(exerciseMedia).values(
    slugs.map((slug, i) => {
      const data = drawPosePng(DEMO_POSES[i % DEMO_POSES.length]!);
      return { clinicId: owner.clinicId, exerciseKey: slug, contentType: "image/png", byteSize: data.length, data, uploadedBy: owner.practitionerId };
    }),
  );
}
