/**
 * Option parsers shared by the commands: each turns a flag's text into a value or a usage
 * error that names the flag.
 */
import { InvalidArgumentError } from 'commander';
import { MAX_SEED } from '../sim/seed-range.ts';

export function parseCount(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, found "${text}"`);
  return value;
}

export function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value > MAX_SEED) {
    throw new InvalidArgumentError(`expected a whole number in [0, ${MAX_SEED}], found "${text}"`);
  }
  return value;
}

/** Accumulates a repeatable `--set path=value`. */
export function collectAssignment(text: string, previous: string[] = []): string[] {
  if (!/^[^=]+=/.test(text)) throw new InvalidArgumentError(`expected path=value, e.g. legitimacy=0.7, found "${text}"`);
  return [...previous, text];
}
