/**
 * The `sahel-sim` command line: parses arguments, calls the library, prints, and sets the exit
 * code. No rules or formulas live here.
 *
 * Exit codes: 0 success; 2 bad input (scenario file, --set, flags), nothing written;
 * 1 the work failed; 70 a bug in sahel-sim (its stack trace goes to a log file to report).
 */
import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../sim/scenario/errors.ts';
import { TOOL_VERSION } from '../sim/package-root.ts';
import { registerBatch } from './batch-command.ts';
import { registerCheck } from './check-command.ts';
import { registerReport } from './report-command.ts';
import { registerRun } from './run-command.ts';
import { registerSensitivity } from './sensitivity-command.ts';
import { registerValidation } from './validation-command.ts';

export function buildProgram(argv: readonly string[]): { program: Command; exitCode: () => number } {
  const program = new Command('sahel-sim')
    .description('Agent-based simulation of the conflict in Mali: seeded runs, strategy comparisons, tidy CSV.')
    .version(TOOL_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRun(program, argv);
  registerCheck(program);
  const batch = registerBatch(program, argv);
  const sensitivity = registerSensitivity(program, argv);
  const validation = registerValidation(program, argv);
  registerReport(program);
  for (const command of program.commands) command.exitOverride();
  return { program, exitCode: () => Math.max(batch.exitCode(), sensitivity.exitCode(), validation.exitCode()) };
}

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { program, exitCode } = buildProgram(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every usage error is bad input.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ScenarioError) {
      for (const line of error.message.split('\n')) console.error(`error: ${line}`);
      console.error(`${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found; nothing was run or written.`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`sahel-sim: internal error (a bug in sahel-sim): ${message}`);
    // Loaded only here: every command's start-up stays free of it.
    const { writeCrashLog } = await import('./crash-log.ts');
    console.error(`The stack trace is in ${writeCrashLog(error, argv)}; please report it with the command you ran.`);
    return 70;
  }
}
