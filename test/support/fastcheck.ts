/**
 * Property tests run with a fixed seed so CI is repeatable; set FC_SEED=random (or a number) to explore further.
 * A failure prints its seed and path, so any counterexample can be replayed.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED === "random" ? Date.now() ^ (Math.random() * 0x100000000) : Number(process.env.FC_SEED ?? 20261123);
fc.configureGlobal({ seed });
