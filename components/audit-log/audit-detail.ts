import type { AuditLogRow } from "@/lib/audit-log/queries";

const ENTITY_LABELS: Record<string, string> = { patient: "Patient record", user: "Staff account", session: "Session" };

export function formatEntity(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity.charAt(0).toUpperCase() + entity.slice(1).replace(/[_-]/g, " ");
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One readable line from the event's free-form detail, e.g. "change: role · from: practitioner · to: admin". */
export function formatDetail(detail: AuditLogRow["detail"]): string | null {
  if (!detail) return null;
  const parts = Object.entries(detail).map(([key, value]) => `${key}: ${formatValue(value)}`);
  return parts.length ? parts.join(" · ") : null;
}
