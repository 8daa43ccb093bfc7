/**
 * What `sahel-sim check SCENARIO` does (check-command.ts declares it): validate a scenario (and
 * what it extends) without running it.
 */
import YAML from 'yaml';
import { MODELS } from '../../agents/registry.ts';
import { loadScenario } from '../../sim/scenario/index.ts';

export interface CheckOptions {
  rounds?: number;
  set?: string[];
  print?: boolean;
  json?: boolean;
}

/** Validates the scenario and prints "ok: …", or the resolved scenario with --print. */
export function check(scenarioFile: string, options: CheckOptions): void {
  const scenario = loadScenario(scenarioFile, MODELS, {
    ...(options.set ? { set: options.set } : {}),
    ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
  });
  // Through JSON, so time-varying values print as their expressions.
  const resolved: unknown = JSON.parse(JSON.stringify(scenario.params));
  if (options.print) {
    process.stdout.write(options.json ? `${JSON.stringify(resolved, null, 2)}\n` : YAML.stringify(resolved));
    return;
  }
  console.log(`ok: ${scenario.merged.entry} (model ${scenario.model.id}, ${scenario.params.rounds} rounds; files: ${scenario.merged.files.join(' → ')})`);
}
