import type { Metadata } from "next";
import Link from "next/link";
import { McidRuleForm } from "@/components/clinic-settings/mcid-rule-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { describeMcidRule } from "@/lib/clinic-settings/describe-rule";
import { fingerprintEntry } from "@/lib/clinic-settings/mutations";
import { getStoredMcidOverrides } from "@/lib/clinic-settings/queries";
import { INSTRUMENT_IDS, INSTRUMENTS } from "@/lib/clinical/instruments";
import { DEFAULT_MCID_RULES, parseMcidOverrides, resolveMcidRule } from "@/lib/clinical/mcid";

export const metadata: Metadata = { title: "Clinical settings" };

export default async function ClinicalSettingsPage() {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const stored = await getStoredMcidOverrides(db, scope);
  const overrides = parseMcidOverrides(stored);
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader
        eyebrow={
          <Link href="/settings" className="underline-offset-4 hover:underline">
            Settings
          </Link>
        }
        title="Clinical settings"
        description="Meaningful-change rules decide when a change from the first assessment counts as improvement or deterioration. Each published default is shown with its source; a clinic rule needs one too."
        className="pb-0"
      />
      {INSTRUMENT_IDS.map((instrument) => {
        const descriptor = INSTRUMENTS[instrument];
        const base = DEFAULT_MCID_RULES[instrument];
        const override = overrides.find((o) => o.instrument === instrument);
        const rule = resolveMcidRule(instrument, overrides);
        return (
          <section key={instrument} aria-labelledby={`mcid-${instrument}`}>
            <Card>
              <CardHeader>
                <CardTitle asChild>
                  <h2 id={`mcid-${instrument}`} className="flex flex-wrap items-center gap-2">
                    {descriptor.label}
                    {override ? <Badge variant="warning">Clinic rule</Badge> : <Badge variant="outline">Published default</Badge>}
                  </h2>
                </CardTitle>
                <CardDescription>
                  In force: {describeMcidRule(rule)}.
                  <br />
                  Published default: {describeMcidRule(base)} ({base.source}).
                </CardDescription>
              </CardHeader>
              <CardContent>
                <McidRuleForm
                  instrument={instrument}
                  label={descriptor.label}
                  rule={rule}
                  overridden={Boolean(override)}
                  overrideSource={override?.source ?? ""}
                  previous={fingerprintEntry(stored, instrument)}
                  allowBands={Boolean(base.baselineBands?.length)}
                />
              </CardContent>
            </Card>
          </section>
        );
      })}
    </div>
  );
}
