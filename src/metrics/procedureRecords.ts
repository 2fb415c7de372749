import type { Scratch } from '../engine/Scratch.js';
import type { World } from '../engine/World.js';
import { PROC_ADMITTED, PROC_APPLIED } from '../institutions/applicationPhase.js';
import type { ProcedureRecord } from './TickRecord.js';

/**
 * The tick's procedures per (institution, state) (model §5.12, note N59), from the scratch's
 * procedure log (applications, admissions, lapses) and accession votes (blocks), in canonical order
 * (institution id, then state id). Allocates only when the tick had a procedure. @internal
 */
export function procedureRecords(w: World, s: Scratch): ProcedureRecord[] {
  if (s.procCount === 0 && s.accessionBlocks === 0) return [];
  const byKey = new Map<number, ProcedureRecord>();
  const n = w.n;
  const entry = (q: number, i: number): ProcedureRecord => {
    const key = q * n + i;
    let e = byKey.get(key);
    if (e === undefined) {
      e = { institution: w.instIds[q], state: w.ids[i], applied: 0, admitted: 0, lapsed: 0, blocksCast: 0, blocksReceived: 0 };
      byKey.set(key, e);
    }
    return e;
  };
  for (let k = 0; k < s.procCount; k++) {
    const e = entry(s.procInst[k], s.procState[k]);
    const kind = s.procKind[k];
    if (kind === PROC_APPLIED) e.applied++;
    else if (kind === PROC_ADMITTED) e.admitted++;
    else e.lapsed++;
  }
  for (let k = 0; k < s.voteCount; k++) {
    if (s.voteBlock[k] !== 1) continue; // admissions and holds (N61) are not blocks
    entry(s.voteInst[k], s.voteVoter[k]).blocksCast++;
    entry(s.voteInst[k], s.voteCandidate[k]).blocksReceived++;
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...byKey.values()].sort((a, b) => cmp(a.institution, b.institution) || cmp(a.state, b.state));
}
