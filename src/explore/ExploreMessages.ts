import type { AdmissibilityViolation } from '../decision/checkAdmissible.js';
import type { Family, Option } from '../decision/options.js';
import type { TickRecord } from '../metrics/TickRecord.js';
import type { ResolvedScenario } from '../model/ResolvedScenario.js';
import type { ExploreDataTables } from './worker/ExploreLibraries.js';

/** A slider of the explorer: a system condition (λ, ν, θ) or a numeric model parameter. */
export interface ExploreSetting {
  kind: 'system' | 'parameter';
  /** `lambda`, `nu`, `theta`, or a key of ModelParameters. */
  key: string;
}

/** What the page asks of the worker that runs the core. */
export type ExploreRequest =
  /** The source texts of the worker's chunks (sent first): run only when needed (ExploreLibraries). */
  | { type: 'chunks'; sources: { math: string; scenario: string } }
  | { type: 'load'; scenario: ResolvedScenario; seed: number }
  /**
   * A scenario file the user dropped: validated as the CLI does, then loaded; `tables`, the COW
   * tables of a page built with `--with-data` (null without), serve its data references.
   */
  | { type: 'load-file'; name: string; text: string; seed: number; tables: ExploreDataTables | null }
  | { type: 'reset'; seed: number }
  | { type: 'step'; ticks: number }
  | { type: 'play'; ticksPerSecond: number }
  | { type: 'pause' }
  | { type: 'set'; setting: ExploreSetting; value: number }
  | { type: 'explain'; state: string; tick: number }
  /** The run's ticks so far as CSV: the columns of a run's ticks.csv from `tick` on. */
  | { type: 'export-csv' }
  /** Runs `seeds` runs of `ticks` ticks (seeds seed, seed + 1, …) with the sliders applied from tick 0. */
  | { type: 'ensemble'; seed: number; seeds: number; ticks: number };

/** The scenario as the page shows it (sent once per load). */
export interface ExploreScenarioInfo {
  id: string;
  title: string;
  startYear: number;
  ticksPerYear: number;
  states: { id: string; name: string; major: boolean; location?: { lat: number; lon: number } }[];
  system: { lambda: number; nu: number; theta: number };
  /** The model parameters the page has sliders for, with their values. */
  parameters: Record<string, number>;
  /** System conditions written as expressions of time: a slider cannot hold them. */
  expressionFields: string[];
  /** Scheduled scenario events (tick null: conditional). */
  events: { label: string; tick: number | null }[];
}

/** One tick's picture of the world, for the views. */
export interface ExploreFrame {
  /** Completed ticks. */
  tick: number;
  /** The year of the next tick. */
  year: number;
  /** The records of the ticks run since the last frame. */
  records: TickRecord[];
  /** cinc share of each state, in the scenario's order. */
  shares: number[];
  /** Each state's last option and its family (null before the first tick). */
  actions: (Option | null)[];
  families: (Family | null)[];
  /** Each state's main threat (null before the first tick). */
  mainThreats: (string | null)[];
  /** T_ij of the last tick, row-major, n × n. */
  threat: number[];
  /** Allied pairs, ententes at or above entMin, and live institutions with their members. */
  alliances: [string, string][];
  ententes: { between: [string, string]; level: number }[];
  institutions: { id: string; members: string[] }[];
  /** Scenario events and model events of the ticks since the last frame, as text. */
  events: { tick: number; text: string; scenario: boolean }[];
}

/** What the worker tells the page. */
export type ExploreReply =
  | { type: 'loaded'; info: ExploreScenarioInfo; frame: ExploreFrame }
  /** A dropped file's problems, each `file:line:column  path  message` as the CLI prints them. */
  | { type: 'issues'; file: string; lines: string[] }
  | { type: 'frame'; frame: ExploreFrame; playing: boolean }
  | { type: 'set'; setting: ExploreSetting; value: number; applied: boolean; violations: AdmissibilityViolation[]; note: string }
  | { type: 'explained'; state: string; tick: number; lines: string[] }
  | { type: 'csv'; name: string; text: string }
  | { type: 'ensemble'; bands: ExploreEnsemble }
  | { type: 'error'; message: string };

/** An ensemble's strategy families over time: per family and tick, the mean over seeds and its 95 % interval. */
export interface ExploreEnsemble {
  seeds: number[];
  ticks: number;
  families: Record<string, { mean: number[]; low: number[]; high: number[] }>;
}

/** The model parameters the explorer has sliders for, with each slider's range and step. */
export const PARAMETER_SLIDERS: readonly { key: string; label: string; min: number; max: number; step: number }[] = [
  { key: 'mu', label: 'μ (logit temperature)', min: 0.05, max: 2, step: 0.05 },
  { key: 'tStar', label: 'T* (existential threshold)', min: 0.05, max: 0.95, step: 0.05 },
  { key: 'betaH', label: 'β_H (hard options\' threat response)', min: 0, max: 12, step: 0.1 },
  { key: 'betaS', label: 'β_S (soft options\' threat response)', min: 0, max: 6, step: 0.1 },
  { key: 'cR', label: 'c_R (capability favours arming)', min: 0, max: 2, step: 0.05 },
];

/** The system conditions the explorer has sliders for. */
export const SYSTEM_SLIDERS: readonly { key: 'lambda' | 'nu' | 'theta'; label: string }[] = [
  { key: 'lambda', label: 'λ (importance of legitimacy)' },
  { key: 'nu', label: 'ν (territorial-integrity norm)' },
  { key: 'theta', label: 'θ (defensive advantage)' },
];
