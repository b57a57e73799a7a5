import { subHours } from "date-fns";
import type { Database } from "../client";
import { enquiries } from "../schema";
import { CONSENT_TEXT, CONSENT_VERSION } from "@/lib/enquiries/schemas";
import type { DemoContext } from "./index";

/**
 * Issue 13's demo: each clinic's inbox holds three enquiries, one of them
 * past its 24 hours. Draws no random numbers, so the rest of the demo stays as it was.
 */
export async function seedEnquiries(db: Database, ctx: DemoContext): Promise<void> {
  const people = [
    { name: "Priya Raman", phone: "07700 900101", email: "priya.raman@example.test", concern: "Low back pain since lifting boxes at work, about two weeks. Worse in the morning.", preferredTimes: "Weekday mornings", hoursAgo: 30, status: "new" as const },
    { name: "Tom Hollis", phone: "07700 900102", email: null, concern: "Neck stiff and sore after long days at the laptop.", preferredTimes: "After 5 pm", hoursAgo: 3, status: "new" as const },
    { name: "Elena Costa", phone: "07700 900103", email: "elena.costa@example.test", concern: "Pain down the back of my left leg when I sit for long.", preferredTimes: null, hoursAgo: 50, status: "contacted" as const },
  ];
  const rows = ctx.clinics.flatMap((clinic) =>
    people.map((p) => ({
      clinicId: clinic.id,
      name: p.name,
      phone: p.phone,
      email: p.email,
      concern: p.concern,
      preferredTimes: p.preferredTimes,
      consentText: CONSENT_TEXT,
      consentVersion: CONSENT_VERSION,
      status: p.status,
      statusChangedAt: p.status === "new" ? null : subHours(ctx.now, p.hoursAgo - 2),
      receivedAt: subHours(ctx.now, p.hoursAgo),
    })),
  );
  await db.insert(enquiries).values(rows);
}
