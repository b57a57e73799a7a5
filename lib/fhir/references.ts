import type { Bundle, Resource } from "@medplum/fhirtypes";

/** Every `reference` (Type/id) and canonical-to-Questionnaire in a resource, with where it sits. */
function collectReferences(value: unknown, path: string, out: { path: string; reference: string }[]) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectReferences(v, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== "object") return;
  for (const [key, v] of Object.entries(value)) {
    if (key === "reference" && typeof v === "string") out.push({ path, reference: v });
    else collectReferences(v, `${path}.${key}`, out);
  }
}

/**
 * References in the Bundle that no entry answers: literal `Type/id`
 * references against the entries' types and ids, and each
 * QuestionnaireResponse's canonical against the Questionnaires' url|version.
 * Empty when the Bundle is self-contained.
 */
export function findUnresolvedReferences(bundle: Bundle): string[] {
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as Resource] : []));
  const present = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
  const canonicals = new Set(
    resources.flatMap((r) => (r.resourceType === "Questionnaire" && r.url ? [r.url, `${r.url}|${r.version ?? ""}`] : [])),
  );
  const missing: string[] = [];
  for (const r of resources) {
    const refs: { path: string; reference: string }[] = [];
    collectReferences(r, r.resourceType, refs);
    for (const { path, reference } of refs) if (!present.has(reference)) missing.push(`${r.resourceType}/${r.id} ${path}: ${reference}`);
    if (r.resourceType === "QuestionnaireResponse" && r.questionnaire && !canonicals.has(r.questionnaire)) {
      missing.push(`QuestionnaireResponse/${r.id} questionnaire: ${r.questionnaire}`);
    }
  }
  return missing;
}
