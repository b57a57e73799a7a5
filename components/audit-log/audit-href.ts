import type { AuditListParams } from "@/lib/audit-log/schemas";

/** The URL of the audit log with these filters; any change of filter starts at page 1. */
export function buildAuditHref(params: AuditListParams, changes: Partial<AuditListParams> = {}): string {
  const next = { ...params, page: 1, ...changes };
  const sp = new URLSearchParams();
  for (const key of ["actor", "patientId", "patient", "action", "from", "to"] as const) {
    const value = next[key];
    if (value) sp.set(key, value);
  }
  if (next.page > 1) sp.set("page", String(next.page));
  const query = sp.toString();
  return query ? `/settings/audit?${query}` : "/settings/audit";
}

export function hasAuditFilters(params: AuditListParams): boolean {
  return Boolean(params.actor || params.patientId || params.patient || params.action || params.from || params.to);
}
