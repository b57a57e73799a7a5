"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { saveMcidRuleAction } from "@/lib/clinic-settings/actions";
import { MCID_BAND_ROWS } from "@/lib/clinic-settings/schemas";
import type { McidRule } from "@/lib/clinical/mcid";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  /** The rule's key (instrument and versions: "odi-modified"). */
  ruleKey: string;
  label: string;
  /** The rule in force (override merged over the default), to fill the inputs. */
  rule: McidRule;
  overridden: boolean;
  overrideSource: string;
  previous: string;
  allowBands: boolean;
};

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function McidRuleForm({ ruleKey, label, rule, overridden, overrideSource, previous, allowBands }: Props) {
  const [state, action, pending] = useActionState(saveMcidRuleAction, {});
  const value = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const err = (name: string) => state.errors?.[name];
  return (
    <form action={action} noValidate className="grid gap-4" key={JSON.stringify(state.values ?? {})} aria-label={`Meaningful-change rule for ${label}`}>
      <input type="hidden" name="key" value={ruleKey} />
      <input type="hidden" name="previous" value={previous} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Points" errors={err("absolute")} description="Blank: no points threshold.">
          <Input name="absolute" type="number" step="any" min={0} inputMode="decimal" defaultValue={value("absolute", text(rule.absolute))} />
        </Field>
        <Field label="Percent of the baseline score" errors={err("percent")} description="Blank: no percent threshold.">
          <Input name="percent" type="number" step="any" min={0} max={100} inputMode="decimal" defaultValue={value("percent", text(rule.percent))} />
        </Field>
        <Field label="Meaningful when" errors={err("combine")}>
          <NativeSelect name="combine" defaultValue={value("combine", rule.combine)}>
            <option value="either">either threshold is met</option>
            <option value="both">both thresholds are met</option>
          </NativeSelect>
        </Field>
      </div>
      {allowBands && (
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm font-medium">Threshold by baseline</legend>
          <Field label="Mode" errors={err("mode")} className="max-w-xs">
            <NativeSelect name="mode" defaultValue={value("mode", rule.mode)}>
              <option value="flat">The same for every baseline</option>
              <option value="baseline-dependent">Depends on the baseline (bands below)</option>
            </NativeSelect>
          </Field>
          <div className="grid gap-3">
            {Array.from({ length: MCID_BAND_ROWS }, (_, i) => {
              const band = rule.baselineBands?.[i];
              return (
                <div key={i} className="grid grid-cols-3 gap-3">
                  <Field label={`Band ${i + 1}: baseline from`} errors={err(`bands.${i}.min`)}>
                    <Input name={`bands.${i}.min`} type="number" step="any" defaultValue={value(`bands.${i}.min`, text(band?.min))} />
                  </Field>
                  <Field label="to" errors={err(`bands.${i}.max`)}>
                    <Input name={`bands.${i}.max`} type="number" step="any" defaultValue={value(`bands.${i}.max`, text(band?.max))} />
                  </Field>
                  <Field label="points" errors={err(`bands.${i}.absolute`)}>
                    <Input name={`bands.${i}.absolute`} type="number" step="any" defaultValue={value(`bands.${i}.absolute`, text(band?.absolute))} />
                  </Field>
                </div>
              );
            })}
          </div>
          {err("bands") && <p className="text-sm font-medium text-destructive">{err("bands")?.[0]}</p>}
        </fieldset>
      )}
      <Field label="Source of this threshold" errors={err("source")} description="Where the clinic's value comes from (a paper, a guideline, a clinical decision)." required>
        <Input name="source" maxLength={300} autoComplete="off" defaultValue={value("source", overrideSource)} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          Save clinic rule
        </Button>
        {overridden && (
          <Button type="submit" name="intent" value="reset" variant="outline" disabled={pending}>
            Back to the published default
          </Button>
        )}
      </div>
    </form>
  );
}
