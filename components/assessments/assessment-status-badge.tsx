import { Badge } from "@/components/ui/badge";
import type { Assessment } from "@/db/schema";

export function AssessmentStatusBadge({ assessment }: { assessment: Pick<Assessment, "status" | "revision"> }) {
  if (assessment.status === "draft") return <Badge variant="warning">Draft, not signed</Badge>;
  if (assessment.revision > 1) return <Badge variant="secondary">Signed, amended (revision {assessment.revision})</Badge>;
  return <Badge variant="success">Signed</Badge>;
}
