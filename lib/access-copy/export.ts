import type { Bundle } from "@medplum/fhirtypes";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Database } from "@/db/client";
import { writeAudit } from "@/lib/audit";
import type { Scope } from "@/lib/auth/scope-types";
import { buildPatientBundle } from "@/lib/fhir/bundle";
import { getStaffMember } from "@/lib/staff/queries";
import { buildAccessCopyCsvs } from "./csv";
import { loadAccessCopyInput } from "./load";
import { renderAccessCopySummaryPdf } from "./summary-pdf";

export const ACCESS_COPY_BUNDLE = "record.fhir.json";
export const ACCESS_COPY_SUMMARY = "summary.pdf";

export type AccessCopy = { zip: Uint8Array<ArrayBuffer>; patientId: string; files: string[] };

function describeContents(csvs: { name: string; rows: number }[]): string {
  return [
    "Your health record from Plumbline (a copy under GDPR Art. 15 / 20 and HIPAA 164.524).",
    "",
    `${ACCESS_COPY_SUMMARY}: a printable summary of the whole record.`,
    `${ACCESS_COPY_BUNDLE}: the record as a FHIR R4 Bundle (application/fhir+json), for another clinic's system.`,
    "csv/: one file per kind of record (UTF-8, comma-separated; times in UTC and in the clinic's time zone).",
    ...csvs.map((c) => `  ${c.name}: ${c.rows} row${c.rows === 1 ? "" : "s"}`),
    "",
    "A text cell that begins with =, +, -, @ or a tab starts with a single quote, so a spreadsheet shows it instead of running it.",
    "",
  ].join("\r\n");
}

/**
 * A patient's right-of-access copy: one zip holding the FHIR Bundle (the FHIR
 * export's builder), a CSV per kind of record and a printable PDF summary.
 * One transaction, so all three parts read the record as of one moment; one
 * audit row names the format and the parts, never their content.
 */
export function exportAccessCopy(db: Database, scope: Scope, patientId: string, options: { baseUrl: string; now?: Date }): Promise<AccessCopy> {
  return db.transaction(async (tx) => {
    const input = await loadAccessCopyInput(tx, scope, patientId, options);
    const me = await getStaffMember(tx, scope, scope.userId);
    const bundle: Bundle = buildPatientBundle(input.record);
    const csvs = buildAccessCopyCsvs(input);
    const pdf = await renderAccessCopySummaryPdf(input, me.name);
    const mtime = options.now ?? input.record.generatedAt;
    const files: Zippable = {
      "README.txt": strToU8(describeContents(csvs)),
      [ACCESS_COPY_SUMMARY]: [new Uint8Array(pdf), { level: 0 }],
      [ACCESS_COPY_BUNDLE]: strToU8(JSON.stringify(bundle, null, 2)),
      csv: Object.fromEntries(csvs.map((c) => [c.name, strToU8(c.csv)])),
    };
    const zip = zipSync(files, { level: 6, mtime });
    const names = ["README.txt", ACCESS_COPY_SUMMARY, ACCESS_COPY_BUNDLE, ...csvs.map((c) => `csv/${c.name}`)];
    await writeAudit(tx, scope, {
      action: "export",
      entity: "patient",
      entityId: input.record.patient.id,
      patientId: input.record.patient.id,
      detail: { format: "access-copy-zip", files: names.length, resources: bundle.entry?.length ?? 0, bytes: zip.byteLength },
    });
    return { zip, patientId: input.record.patient.id, files: names };
  });
}
