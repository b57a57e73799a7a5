"use client";

import * as React from "react";
import * as RechartsPrimitive from "recharts";
import type {
  LegendPayload,
  TooltipPayloadEntry,
  TooltipValueType,
  VerticalAlignmentType,
} from "recharts";

import { cn } from "@/lib/utils";

/**
 * Series configuration keyed by `dataKey` (or by a category value, with
 * `nameKey`). Each `color` is exposed on the container as `--color-<key>`, so
 * chart elements can use `fill="var(--color-sessions)"`. Prefer theme tokens
 * such as `var(--chart-1)` so colours follow light / dark mode.
 */
type ChartConfig = Record<
  string,
  {
    label?: React.ReactNode;
    color?: string;
    icon?: React.ComponentType<{ className?: string }>;
  }
>;

type ChartContextValue = { config: ChartConfig };

const ChartContext = React.createContext<ChartContextValue | null>(null);

function useChart(): ChartContextValue {
  const context = React.useContext(ChartContext);
  if (!context) {
    throw new Error("useChart must be used within a <ChartContainer />");
  }
  return context;
}

/** CSS custom-property-safe version of a config key. */
function cssKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9_-]/g, "-");
}

type ChartContainerProps = Omit<React.ComponentProps<"div">, "children"> & {
  config: ChartConfig;
  /** A single Recharts chart element (e.g. `<BarChart>`). */
  children: React.ReactNode;
  /** Size used before the container has been measured (and on the server). */
  initialDimension?: { width: number; height: number };
};

/**
 * Responsive wrapper for a Recharts chart. Give it a height (the default is a
 * 16:9 aspect ratio), e.g. `className="h-64 w-full"`. For accessibility pass
 * `title` / `desc` to the chart element itself (Recharts renders them inside
 * the focusable SVG) and offer the same numbers as a table or text nearby.
 */
function ChartContainer({
  id,
  className,
  style,
  children,
  config,
  initialDimension = { width: 320, height: 180 },
  ...props
}: ChartContainerProps) {
  const reactId = React.useId();
  const chartId = `chart-${(id ?? reactId).replace(/[^a-zA-Z0-9_-]/g, "")}`;

  const colorVars = React.useMemo(() => {
    const vars: Record<string, string> = {};
    for (const [key, item] of Object.entries(config)) {
      if (item.color) vars[`--color-${cssKey(key)}`] = item.color;
    }
    return vars;
  }, [config]);

  const contextValue = React.useMemo(() => ({ config }), [config]);

  return (
    <ChartContext.Provider value={contextValue}>
      <div
        data-slot="chart"
        data-chart={chartId}
        id={id}
        className={cn(
          "flex aspect-video justify-center text-xs",
          "[&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-polar-angle-axis-tick_text]:fill-muted-foreground",
          "[&_.recharts-cartesian-grid_line[stroke='#ccc']]:stroke-border [&_.recharts-polar-grid_[stroke='#ccc']]:stroke-border [&_.recharts-reference-line_[stroke='#ccc']]:stroke-border",
          "[&_.recharts-curve.recharts-tooltip-cursor]:stroke-border [&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted",
          "[&_.recharts-dot[stroke='#fff']]:stroke-transparent [&_.recharts-sector[stroke='#fff']]:stroke-transparent",
          "[&_.recharts-radial-bar-background-sector]:fill-muted",
          "[&_.recharts-layer]:outline-hidden [&_.recharts-sector]:outline-hidden",
          "[&_.recharts-surface]:rounded-sm [&_.recharts-surface]:outline-hidden [&_.recharts-surface:focus-visible]:outline-2 [&_.recharts-surface:focus-visible]:outline-solid [&_.recharts-surface:focus-visible]:outline-offset-2 [&_.recharts-surface:focus-visible]:outline-ring",
          className,
        )}
        style={{ ...colorVars, ...style }}
        {...props}
      >
        <RechartsPrimitive.ResponsiveContainer initialDimension={initialDimension}>
          {children}
        </RechartsPrimitive.ResponsiveContainer>
      </div>
    </ChartContext.Provider>
  );
}

