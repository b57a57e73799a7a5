import { Badge } from "@/components/ui/badge";
import type { Programme } from "@/db/schema";

const LABELS: Record<Programme["status"], string> = {
  draft: "Draft",
  active: "Active",
  completed: "Completed",
  stopped: "Stopped",
  superseded: "Superseded",
};

export function ProgrammeStatusBadge({ status }: { status: Programme["status"] }) {
  const variant = status === "active" ? "success" : status === "stopped" ? "warning" : "secondary";
  return <Badge variant={variant}>{LABELS[status]}</Badge>;
}
