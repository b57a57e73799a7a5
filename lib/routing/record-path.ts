/**
 * Which records a URL names, read from its path. A dynamic segment follows a
 * collection segment (`/patients/<id>/programmes/<programmeId>`); every word
 * listed as a fixed child is a page of its own, not an id. The 404 test walks
 * the routes under app/ and fails for a route whose records this misses.
 */
export type RecordKind = "patient" | "assessment" | "course" | "session" | "programme" | "exercise";

const COLLECTIONS: Record<string, { kind: RecordKind; fixed: readonly string[] }> = {
  patients: { kind: "patient", fixed: ["new", "lookup"] },
  assessments: { kind: "assessment", fixed: ["new"] },
  decompression: { kind: "course", fixed: ["new"] },
  sessions: { kind: "session", fixed: ["new"] },
  programmes: { kind: "programme", fixed: ["new"] },
  exercises: { kind: "exercise", fixed: ["new"] },
};

export type RecordRef = { kind: RecordKind; value: string; then?: string };

/** The records named in a path, outermost first; [] for a path that names none. */
export function readRecordPath(pathname: string): RecordRef[] {
  const segments = pathname.split("/").filter(Boolean).map(safeDecode);
  const refs: RecordRef[] = [];
  for (let i = 0; i < segments.length - 1; i++) {
    const collection = COLLECTIONS[segments[i]!];
    const value = segments[i + 1]!;
    if (!collection || collection.fixed.includes(value)) continue;
    refs.push({ kind: collection.kind, value, then: segments[i + 2] });
    i++;
  }
  return refs;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
