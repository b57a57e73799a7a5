import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { isHttpsRequest } from "@/lib/auth/ip";
import { linkPath } from "./token";

/** The address the patient types or scans, on the host the staff member is using. */
export async function readOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return `${isHttpsRequest(h) ? "https" : "http"}://${host}`;
}

/** A new link's full address and its QR code (a data: URL), shown to staff once. */
export async function describeShownLink(token: string): Promise<{ url: string; qr: string }> {
  const url = `${await readOrigin()}${linkPath(token)}`;
  const qr = await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  return { url, qr };
}
