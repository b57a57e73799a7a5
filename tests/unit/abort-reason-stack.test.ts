import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

// scripts/abort-reason-stack.mjs (preloaded by scripts/start.mjs) must make an aborted signal's Error
// reason let go of what its stack frames hold: React's completed-render abort reasons otherwise keep
// the Immediate the render ran in, and through it other finished requests, reachable.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const settle = () => new Promise((r) => setTimeout(r, 0));

/** An Error whose stack has a frame whose receiver is `holder` (as React's Immediate is); returns a WeakRef to it. */
function errorFromMethodOf(): { reason: Error; holder: WeakRef<object> } {
  const holder = {
    payload: new Array(1000).fill("request data"),
    make() {
      return new Error("This render completed successfully.");
    },
  };
  return { reason: holder.make(), holder: new WeakRef(holder) };
}

async function isCollected(ref: WeakRef<object>): Promise<boolean> {
  await settle();
  gc();
  await settle();
  gc();
  return ref.deref() === undefined;
}

describe("abort reason stack release", () => {
  it("without the preload, an unread Error stack keeps its frames' receivers alive (the leak)", async () => {
    const { reason, holder } = errorFromMethodOf();
    new AbortController().abort(reason);
    expect(await isCollected(holder)).toBe(false);
    expect(reason.message).toContain("completed");
  });

  it("with the preload, aborting with an Error releases what its frames held", async () => {
    await import(pathToFileURL(path.resolve("scripts", "abort-reason-stack.mjs")).href);
    const { reason, holder } = errorFromMethodOf();
    const controller = new AbortController();
    controller.abort(reason);
    expect(controller.signal.reason).toBe(reason);
    expect(await isCollected(holder)).toBe(true);
    expect(reason.stack).toContain("This render completed successfully.");
  });
});
