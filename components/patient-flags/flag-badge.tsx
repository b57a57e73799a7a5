import { ShieldAlert, Siren, TriangleAlert } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import type { SafetyFlagKind } from "@/lib/clinical/safety";

export const FLAG_KIND_LABELS: Record<SafetyFlagKind, string> = {
  "red-flag": "Red flag",
  contraindication: "Contraindication",
  precaution: "Precaution",
  unclassified: "Unclassified flag",
};

/** One recorded flag as a badge: its kind in words and an icon, never colour alone. */
export function FlagBadge({ kind, label }: { kind: SafetyFlagKind | null; label: string }) {
  if (kind === "red-flag") {
    return (
      <Badge variant="destructive">
        <Siren aria-hidden />
        Red flag: {label}
      </Badge>
    );
  }
  if (kind === "contraindication") {
    return (
      <Badge variant="warning">
        <ShieldAlert aria-hidden />
        Contraindication: {label}
      </Badge>
    );
  }
  if (kind === "precaution") {
    return (
      <Badge variant="outline">
        <TriangleAlert aria-hidden />
        Precaution: {label}
      </Badge>
    );
  }
  // A code the screening rules do not know blocks decompression until classified
  return (
    <Badge variant="warning">
      <ShieldAlert aria-hidden />
      Unclassified flag, needs review: {label}
    </Badge>
  );
}
