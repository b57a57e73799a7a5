// The slice of autocannon 9 the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    timeout?: number;
    /** Each connection cycles through these in order. */
    requests?: { method?: string; path: string }[];
  };
  type Result = { errors: number; timeouts: number; non2xx: number };
  function autocannon(opts: Options, done: (err: Error | null, result: Result) => void): EventEmitter;
  export default autocannon;
}
