import type { Instrumentation } from "next";

/**
 * Runs once when the server starts (Node.js runtime only): open the database,
 * migrate, load the demo on a fresh embedded database, say where things are.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/startup");
    await startServer();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(err, request, context);
};
