"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The pain chart with recharts loaded after the page (the sessions table beside it has the same numbers). */
export const LazyPainChart = dynamic(() => import("./pain-chart").then((m) => m.PainChart), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" data-testid="chart-skeleton" />,
});
