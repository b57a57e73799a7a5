import "server-only";
import QRCode from "qrcode";
import { readRequestOrigin } from "@/lib/net/request-origin";
import { linkPath } from "./token";

/** A new link's full address and its QR code (a data: URL), shown to staff once. */
export async function describeShownLink(token: string): Promise<{ url: string; qr: string }> {
  const url = `${await readRequestOrigin()}${linkPath(token)}`; // the host the staff member is using
  const qr = await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  return { url, qr };
}
