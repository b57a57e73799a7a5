import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Shown once, right after they are made: the server keeps only their digests. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <Alert role="status">
      <AlertTitle>Your recovery codes</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>Each works once, in place of a code from your app. Save or print them now: they will not be shown again.</p>
        <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm text-foreground sm:grid-cols-5">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
      </AlertDescription>
    </Alert>
  );
}
