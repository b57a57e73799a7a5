"use client";

import { useEffect, useState } from "react";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The patient's link on the printout, when "Print with the link" opened this
 * page: the token comes in the address's fragment, which the browser never
 * sends to the server, and the QR code is drawn here.
 */
export function PrintedLink() {
  const [link, setLink] = useState<{ url: string; qr: string } | null>(null);
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get("link");
    if (!token || !TOKEN.test(token)) return;
    const url = `${window.location.origin}/p/${token}`;
    let live = true;
    void import("qrcode").then((QRCode) => QRCode.toDataURL(url, { margin: 1, width: 200, errorCorrectionLevel: "M" })).then((qr) => {
      if (live) setLink({ url, qr });
    });
    return () => {
      live = false;
    };
  }, []);
  if (!link) return null;
  return (
    <section aria-labelledby="phone-link-heading" className="mt-6 flex items-center gap-4 rounded-lg border p-4 break-inside-avoid">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn in the browser */}
      <img src={link.qr} alt="QR code of your programme link" width={140} height={140} />
      <div className="grid gap-1">
        <h2 id="phone-link-heading" className="font-semibold">
          Your programme on your phone
        </h2>
        <p className="text-sm">Scan the code or type this address. Tick your sessions there; it works offline too.</p>
        <p className="font-mono text-sm break-all">{link.url}</p>
      </div>
    </section>
  );
}
