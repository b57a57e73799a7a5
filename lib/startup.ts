import { getConnection } from "@/db/runtime";
import { DEMO_CLINICS, DEMO_LINK_TOKENS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/db/seed/demo-accounts";
import { createPostgresProbe } from "@/lib/outage/postgres-probe";
import { registerDatabaseProbe } from "@/lib/outage/probe";
import { getDataDir, getEnv, isEmbedded, resolveAuthSecret } from "@/lib/env";
import { startImportExpiry } from "@/lib/patient-import/expiry";
import { startMailWorker } from "@/lib/mail/worker";
import { startEnquiryExpiry } from "@/lib/enquiries/expiry";
import { startAlertChecks } from "@/lib/alerts/job";

/** Fails fast with a readable message rather than on the first request. */
export async function startServer(): Promise<void> {
  try {
    resolveAuthSecret();
    // The proxy answers 503 within the probe's 3 s when PostgreSQL does not answer.
    const { DATABASE_URL } = getEnv();
    if (DATABASE_URL) registerDatabaseProbe(createPostgresProbe(DATABASE_URL));
    const conn = await getConnection();
    startImportExpiry(conn.db);
    const mail = await startMailWorker(conn);
    startEnquiryExpiry(conn.db);
    startAlertChecks(conn);
    const lines = [`Plumbline is serving http://localhost:${getEnv().PORT}`];
    lines.push(mail ? "Email: on (SMTP_URL), sent through the pg-boss job queue on this database" : "Email: off (no SMTP_URL/MAIL_FROM): patient links are shared by copy-link and QR");
    if (isEmbedded() && conn.kind === "pglite") {
      lines.push(`Data: embedded PostgreSQL (PGlite) in ${getDataDir()}`);
      lines.push(`Demo sign-ins (demo only; password for all: ${DEMO_PASSWORD}):`);
      for (const c of DEMO_CLINICS) lines.push(`  ${c.name}: ${c.staff.map((s) => `${s.email} (${s.role})`).join(", ")}`);
      lines.push(`  dana@northside.test also asks for a code: demo authenticator key ${DEMO_TOTP_SECRET}`);
      for (const c of DEMO_CLINICS) lines.push(`${c.name}'s public enquiry page: http://localhost:${getEnv().PORT}/enquire/${c.slug}`);
      lines.push(`Maya Okafor's programme on her phone (demo link, no sign-in): http://localhost:${getEnv().PORT}/p/${DEMO_LINK_TOKENS.maya}`);
    } else {
      lines.push("Data: PostgreSQL at DATABASE_URL");
    }
    console.log(lines.join("\n"));
  } catch (err) {
    console.error(`\nPlumbline could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
