import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let several test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files it loads by URL; argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
};

export default nextConfig;
