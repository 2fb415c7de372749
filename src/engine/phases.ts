import { decidePhase } from '../decision/decidePhase.js';
import { affinityPhase } from '../effects/affinityPhase.js';
import { aggressionPhase } from '../effects/aggressionPhase.js';
import { alignmentPhase } from '../effects/alignmentPhase.js';
import { economicPhase } from '../effects/economicPhase.js';
import { restraintPhase } from '../effects/restraintPhase.js';
import { updatePhase } from '../effects/updatePhase.js';
import { accessionPhase } from '../institutions/accessionPhase.js';
import { applicationPhase } from '../institutions/applicationPhase.js';
import { institutionalActsPhase } from '../institutions/institutionalActsPhase.js';
import { institutionUpdatePhase } from '../institutions/institutionUpdatePhase.js';
import { recordPhase } from '../metrics/recordPhase.js';
import { perceivePhase } from '../perception/perceivePhase.js';
import type { TickContext } from './TickContext.js';

/** One named step of the tick pipeline. @internal */
export interface Phase {
  readonly name: string;
  /** The step of THEORY §5.8 it implements. */
  readonly step: number;
  readonly run: (ctx: TickContext) => void;
}

/**
 * The tick as a named pipeline in the order of THEORY §5.8. The engine only sequences these; the
 * theory lives in the phases. Frozen: to time phases, pass `onPhase` to createSimulation.
 * @internal
 */
export const PHASES: readonly Phase[] = Object.freeze([
  { name: 'perceive', step: 1, run: perceivePhase },
  { name: 'decide', step: 2, run: decidePhase },
  { name: 'economy', step: 3, run: economicPhase },
  { name: 'alignment', step: 4, run: alignmentPhase },
  { name: 'institutional-acts', step: 4, run: institutionalActsPhase },
  { name: 'application', step: 4, run: applicationPhase },
  { name: 'restraint', step: 5, run: restraintPhase },
  { name: 'aggression', step: 6, run: aggressionPhase },
  { name: 'accession', step: 7, run: accessionPhase },
  { name: 'update', step: 7, run: updatePhase },
  { name: 'institutions', step: 7, run: institutionUpdatePhase },
  { name: 'affinity', step: 7, run: affinityPhase },
  { name: 'record', step: 8, run: recordPhase },
].map((phase) => Object.freeze(phase)));
