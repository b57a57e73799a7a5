import type { Metadata } from "next";
import { AlertThresholdsForm } from "@/components/clinic-settings/alert-thresholds-form";
import { CoreRatioForm } from "@/components/clinic-settings/core-ratio-form";
import { getAlertThresholds } from "@/lib/alerts/thresholds";
import { ALERT_THRESHOLD_LIMITS, DEFAULT_ALERT_THRESHOLDS } from "@/lib/clinical/alert-rules";
import { McidRuleForm } from "@/components/clinic-settings/mcid-rule-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/runtime";
import { requireAdminScope } from "@/lib/auth/scope";
import { fingerprintEntry } from "@/lib/clinic-settings/mutations";
import { getClinicClinicalSettings } from "@/lib/clinic-settings/queries";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { DEFAULT_MCID_RULES, describeMcidRule, MCID_RULE_KEYS, resolveMcidRuleByKey } from "@/lib/clinical/mcid";
import { MCGILL_HEALTHY_PROFILE, MCGILL_SOURCE } from "@/lib/clinical/thresholds";
import { SettingsCrumb } from "@/components/settings/settings-crumb";

export const metadata: Metadata = { title: "Clinical settings" };

export default async function ClinicalSettingsPage() {
  const scope = await requireAdminScope();
  const db = await getDb(scope);
  const [settings, alertThresholds] = await Promise.all([getClinicClinicalSettings(db, scope), getAlertThresholds(db, scope)]);
  const { storedMcidOverrides: stored, mcidOverrides: overrides } = settings;
  const ratio = (n: number) => Math.round(n * 100) / 100;
  return (
    <div className="mx-auto grid max-w-4xl gap-6">
      <PageHeader
        eyebrow={<SettingsCrumb />}
        title="Clinical settings"
        description="Meaningful-change rules decide when a change from the first score of the same questionnaire version counts as improvement or deterioration; each version has its own rule. Each published default is shown with its source; a clinic rule needs one too."
        className="pb-0"
      />
      {MCID_RULE_KEYS.map((key) => {
        const base = DEFAULT_MCID_RULES[key];
        const override = overrides.find((o) => o.key === key);
        const rule = resolveMcidRuleByKey(key, overrides);
        // Instruments with a rule per version name the versions: "Oswestry Disability Index (Modified ODI)"
        const perVersion = MCID_RULE_KEYS.filter((k) => DEFAULT_MCID_RULES[k].instrument === base.instrument).length > 1;
        const title = `${INSTRUMENTS[base.instrument].label}${perVersion ? ` (${base.label})` : ""}`;
        return (
          <section key={key} aria-labelledby={`mcid-${key}`}>
            <Card>
              <CardHeader>
                <CardTitle asChild>
                  <h2 id={`mcid-${key}`} className="flex flex-wrap items-center gap-2">
                    {title}
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
                  ruleKey={key}
                  label={title}
                  rule={rule}
                  overridden={Boolean(override)}
                  overrideSource={override?.source ?? ""}
                  previous={fingerprintEntry(stored, key)}
                  allowBands={Boolean(base.baselineBands?.length)}
                />
              </CardContent>
            </Card>
          </section>
        );
      })}
      <section aria-labelledby="core-ratio">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 id="core-ratio">Weak core, overactive lumbar extensors</h2>
            </CardTitle>
            <CardDescription>
              Suggested when side bridge/extension or flexion/extension is well below the healthy profile ({MCGILL_SOURCE}): side bridge/extension{" "}
              {MCGILL_HEALTHY_PROFILE.male.sideExtension} in men and {MCGILL_HEALTHY_PROFILE.female.sideExtension} in women; flexion/extension, derived
              from the same figures, {ratio(MCGILL_HEALTHY_PROFILE.male.flexionExtension)} and {ratio(MCGILL_HEALTHY_PROFILE.female.flexionExtension)}.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <CoreRatioForm fraction={settings.coreRatioFraction} />
          </CardContent>
        </Card>
      </section>
      <section aria-labelledby="alert-thresholds">
        <Card>
          <CardHeader>
            <CardTitle asChild>
              <h2 id="alert-thresholds">Alerts from home</h2>
            </CardTitle>
            <CardDescription>
              What a patient reports through their programme link raises an alert on the dashboard and in the shell when it crosses one of these. Values marked [U] have no
              published source: they are the house defaults.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AlertThresholdsForm thresholds={alertThresholds} defaults={DEFAULT_ALERT_THRESHOLDS} limits={ALERT_THRESHOLD_LIMITS} />
          </CardContent>
        </Card>
      </section>
    </div>
  );
}