const ChartTooltip = RechartsPrimitive.Tooltip;

type PayloadLike = TooltipPayloadEntry | LegendPayload;

function keyOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** Finds the config entry for a tooltip / legend payload item. */
function getPayloadConfig(config: ChartConfig, item: PayloadLike | undefined, key: string) {
  if (!item) return undefined;

  const outer = item as unknown as Record<string, unknown>;
  const inner =
    typeof item.payload === "object" && item.payload !== null
      ? (item.payload as Record<string, unknown>)
      : undefined;

  let configKey = key;
  if (typeof outer[key] === "string") {
    configKey = outer[key];
  } else if (inner && typeof inner[key] === "string") {
    configKey = inner[key];
  }

  return config[configKey] ?? config[key];
}

function formatValue(value: TooltipValueType | undefined): React.ReactNode {
  if (value === undefined) return null;
  if (typeof value === "number") return value.toLocaleString();
  if (typeof value === "string") return value;
  return value.map((v) => (typeof v === "number" ? v.toLocaleString() : v)).join(" – ");
}

type ChartTooltipContentProps = {
  active?: boolean;
  payload?: ReadonlyArray<TooltipPayloadEntry>;
  label?: React.ReactNode;
  labelFormatter?: (label: React.ReactNode, payload: ReadonlyArray<TooltipPayloadEntry>) => React.ReactNode;
  formatter?: (
    value: TooltipValueType,
    name: string | number,
    item: TooltipPayloadEntry,
    index: number,
    payload: ReadonlyArray<TooltipPayloadEntry>,
  ) => React.ReactNode | [React.ReactNode, React.ReactNode];
  className?: string;
  labelClassName?: string;
  /** Overrides every indicator colour. */
  color?: string;
  hideLabel?: boolean;
  hideIndicator?: boolean;
  indicator?: "line" | "dot" | "dashed";
  /** Payload field used to look up the series config (defaults to the item's name / dataKey). */
  nameKey?: string;
  /** Payload field used to look up the label config. */
  labelKey?: string;
};

/**
 * Tooltip body for `<ChartTooltip content={<ChartTooltipContent />} />`.
 * Recharts injects `active`, `payload` and `label`; only the props listed here
 * are read, so Recharts' extra props never leak onto the DOM.
 */
