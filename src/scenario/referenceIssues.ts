import type { ScenarioIssue } from './ScenarioError.js';

type Path = (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The checks that bind names: duplicate ids, references to states or institutions that do not
 * exist, self-pairs, duplicate pairs and members, institutions with fewer than two members.
 *
 * Works on the raw input, reading defensively, so that these problems are reported together with
 * the schema's own problems (every problem at once), whether or not the rest is valid.
 * @internal
 */
export function referenceIssues(raw: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!isRecord(raw)) return issues;
  const states = new Set<string>();
  list(raw.states).forEach((st, i) => {
    const id = isRecord(st) ? str(st.id) : undefined;
    if (id === undefined) return;
    if (states.has(id)) issues.push({ path: ['states', i, 'id'], message: `duplicate state id "${id}"` });
    states.add(id);
  });
  const state = (ref: unknown, path: Path): boolean => {
    const id = str(ref);
    if (id === undefined) return false; // the schema reports a wrong type
    if (states.has(id)) return true;
    issues.push({ path, message: `unknown state "${id}"` });
    return false;
  };

  const pairs = new Set<string>();
  list(raw.dyads).forEach((d, k) => {
    if (!isRecord(d) || !Array.isArray(d.between)) return;
    const [a, b] = d.between as unknown[];
    const okA = state(a, ['dyads', k, 'between', 0]);
    const okB = state(b, ['dyads', k, 'between', 1]);
    if (!okA || !okB) return;
    if (a === b) { issues.push({ path: ['dyads', k, 'between'], message: `a dyad needs two different states (got "${String(a)}" twice)` }); return; }
    const key = pairKey(a as string, b as string);
    if (pairs.has(key)) issues.push({ path: ['dyads', k, 'between'], message: `duplicate dyad ${String(a)}–${String(b)}` });
    pairs.add(key);
  });

  const perceptions = new Set<string>();
  list(raw.perceptions).forEach((p, k) => {
    if (!isRecord(p)) return;
    const okFrom = state(p.from, ['perceptions', k, 'from']);
    const okTo = state(p.to, ['perceptions', k, 'to']);
    if (!okFrom || !okTo) return;
    if (p.from === p.to) { issues.push({ path: ['perceptions', k], message: 'a state has no perception of itself' }); return; }
    const key = `${String(p.from)}\u0000${String(p.to)}`;
    if (perceptions.has(key)) issues.push({ path: ['perceptions', k], message: `duplicate perception ${String(p.from)} → ${String(p.to)}` });
    perceptions.add(key);
  });

  const institutions = new Set<string>();
  list(raw.institutions).forEach((q, k) => {
    if (!isRecord(q)) return;
    const id = str(q.id);
    if (id !== undefined) {
      if (institutions.has(id)) issues.push({ path: ['institutions', k, 'id'], message: `duplicate institution id "${id}"` });
      institutions.add(id);
    }
    if (!Array.isArray(q.members)) return;
    const seen = new Set<string>();
    q.members.forEach((m, mi) => {
      if (!state(m, ['institutions', k, 'members', mi])) return;
      if (seen.has(m as string)) issues.push({ path: ['institutions', k, 'members', mi], message: `"${String(m)}" is listed twice` });
      seen.add(m as string);
    });
    list(q.statuses).forEach((h, hi) => {
      if (!isRecord(h) || !state(h.state, ['institutions', k, 'statuses', hi, 'state'])) return;
      const who = h.state as string;
      if (seen.has(who)) {
        issues.push({ path: ['institutions', k, 'statuses', hi, 'state'], message: `"${who}" is already listed (as a member or with another status): a state holds one status in an institution (model §5.11)` });
      }
      seen.add(who);
    });
    list(q.vetoMembers).forEach((v, vi) => {
      if (!state(v, ['institutions', k, 'vetoMembers', vi])) return;
      if (!(q.members as unknown[]).includes(v)) {
        issues.push({ path: ['institutions', k, 'vetoMembers', vi], message: `"${String(v)}" holds a veto but is not a member of "${id ?? k}": only members vote (model §5.12)` });
      }
    });
    if (q.members.length < 2) {
      issues.push({ path: ['institutions', k, 'members'], message: 'an institution needs at least two members (model §5.7); found one by an event when it should start later' });
    }
  });

  // Affinity (model note N54): blocs and pairs name known states, two different ones, each once.
  const affinity = raw.affinity;
  if (isRecord(affinity)) {
    list(affinity.blocs).forEach((bloc, k) => {
      if (!isRecord(bloc)) return;
      const seen = new Set<string>();
      list(bloc.members).forEach((m, mi) => {
        if (!state(m, ['affinity', 'blocs', k, 'members', mi])) return;
        if (seen.has(m as string)) issues.push({ path: ['affinity', 'blocs', k, 'members', mi], message: `"${String(m)}" is listed twice` });
        seen.add(m as string);
      });
    });
    const affinityPairs = new Set<string>();
    list(affinity.pairs).forEach((pr, k) => {
      if (!isRecord(pr) || !Array.isArray(pr.between)) return;
      const [a, b] = pr.between as unknown[];
      const okA = state(a, ['affinity', 'pairs', k, 'between', 0]);
      const okB = state(b, ['affinity', 'pairs', k, 'between', 1]);
      if (!okA || !okB) return;
      if (a === b) { issues.push({ path: ['affinity', 'pairs', k, 'between'], message: `an affinity needs two different states (got "${String(a)}" twice)` }); return; }
      const key = pairKey(a as string, b as string);
      if (affinityPairs.has(key)) issues.push({ path: ['affinity', 'pairs', k, 'between'], message: `duplicate affinity pair ${String(a)}–${String(b)}` });
      affinityPairs.add(key);
    });
  }

  // Institutions founded by events may be referred to by other events.
  const events = list(raw.events);
  for (const e of events) {
    if (!isRecord(e)) continue;
    for (const c of list(e.changes)) if (isRecord(c) && c.type === 'found-institution' && str(c.institution) !== undefined) institutions.add(c.institution as string);
  }
  events.forEach((e, k) => {
    if (!isRecord(e)) return;
    list(e.changes).forEach((c, ci) => {
      if (!isRecord(c)) return;
      const cp: Path = ['events', k, 'changes', ci];
      const institution = (): void => {
        const ref = str(c.institution);
        if (ref !== undefined && !institutions.has(ref)) {
          issues.push({ path: [...cp, 'institution'], message: `unknown institution "${ref}" (neither in institutions nor founded by an event)` });
        }
      };
      switch (c.type) {
        case 'set-state': state(c.state, [...cp, 'state']); break;
        case 'join': case 'leave': case 'set-status': state(c.state, [...cp, 'state']); institution(); break;
        case 'found-institution':
          list(c.members).forEach((m, mi) => state(m, [...cp, 'members', mi]));
          list(c.vetoMembers).forEach((v, vi) => {
            if (!state(v, [...cp, 'vetoMembers', vi])) return;
            if (!list(c.members).includes(v)) {
              issues.push({ path: [...cp, 'vetoMembers', vi], message: `"${String(v)}" holds a veto but is not a founding member of "${String(c.institution)}": only members vote (model §5.12)` });
            }
          });
          break;
        case 'dissolve-institution': case 'set-institution': institution(); break;
        case 'alliance': case 'set-trade':
          if (Array.isArray(c.between)) { state(c.between[0], [...cp, 'between', 0]); state(c.between[1], [...cp, 'between', 1]); }
          break;
        case 'set-intent': state(c.from, [...cp, 'from']); state(c.to, [...cp, 'to']); break;
        case 'sanction': {
          const okSender = state(c.sender, [...cp, 'sender']);
          const okTarget = state(c.target, [...cp, 'target']);
          if (okSender && okTarget && c.sender === c.target) {
            issues.push({ path: [...cp, 'target'], message: `a sanction needs two different states (got "${String(c.sender)}" as sender and target)` });
          }
          break;
        }
        default: break;
      }
    });
  });
  return issues;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
