/**
 * How many worker threads a batch uses when not told: one per core. Its own module, so the
 * command line can print it in `--help` without loading the pool (piscina) or the engine.
 */
import { availableParallelism } from 'node:os';

export function defaultWorkers(): number {
  return availableParallelism();
}
