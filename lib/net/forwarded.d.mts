export function parseTrustProxy(raw: string | undefined): number;
export function resolveClient(input: {
  xForwardedFor?: string | undefined;
  xForwardedProto?: string | undefined;
  socketAddress?: string | undefined;
  encrypted: boolean;
  hops: number;
}): { ip: string | null; proto: "http" | "https" };
export const FORWARDED_HEADERS: string[];
