/**
 * What the commands that run batches show and hear while they run: progress of the runs on
 * stderr (batch, sensitivity: a bar on a terminal, plain lines in logs), and Ctrl-C or SIGTERM
 * as a request to stop after the runs in flight (batch, sensitivity, calibrate).
 */
import { Presets, SingleBar } from 'cli-progress';

/** Progress on a terminal as a bar (runs, runs/s, ETA); elsewhere one plain line every 5 seconds. */
export function progressReporter(quiet: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: 'runs {bar} {value}/{total} | {rate} runs/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 20 },
      Presets.shades_classic,
    );
    let started = false;
    let first = 0;
    const since = process.hrtime.bigint();
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done, { rate: '0' });
          started = true;
          first = done;
        }
        const seconds = Number(process.hrtime.bigint() - since) / 1e9;
        bar.update(done, { rate: seconds > 0 ? ((done - first) / seconds).toFixed(2) : '0' });
      },
      stop: () => bar.stop(),
    };
  }
  const since = process.hrtime.bigint();
  let last = -Infinity;
  return {
    update(done, total) {
      const seconds = Number(process.hrtime.bigint() - since) / 1e9;
      if (seconds - last < 5 && done < total) return;
      last = seconds;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.round((total - done) / rate) : NaN;
      process.stderr.write(`runs ${done}/${total}, ${rate.toFixed(2)} runs/s, ETA ${Number.isFinite(eta) ? `${eta}s` : '—'}\n`);
    },
    stop: () => undefined,
  };
}

/** Listens for SIGINT and SIGTERM until `release`; the batch polls `requested` between runs. */
export function stopOnSignal(): { requested: () => boolean; release: () => void } {
  let stop = false;
  const onSignal = (signal: string): void => {
    if (stop) return;
    stop = true;
    process.stderr.write(`\n${signal}: stopping after the runs in flight…\n`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    requested: () => stop,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
