import ical, { ICalEventStatus } from "ical-generator";
import { isLive, shortName, type CalendarEntry } from "./queries";

const KIND_LABELS = { session: "Decompression session", assessment: "Assessment", reassessment: "Reassessment" } as const;

/**
 * A practitioner's bookings as iCalendar (RFC 5545; ical-generator writes the
 * CRLF line ends, folding, escaping and UTC times). What it says of a patient
 * is the first name and initial; no clinical data: no region, level, force or
 * note. Cancelled and missed bookings are sent as CANCELLED so phones drop them.
 */
export function buildCalendarFeed(input: { clinicName: string; host: string; entries: readonly CalendarEntry[]; tableNames: ReadonlyMap<string, string> }): string {
  const calendar = ical({ name: `${input.clinicName}: my bookings`, prodId: { company: "Plumbline", product: "calendar-feed", language: "EN" }, ttl: 15 * 60 });
  for (const e of input.entries) {
    const place = e.treatmentTableId ? input.tableNames.get(e.treatmentTableId) : undefined;
    calendar.createEvent({
      id: `${e.kind}-${e.id}@${input.host}`,
      start: e.startsAt,
      end: e.endsAt,
      summary: `${KIND_LABELS[e.kind]}: ${shortName(e.firstName, e.lastName)}`,
      location: [input.clinicName, place].filter(Boolean).join(", "),
      status: isLive(e) ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
      sequence: e.version,
    });
  }
  return calendar.toString();
}
