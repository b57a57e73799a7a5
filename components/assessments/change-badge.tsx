import { Badge } from "@/components/ui/badge";
import type { ChangeKind } from "@/lib/clinical/mcid";

const BADGES: Record<ChangeKind, { label: string; variant: "success" | "destructive" | "secondary" }> = {
  improvement: { label: "Meaningful improvement", variant: "success" },
  deterioration: { label: "Meaningful deterioration", variant: "destructive" },
  "no-meaningful-change": { label: "No meaningful change", variant: "secondary" },
};

/** The verdict in words (never colour alone). */
export function ChangeBadge({ kind }: { kind: ChangeKind }) {
  const { label, variant } = BADGES[kind];
  return <Badge variant={variant}>{label}</Badge>;
}
