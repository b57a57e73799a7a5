import { formatInstantDate } from "@/lib/format";
import type { FactorSummary } from "@/lib/mfa/queries";
import { PasskeysCard } from "./passkeys-card";
import { TotpCard } from "./totp-card";

/** Both ways to add a second step, for the account page and for required enrolment. */
export function SecurityPanel({ factors, timeZone }: { factors: FactorSummary; timeZone: string }) {
  const passkeys = factors.passkeys.map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: formatInstantDate(p.createdAt, timeZone),
    lastUsedAt: p.lastUsedAt ? formatInstantDate(p.lastUsedAt, timeZone) : null,
  }));
  return (
    <div className="grid gap-6">
      <TotpCard enabled={factors.totpEnabled} recoveryCodesLeft={factors.recoveryCodesLeft} />
      <PasskeysCard passkeys={passkeys} />
    </div>
  );
}
