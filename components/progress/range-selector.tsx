import { SegmentedLinks } from "@/components/dashboard/segmented-links";
import { PROGRESS_RANGE_LABELS, PROGRESS_RANGES, type ProgressRange } from "@/lib/progress/range";

/** Range links (the range lives in the URL, so the server reduces the right window and the view can be shared). */
export function RangeSelector({ patientId, current }: { patientId: string; current: ProgressRange }) {
  return (
    <SegmentedLinks
      label="Chart range"
      items={PROGRESS_RANGES.map((range) => ({
        href: `/patients/${patientId}/progress${range === "all" ? "" : `?range=${range}`}`,
        label: PROGRESS_RANGE_LABELS[range],
        current: range === current,
      }))}
    />
  );
}
