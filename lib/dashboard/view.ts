import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Scope } from "@/lib/auth/scope-types";
import { isAdmin } from "@/lib/auth/scope-types";

/** Whose patients the dashboard lists: the signed-in practitioner's caseload, or (admins only) the whole clinic. */
export type DashboardView = "mine" | "clinic";

export const dashboardViewSchema = z.enum(["mine", "clinic"]).catch("mine");

/** A practitioner asking for the clinic view still gets their own caseload. */
export function resolveDashboardView(scope: Scope, requested: unknown): DashboardView {
  const view = dashboardViewSchema.parse(Array.isArray(requested) ? requested[0] : requested);
  return view === "clinic" && isAdmin(scope) ? "clinic" : "mine";
}

/** Condition on patient alias `p` for the view: always the clinic, and the caseload unless the whole clinic was asked for. */
export function caseloadCondition(scope: Scope, view: DashboardView): SQL {
  return view === "clinic"
    ? sql`p.clinic_id = ${scope.clinicId}`
    : sql`p.clinic_id = ${scope.clinicId} and p.practitioner_id = ${scope.userId}`;
}

// Cards stay scannable (and the dashboard's HTML small at any caseload): beyond this many
// rows a card links to itself shown in full (`?show=<card>`). The lists are limited to it in SQL.
export const CARD_ROW_LIMIT = 10;

/** The dashboard's lists; `?show=<id>` opens one of them in full. */
export const DASHBOARD_CARD_IDS = ["sessions-today", "sessions-week", "not-improving", "due", "low-adherence", "drafts"] as const;
export type DashboardCardId = (typeof DASHBOARD_CARD_IDS)[number];

const shownCardSchema = z.enum(DASHBOARD_CARD_IDS).nullable().catch(null);

/** The list asked to be shown in full, or null (every card shows its first rows). */
export function parseShownCard(requested: unknown): DashboardCardId | null {
  return shownCardSchema.parse((Array.isArray(requested) ? requested[0] : requested) ?? null);
}
