/**
 * Writing result files so that a reader never mistakes a partial file for a complete one:
 * content goes to a temporary name in the same folder and is renamed into place only when
 * complete (rename is atomic on one filesystem).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The temporary name a file is written under until it is complete. */
export function partialName(file: string): string {
  return join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
}

/** Writes `content` to `file` atomically, creating the folder if needed. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = partialName(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
