import type { ModelParameters } from '../model/ModelParameters.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import { CONDITION_VARIABLES, fillConditionScope, TIME_VARIABLES } from '../scenario/conditionScope.js';
import { MAX_GROWTH } from '../model/capabilityLimits.js';
import type { CompiledExpression } from '../scenario/expressions.js';
import { expressionCompilerFor, needsExpressions, type ExpressionCompiler } from './expressionCompiler.js';
import { applyChange, WorldChangeError } from './applyChange.js';
import type { SimulationEvent } from './SimulationEvent.js';
import { perTickGrowth } from './TickRates.js';
import type { World } from './World.js';

interface CompiledSetter {
  readonly expression: CompiledExpression;
  readonly path: string;
  readonly apply: (w: World, value: number) => void;
}

/**
 * The scenario's time-varying expressions and events, compiled once per simulation and run
 * before every tick — outside the tick's hot path. Scheduled events apply before their tick, in
 * the scenario's order; conditional events are checked against the previous tick's measures.
 * @internal
 */
export class ScenarioDynamics {
  private readonly setters: CompiledSetter[];
  private readonly scheduled: ResolvedScenario['events'];
  private readonly conditional: { event: ResolvedScenario['events'][number]; when: CompiledExpression; fired: boolean }[];
  private readonly timeScope: Record<string, number> = { year: 0, tick: 0 };
  private readonly conditionScope: Record<string, number> = {};
  /** Whether conditional events need the previous tick's record. */
  readonly needsRecord: boolean;
  /** Every state of the scenario, in the system now or not (N43), to say why a change cannot apply. */
  private readonly allStates: ReadonlySet<string>;

  constructor(scenario: ResolvedScenario, index: ReadonlyMap<string, number>) {
    // The compiler (mathjs) is asked for only when the scenario has expressions (counterpoise/core loads it lazily).
    const compile = needsExpressions(scenario) ? expressionCompilerFor(scenario) : null;
    this.setters = scenario.expressions.map((e) => {
      const expression = (compile as ExpressionCompiler)(e.expression, TIME_VARIABLES);
      const target = e.target;
      let apply: CompiledSetter['apply'];
      if (target.kind === 'system') {
        const field = target.field;
        apply = (w, v) => {
          if (!(v >= 0 && v <= 1)) throw new WorldChangeError(`${e.path} = "${e.expression}" gave ${v} in year ${w.startYear + w.tick / w.ticksPerYear}; it must lie in [0, 1]`);
          w[field] = v;
        };
      } else {
        const arrayOf = (w: World): Float64Array => (target.component === 'mil' ? w.growthMil : target.component === 'eco' ? w.growthEco : w.growthPop);
        apply = (w, v) => {
          if (!(v > -1 && v <= MAX_GROWTH)) throw new WorldChangeError(`${e.path} = "${e.expression}" gave ${v}; a growth rate must be greater than −1 and at most 2^64`);
          // Looked up each time: the index changes when states enter or leave the system (N43).
          const i = index.get(target.state);
          if (i !== undefined) arrayOf(w)[i] = perTickGrowth(v, w.ticksPerYear); // a yearly rate, held per tick (N28)
        };
      }
      return { expression, path: e.path, apply };
    });
    this.scheduled = scenario.events.filter((e) => e.tick !== null).sort((a, b) => (a.tick as number) - (b.tick as number) || a.index - b.index);
    this.conditional = scenario.events.filter((e) => e.when !== null)
      .map((event) => ({ event, when: (compile as ExpressionCompiler)(event.when as string, CONDITION_VARIABLES), fired: false }));
    this.needsRecord = this.conditional.length > 0;
    this.allStates = new Set(scenario.states.map((st) => st.id));
  }

  private next = 0;

  /**
   * Runs everything due before tick `w.tick`. `beforeChange` is called before an event changes
   * the world (the engine settles its pending belief update there).
   */
  beforeTick(w: World, params: ModelParameters, index: ReadonlyMap<string, number>, events: SimulationEvent[] | null,
    last: TickRecord | null, beforeChange?: () => void): void {
    const year = w.startYear + w.tick / w.ticksPerYear;
    if (this.setters.length > 0) {
      this.timeScope.year = year;
      this.timeScope.tick = w.tick;
      for (const s of this.setters) s.apply(w, s.expression.evaluate(this.timeScope));
    }
    while (this.next < this.scheduled.length && (this.scheduled[this.next].tick as number) <= w.tick) {
      beforeChange?.();
      this.fire(this.scheduled[this.next++], w, params, index, events, year);
    }
    if (this.conditional.length > 0) {
      fillConditionScope(this.conditionScope, last, year, w.tick);
      for (const c of this.conditional) {
        if (c.fired && c.event.once) continue;
        if (c.when.evaluate(this.conditionScope) !== 0) {
          c.fired = true;
          beforeChange?.();
          this.fire(c.event, w, params, index, events, year);
        }
      }
    }
  }

  private fire(event: ResolvedScenario['events'][number], w: World, params: ModelParameters, index: ReadonlyMap<string, number>,
    events: SimulationEvent[] | null, year: number): void {
    events?.push({ tick: w.tick, type: 'scenario-event', label: event.label });
    event.changes.forEach((change, k) => {
      try {
        applyChange(w, params, change, index, events, year);
      } catch (error) {
        if (error instanceof WorldChangeError) {
          // A state of the scenario that is not in the system at this tick (its spells, N43).
          const absent = /^unknown state "(.*)"$/.exec(error.message);
          const message = absent !== null && this.allStates.has(absent[1])
            ? `state "${absent[1]}" is not in the state system in year ${year} (its spells): the change cannot apply`
            : error.message;
          throw new WorldChangeError(`events[${event.index}].changes[${k}] ("${event.label}", before tick ${w.tick}): ${message}`);
        }
        throw error;
      }
    });
  }
}
