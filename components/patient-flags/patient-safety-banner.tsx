import Link from "next/link";
import { Siren } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { Scope } from "@/lib/auth/scope-types";
import { loadActiveFlags } from "@/lib/patient-flags/view";
import { FlagBadge } from "./flag-badge";

/**
 * A patient's active red flags, contraindications and precautions, for any
 * patient page: a cauda equina red flag brings an urgent-referral banner
 * (clinical-reference.md section 4). Loads its own data with the scope.
 */
export async function PatientSafetyBanner({ scope, patientId, manageLink = true }: { scope: Scope; patientId: string; manageLink?: boolean }) {
  const flags = await loadActiveFlags(scope, patientId);
  const redFlags = flags.filter((f) => f.definition?.urgentReferral);
  const href = `/patients/${patientId}/flags`;
  return (
    <div className="grid gap-3" data-testid="patient-safety">
      {redFlags.length > 0 && (
        <Alert variant="destructive">
          <Siren aria-hidden />
          <AlertTitle>Urgent referral: possible cauda equina syndrome</AlertTitle>
          <AlertDescription>
            <p>
              Recorded: {redFlags.map((f) => f.label).join(", ")}. A possible surgical emergency: refer the patient for urgent medical assessment today.
              Decompression is a hard stop while this flag is active.
            </p>
          </AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {flags.length === 0 ? (
          <span className="text-muted-foreground">No active red flags, contraindications or precautions recorded.</span>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label="Active safety flags">
            {flags.map((f) => (
              <li key={f.id}>
                <FlagBadge kind={f.definition?.kind ?? null} label={f.label} />
              </li>
            ))}
          </ul>
        )}
        {manageLink && (
          <Link href={href} className="text-sm underline underline-offset-4 hover:text-primary">
            {flags.length === 0 ? "Record a flag" : "Safety flags"}
          </Link>
        )}
      </div>
    </div>
  );
}
