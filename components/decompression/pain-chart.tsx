"use client";

import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartLegend, ChartLegendContent, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";

const config = {
  before: { label: "Pain before (NPRS)", color: "var(--chart-4)" },
  after: { label: "Pain after (NPRS)", color: "var(--chart-2)" },
} satisfies ChartConfig;

export type PainPoint = { session: string; before: number | null; after: number | null };

/** NPRS before and after each completed session; the sessions table holds the same numbers. */
export function PainChart({ points }: { points: PainPoint[] }) {
  return (
    <ChartContainer config={config} className="aspect-auto h-56 w-full">
      <LineChart data={points} margin={{ left: 0, right: 12, top: 8 }} accessibilityLayer title="Pain before and after each session" desc="NPRS 0 to 10 for each completed session">
        <CartesianGrid vertical={false} />
        <XAxis dataKey="session" tickLine={false} axisLine={false} label={{ value: "Session", position: "insideBottom", offset: -2 }} height={36} />
        <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tickLine={false} axisLine={false} width={28} />
        <ChartTooltip content={<ChartTooltipContent />} />
        <ChartLegend content={<ChartLegendContent />} />
        <Line dataKey="before" type="monotone" stroke="var(--color-before)" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        <Line dataKey="after" type="monotone" stroke="var(--color-after)" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartContainer>
  );
}
