"use client";

import { ArrowDown, ArrowUp, Trash2 } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { BAND_COLOURS } from "@/lib/clinical/exercises/vocabulary";
import type { BuilderItem } from "@/lib/programmes/builder-items";

type Props = {
  item: BuilderItem;
  index: number;
  count: number;
  errors: Record<string, string[] | undefined> | undefined;
  onChange: (patch: Partial<BuilderItem>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

type NumberKey = "sets" | "reps" | "holdSeconds" | "timesPerDay" | "daysPerWeek";

/** One exercise of the programme with its dose; errors arrive keyed "items.<index>.<field>". */
export function BuilderItemRow({ item, index, count, errors, onChange, onMove, onRemove }: Props) {
  const id = (field: string) => `item-${item.key}-${field}`;
  const err = (field: string) => errors?.[`items.${index}.${field}`];
  const named = (label: string) => (
    <>
      {label}
      <span className="sr-only"> for {item.name}</span>
    </>
  );
  const numberField = (field: NumberKey, label: string) => {
    const messages = err(field);
    return (
      <div className="grid gap-1.5">
        <Label htmlFor={id(field)}>{named(label)}</Label>
        <Input
          id={id(field)}
          type="number"
          inputMode="numeric"
          value={item[field]}
          onChange={(e) => onChange({ [field]: e.target.value })}
          aria-invalid={Boolean(messages)}
          aria-describedby={messages ? `${id(field)}-error` : undefined}
        />
        <FieldError id={`${id(field)}-error`} errors={messages} />
      </div>
    );
  };
  const loadErrors = err("load.value") ?? err("load.colour") ?? err("load.unit") ?? err("load");
  const refErrors = err("ref");

  return (
    <li className="grid gap-3 rounded-lg border p-4" data-testid="programme-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            <span className="text-muted-foreground">{index + 1}.</span> {item.name}
          </h3>
          {item.reason && <p className="text-sm text-muted-foreground">{item.reason}</p>}
          <FieldError id={id("ref-error")} errors={refErrors} />
        </div>
        <div className="flex gap-1">
          <Button type="button" variant="outline" size="icon" aria-label={`Move ${item.name} up`} aria-disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUp className="size-4" aria-hidden />
          </Button>
          <Button type="button" variant="outline" size="icon" aria-label={`Move ${item.name} down`} aria-disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDown className="size-4" aria-hidden />
          </Button>
          <Button type="button" variant="outline" size="icon" aria-label={`Remove ${item.name}`} onClick={onRemove}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {numberField("sets", "Sets")}
        {numberField("reps", "Reps")}
        {numberField("holdSeconds", "Hold (s)")}
        {numberField("timesPerDay", "Times per day")}
        {numberField("daysPerWeek", "Days per week")}
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <div className="grid gap-1.5">
          <Label htmlFor={id("loadUnit")}>{named("Load")}</Label>
          <NativeSelect id={id("loadUnit")} value={item.loadUnit} onChange={(e) => onChange({ loadUnit: e.target.value as BuilderItem["loadUnit"] })}>
            <option value="">None</option>
            <option value="kg">kg</option>
            <option value="lb">lb</option>
            <option value="band">Band colour</option>
            <option value="rpe">Effort (RPE 1-10)</option>
          </NativeSelect>
        </div>
        {item.loadUnit === "band" ? (
          <div className="grid gap-1.5">
            <Label htmlFor={id("loadBand")}>{named("Band colour")}</Label>
            <NativeSelect
              id={id("loadBand")}
              value={item.loadBand}
              onChange={(e) => onChange({ loadBand: e.target.value })}
              aria-invalid={Boolean(loadErrors)}
              aria-describedby={loadErrors ? `${id("load")}-error` : undefined}
            >
              <option value="">Choose…</option>
              {BAND_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={`${id("load")}-error`} errors={loadErrors} />
          </div>
        ) : item.loadUnit !== "" ? (
          <div className="grid gap-1.5">
            <Label htmlFor={id("loadValue")}>{named(item.loadUnit === "rpe" ? "Effort (1-10)" : `Load (${item.loadUnit})`)}</Label>
            <Input
              id={id("loadValue")}
              type="number"
              inputMode="decimal"
              value={item.loadValue}
              onChange={(e) => onChange({ loadValue: e.target.value })}
              aria-invalid={Boolean(loadErrors)}
              aria-describedby={loadErrors ? `${id("load")}-error` : undefined}
            />
            <FieldError id={`${id("load")}-error`} errors={loadErrors} />
          </div>
        ) : null}
        <div className="grid gap-1.5">
          <Label htmlFor={id("side")}>{named("Side")}</Label>
          <NativeSelect id={id("side")} value={item.side} onChange={(e) => onChange({ side: e.target.value as BuilderItem["side"] })}>
            <option value="na">Not applicable</option>
            <option value="both">Both</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
          </NativeSelect>
          <FieldError id={`${id("side")}-error`} errors={err("side")} />
        </div>
        <div className="grid gap-1.5 sm:col-span-3 lg:col-span-2">
          <Label htmlFor={id("notes")}>{named("Notes")}</Label>
          <Input
            id={id("notes")}
            value={item.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
            aria-invalid={Boolean(err("notes"))}
            aria-describedby={err("notes") ? `${id("notes")}-error` : undefined}
          />
          <FieldError id={`${id("notes")}-error`} errors={err("notes")} />
        </div>
      </div>
    </li>
  );
}
