import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/outage/limits";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Separate build folders let several test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files it loads by URL; argon2 is a native addon; pdfkit reads its font data from its own folder; pg-boss (and its pg driver) stays a plain Node import.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "pg-boss"],
  poweredByHeader: false,
  // Stated rather than left to the default, so the proxy's 413 and Next agree.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  // The proxy puts these (and the CSP) on pages and routes; this covers the
  // build's static files and icons, which the proxy never sees.
  // X-Frame-Options goes everywhere but the embeddable enquiry form, which its own CSP lets the clinic's site frame.
  async headers() {
    const header = ([key, value]: readonly [string, string]) => ({ key, value });
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS.filter(([key]) => key !== "X-Frame-Options").map(header) },
      { source: "/:path((?!enquire/[^/]+/embed/?$).*)", headers: STATIC_SECURITY_HEADERS.filter(([key]) => key === "X-Frame-Options").map(header) },
      // The icon sprite's URL carries its version (components/ui/icons.tsx): a new sprite is a new URL.
      { source: "/icons.svg", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default nextConfig;
