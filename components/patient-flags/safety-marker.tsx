import { ShieldAlert, Siren } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import type { SafetyMarker as Marker } from "@/lib/clinical/safety";

/**
 * The marker beside a patient's name: the kind in words and an icon, never
 * colour alone; the flags behind it are read out to screen readers and shown
 * on hover.
 */
export function SafetyMarker({ marker }: { marker: Marker | null }) {
  if (!marker) return null;
  const Icon = marker.level === "red-flag" ? Siren : ShieldAlert;
  const variant = marker.level === "red-flag" ? "destructive" : "warning";
  const detail = marker.labels.join(", ");
  return (
    <Badge variant={variant} title={detail} data-testid="safety-marker" data-level={marker.level}>
      <Icon aria-hidden />
      {marker.text}
      <span className="sr-only">: {detail}</span>
    </Badge>
  );
}
