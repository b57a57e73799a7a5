import { Badge } from "@/components/ui/badge";
import { COURSE_STATUS_LABELS, SESSION_STATUS_LABELS } from "@/lib/decompression/rules";
import type { DecompressionCourse, DecompressionSession } from "@/db/schema";

export function CourseStatusBadge({ status }: { status: DecompressionCourse["status"] }) {
  return <Badge variant={status === "active" ? "success" : status === "stopped" ? "destructive" : "secondary"}>{COURSE_STATUS_LABELS[status]}</Badge>;
}

export function SessionStatusBadge({ status }: { status: DecompressionSession["status"] }) {
  const variant = status === "completed" ? "success" : status === "scheduled" ? "outline" : status === "missed" ? "warning" : "secondary";
  return <Badge variant={variant}>{SESSION_STATUS_LABELS[status]}</Badge>;
}
