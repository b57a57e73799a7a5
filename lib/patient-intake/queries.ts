import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clinics, patientIntakes, patientLinks, patients, type PatientIntake } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope-types";
import { screenRedFlags } from "@/lib/clinical/intake-red-flags";
import { isUuid } from "@/lib/errors";
import type { OpenLink } from "@/lib/patient-links/gate";
import { readLinkState, type LinkState } from "@/lib/patient-links/queries";

export type PhoneIntake = {
  intakeId: string;
  clinicName: string;
  /** The clinic's phone for patients (Settings, Enquiry page), offered beside the red-flag message. */
  clinicPhone: string | null;
  firstName: string;
  odiVersion: string;
  flagsAnswered: boolean;
  urgency: PatientIntake["redFlagUrgency"];
  completed: boolean;
};

/**
 * What the patient's phone needs for an intake link, read inside the link's
 * clinic: the clinic's name, the patient's first name, where the intake
 * stands. Null when the link carries no intake.
 */
export async function loadPhoneIntake(db: Queryable, link: OpenLink): Promise<PhoneIntake | null> {
  const [row] = await db
    .select({
      id: patientIntakes.id,
      odiVersion: patientIntakes.odiVersion,
      flagsAnsweredAt: patientIntakes.flagsAnsweredAt,
      urgency: patientIntakes.redFlagUrgency,
      completedAt: patientIntakes.completedAt,
      firstName: patients.firstName,
      clinicName: clinics.name,
      clinicPhone: clinics.phone,
    })
    .from(patientIntakes)
    .innerJoin(patients, and(eq(patients.clinicId, patientIntakes.clinicId), eq(patients.id, patientIntakes.patientId)))
    .innerJoin(clinics, eq(clinics.id, patientIntakes.clinicId))
    .where(and(eq(patientIntakes.clinicId, link.clinicId), eq(patientIntakes.linkId, link.linkId), eq(patientIntakes.patientId, link.patientId)));
  if (!row) return null;
  return {
    intakeId: row.id,
    clinicName: row.clinicName,
    clinicPhone: row.clinicPhone,
    firstName: row.firstName,
    odiVersion: row.odiVersion,
    flagsAnswered: row.flagsAnsweredAt !== null,
    urgency: row.urgency,
    completed: row.completedAt !== null,
  };
}

export type IntakeRow = {
  id: string;
  linkId: string;
  createdAt: Date;
  expiresAt: Date;
  linkState: LinkState;
  flagsAnsweredAt: Date | null;
  urgency: PatientIntake["redFlagUrgency"];
  /** The red-flag codes answered "yes", in question order. */
  positive: string[];
  completedAt: Date | null;
};

/** The patient's intakes, newest first, for the patient page (the drafts they made are listed with the questionnaires). */
export async function listPatientIntakes(db: Queryable, scope: Scope, patientId: string, now = new Date()): Promise<IntakeRow[]> {
  if (!isUuid(patientId)) return [];
  const rows = await db
    .select({
      id: patientIntakes.id,
      linkId: patientIntakes.linkId,
      createdAt: patientIntakes.createdAt,
      redFlags: patientIntakes.redFlags,
      flagsAnsweredAt: patientIntakes.flagsAnsweredAt,
      urgency: patientIntakes.redFlagUrgency,
      completedAt: patientIntakes.completedAt,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
    })
    .from(patientIntakes)
    .innerJoin(patientLinks, and(eq(patientLinks.clinicId, patientIntakes.clinicId), eq(patientLinks.id, patientIntakes.linkId)))
    .where(and(eq(patientIntakes.clinicId, scope.clinicId), eq(patientIntakes.patientId, patientId)))
    .orderBy(desc(patientIntakes.createdAt))
    .limit(5);
  return rows.map(({ redFlags, revokedAt, ...r }) => ({
    ...r,
    linkState: readLinkState({ revokedAt, expiresAt: r.expiresAt }, now),
    positive: redFlags ? screenRedFlags(redFlags).positive : [],
  }));
}
