import { OctagonAlert, ShieldCheck, TriangleAlert } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { ScreeningResult } from "@/lib/clinical/safety";
import { REGION_LABELS } from "@/lib/decompression/rules";
import type { DecompressionRegion } from "@/lib/clinical/decompression";

/** The screening outcome for one region, in words, with each flag's source on hand. */
export function ScreeningNotice({ region, result }: { region: DecompressionRegion; result: ScreeningResult }) {
  if (result.outcome === "clear") {
    return (
      <Alert>
        <ShieldCheck aria-hidden />
        <AlertTitle>{REGION_LABELS[region]}: screening clear</AlertTitle>
        <AlertDescription>{result.message}</AlertDescription>
      </Alert>
    );
  }
  const blocked = result.outcome === "blocked";
  const flags = blocked ? result.blocking : result.warnings;
  return (
    <Alert variant={blocked ? "destructive" : "warning"} role={blocked ? "alert" : "status"} data-testid={`screening-${region}`}>
      {blocked ? <OctagonAlert aria-hidden /> : <TriangleAlert aria-hidden />}
      <AlertTitle>
        {REGION_LABELS[region]}: {result.urgentReferral ? "red flag, urgent referral" : blocked ? "blocked by screening" : "precautions"}
      </AlertTitle>
      <AlertDescription>
        <p>{result.message}</p>
        <ul className="list-disc pl-5">
          {flags.map((flag) => (
            <li key={flag.code}>
              {flag.label}: {flag.note} <span className="text-xs">(Source: {flag.source})</span>
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
