import { applyPoint } from '../../experiments/applyPoint.js';
import { formatRun, runApplied, type RunSpec } from '../../experiments/runOne.js';
import type { ResolvedScenario } from '../../model/ResolvedScenario.js';
import type { RunOutput, WorkerInit } from './workerProtocol.js';

const encoder = new TextEncoder();

/**
 * Runs sweep runs and formats their rows, in whichever thread it lives: the same code in the main
 * thread (workers: 0) and in every worker, so output cannot depend on where a run ran. Keeps the
 * last point's scenario, since replicates of a point come in a row. @internal
 */
export class RunExecutor {
  private point = -1;
  private applied: ResolvedScenario;

  constructor(private readonly init: WorkerInit) {
    this.applied = init.scenario;
  }

  execute(spec: RunSpec): RunOutput {
    const { init } = this;
    if (spec.point !== this.point) {
      this.applied = Object.keys(spec.values).length === 0
        ? init.scenario
        : applyPoint(init.scenario, spec.values, { allowInadmissible: init.allowInadmissible, point: spec.point });
      this.point = spec.point;
    }
    const result = runApplied(this.applied, spec, init.ticks);
    const chunks: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(formatRun(result, init.layout, init.wants))) {
      if (text !== undefined && text !== '') chunks[name] = encoder.encode(text);
    }
    return {
      run: spec.run,
      chunks,
      rows: { runs: 1, ticks: init.wants.ticks ? result.records.length : 0, events: init.wants.events ? result.events.length : 0 },
    };
  }
}
