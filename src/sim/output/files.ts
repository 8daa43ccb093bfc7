/**
 * Writing result files so that a reader never mistakes a partial file for a complete one:
 * content goes to a temporary name in the same folder and is renamed into place only when
 * complete (rename is atomic on one filesystem).
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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

/**
 * A file written in pieces under its temporary name; `commit()` renames it into place, so a
 * reader never sees it half-written (an interrupted batch leaves only the temporary name).
 */
export class AtomicFileWriter {
  private readonly temporary: string;
  private readonly descriptor: number;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.temporary = partialName(file);
    this.descriptor = openSync(this.temporary, 'w');
  }

  write(text: string): void {
    if (text.length > 0) writeSync(this.descriptor, text);
  }

  commit(): void {
    closeSync(this.descriptor);
    renameSync(this.temporary, this.file);
  }

  abandon(): void {
    closeSync(this.descriptor);
    rmSync(this.temporary, { force: true });
  }
}
