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