function ChartTooltipContent({
  active,
  payload,
  label,
  labelFormatter,
  formatter,
  className,
  labelClassName,
  color,
  hideLabel = false,
  hideIndicator = false,
  indicator = "dot",
  nameKey,
  labelKey,
}: ChartTooltipContentProps) {
  const { config } = useChart();

  const items = React.useMemo(
    () => (payload ?? []).filter((item) => item.type !== "none" && !item.hide),
    [payload],
  );

  if (!active || items.length === 0) return null;

  const firstItem = items[0];
  let labelNode: React.ReactNode = null;
  if (!hideLabel) {
    const key = labelKey ?? keyOf(firstItem?.dataKey) ?? keyOf(firstItem?.name) ?? "value";
    const itemConfig = getPayloadConfig(config, firstItem, key);
    const rawLabel =
      !labelKey && (typeof label === "string" || typeof label === "number")
        ? (config[String(label)]?.label ?? label)
        : itemConfig?.label;
    const value = labelFormatter ? labelFormatter(rawLabel, items) : rawLabel;
    if (value !== undefined && value !== null && value !== "") {
      labelNode = <div className={cn("font-medium", labelClassName)}>{value}</div>;
    }
  }

  const nestLabel = items.length === 1 && indicator !== "dot";

  return (
    <div
      data-slot="chart-tooltip"
      className={cn(
        "grid min-w-32 items-start gap-1.5 rounded-lg border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-xl",
        className,
      )}
    >
      {nestLabel ? null : labelNode}
      <div className="grid gap-1.5">
        {items.map((item, index) => {
          const key = nameKey ?? keyOf(item.name) ?? keyOf(item.dataKey) ?? "value";
          const itemConfig = getPayloadConfig(config, item, key);
          const inner = item.payload as { fill?: unknown } | undefined;
          const indicatorColor =
            color ?? (typeof inner?.fill === "string" ? inner.fill : undefined) ?? item.color;

          let valueNode: React.ReactNode = formatValue(item.value);
          let nameNode: React.ReactNode = itemConfig?.label ?? item.name;
          if (formatter && item.value !== undefined) {
            const result = formatter(item.value, item.name ?? key, item, index, items);
            if (Array.isArray(result)) {
              valueNode = result[0];
              nameNode = result[1] ?? nameNode;
            } else {
              valueNode = result;
            }
          }

          const Icon = itemConfig?.icon;

          return (
            <div
              key={`${key}-${index}`}
              className={cn(
                "flex w-full flex-wrap items-stretch gap-2 [&>svg]:size-2.5 [&>svg]:text-muted-foreground",
                indicator === "dot" && "items-center",
              )}
            >
              {Icon ? (
                <Icon className="size-2.5" />
              ) : hideIndicator ? null : (
                <div
                  aria-hidden="true"
                  className={cn("shrink-0 rounded-[2px] border-(--color-border) bg-(--color-bg)", {
                    "size-2.5": indicator === "dot",
                    "w-1": indicator === "line",
                    "w-0 border-[1.5px] border-dashed bg-transparent": indicator === "dashed",
                    "my-0.5": nestLabel && indicator === "dashed",
                  })}
                  style={
                    {
                      "--color-bg": indicatorColor,
                      "--color-border": indicatorColor,
                    } as React.CSSProperties
                  }
                />
              )}
              <div
                className={cn(
                  "flex flex-1 justify-between gap-4 leading-none",
                  nestLabel ? "items-end" : "items-center",
                )}
              >
                <div className="grid gap-1.5">
                  {nestLabel ? labelNode : null}
                  <span className="text-muted-foreground">{nameNode}</span>
                </div>
                {valueNode !== null && valueNode !== undefined ? (
                  <span className="font-mono font-medium text-foreground tabular-nums">{valueNode}</span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

const ChartLegend = RechartsPrimitive.Legend;

type ChartLegendContentProps = {
  payload?: ReadonlyArray<LegendPayload>;
  verticalAlign?: VerticalAlignmentType;
  className?: string;
  hideIcon?: boolean;
  /** Payload field used to look up the series config (defaults to the item's dataKey). */
  nameKey?: string;
};

/** Legend body for `<ChartLegend content={<ChartLegendContent />} />`, labelled from the chart config. */
function ChartLegendContent({
  payload,
  verticalAlign = "bottom",
  className,
  hideIcon = false,
  nameKey,
}: ChartLegendContentProps) {
  const { config } = useChart();

  const items = (payload ?? []).filter((item) => item.type !== "none");
  if (items.length === 0) return null;

  return (
    <ul
      data-slot="chart-legend"
      className={cn(
        "flex flex-wrap items-center justify-center gap-x-4 gap-y-1",
        verticalAlign === "top" ? "pb-3" : "pt-3",
        className,
      )}
    >
      {items.map((item, index) => {
        const key = nameKey ?? keyOf(item.dataKey) ?? item.value ?? "value";
        const itemConfig = getPayloadConfig(config, item, key);
        const Icon = itemConfig?.icon;

        return (
          <li
            key={`${key}-${index}`}
            className={cn(
              "flex items-center gap-1.5 text-muted-foreground [&>svg]:size-3 [&>svg]:text-muted-foreground",
              item.inactive && "line-through opacity-70",
            )}
          >
            {Icon && !hideIcon ? (
              <Icon />
            ) : (
              <span
                aria-hidden="true"
                className="size-2 shrink-0 rounded-[2px]"
                style={{ backgroundColor: item.color }}
              />
            )}
            <span>{itemConfig?.label ?? item.value}</span>
          </li>
        );
      })}
    </ul>
  );
}

export {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  useChart,
  type ChartConfig,
  type ChartContainerProps,
  type ChartLegendContentProps,
  type ChartTooltipContentProps,
};
