import type { ChangeBand } from "./band";
import type { ProgressRange } from "./range";
import type { ChartReference } from "./reference";

/** One line on a chart, columnar (t in epoch ms, v values) so the page payload stays small. */
export type ChartSeries = {
  key: string;
  label: string;
  t: number[];
  v: number[];
  /** Points in the range before reduction; more than t.length when reduced. */
  originalCount: number;
  reduced: boolean;
};

export type ChartDirection = "higher-is-worse" | "higher-is-better" | "none";

export type ProgressChartData = {
  /** The series id used in URLs: "pain", a questionnaire id or a measure code. */
  id: string;
  title: string;
  /** Short unit for axes and tables: "points", "%", "deg", "cm", "s", "grade". */
  unit: string;
  direction: ChartDirection;
  series: ChartSeries[];
  /** The first value ever recorded, per series that has one (it may fall before the range shown). */
  baselines: { seriesKey: string; label: string; value: number; at: number }[];
  band: ChangeBand | null;
  /** Why there is no band, when there is none. */
  bandNote: string | null;
  reference: ChartReference | null;
  /** Latest against baseline, in words (classified by the clinic's rule for questionnaires). */
  change: { text: string; kind: "improvement" | "deterioration" | "no-meaningful-change" | "unclassified" } | null;
  yDomain: [number, number];
  notes: string[];
  /** Pain only: weekly home-programme adherence is drawn on this chart. */
  showAdherence: boolean;
};

export type ProgressData = {
  range: ProgressRange;
  rangeStart: number | null;
  /** Shared time axis of every chart (epoch ms), so sessions line up across charts. */
  xDomain: [number, number];
  charts: ProgressChartData[];
  /** Completed decompression sessions (epoch ms), drawn as markers on every chart. */
  sessions: number[];
  /** Weekly adherence: week start (epoch ms, UTC midnight) and percent done of prescribed. */
  adherence: { t: number[]; percent: number[] };
};
