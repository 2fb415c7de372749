import type { DecisionExplanation, ThreatExplanation } from '../engine/DecisionExplanation.js';
import { FAMILY_OF } from '../decision/options.js';
import { OPTION_LABELS } from '../report/strategyLabels.js';
import { formatYear } from '../report/formatYear.js';
import type { Terminal } from './Terminal.js';

/** The context variables of THEORY §5.2 in print order, with what each means. */
const CONTEXT: readonly [keyof DecisionExplanation['context'], string, string][] = [
  ['T', 'T', 'threat from the main threat'],
  ['D', 'D', 'own economic dependence on the target'],
  ['Dt', 'Dt', 'the target\'s dependence on this state (leverage)'],
  ['theta', 'θ', 'defensive advantage of the dyad (MAD included)'],
  ['nu', 'ν', 'territorial-integrity norm'],
  ['ideo', 'ideo_j', 'the target\'s expansionist ideology'],
  ['P3', 'P3', '(θ + ν + (1 − ideo_j))/3: Paul\'s reasons 2–4'],
  ['lam', 'λ', 'importance of legitimacy'],
  ['r', 'r', 'relative capability cinc_i/(cinc_i + cinc_j)'],
  ['disp', 'disp', 'power disparity |2r − 1|'],
  ['A', 'A', 'availability of allies against the target'],
  ['rhoI', 'ρ_I', 'strongest institution holding both'],
  ['rhoE', 'ρ_E', 'strongest club without the target × shared threat'],
  ['con', 'CON', 'concentration of capabilities'],
  ['allyT', 'ally', 'formally allied with the target'],
  ['G', 'G', 'proximity of the target'],
  ['X', 'X', 'threat above T*, (T − T*)/(1 − T*)'],
  ['newClub', 'new club', 'IE would have to found a club'],
];

const f3 = (x: number): string => (x < 0 ? '' : ' ') + x.toFixed(3);
const pct = (x: number): string => `${(100 * x).toFixed(1).padStart(5)}%`;

function threatLines(t: ThreatExplanation, terminal: Terminal): string[] {
  return [
    `  ${terminal.style('bold', t.state)}  T = ${t.threat.toFixed(3)}, from Walt's four components:`,
    `    power      P = ${t.power.toFixed(3)}   aggregate power: ${t.state}'s share of the pair's capabilities`,
    `    proximity  G = ${t.proximity.toFixed(3)}   geographic proximity`,
    `    offence    O = ${t.offence.toFixed(3)}   offensive capability net of the dyad's defence`,
    `    intent     â = ${t.intent.toFixed(3)}   perceived aggressive intentions (belief before this tick's update)`,
  ];
}

/**
 * The text of `counterpoise explain`: the main threat and its four components, the next threats,
 * the context variables, each option's utility as the sum of its terms with its probability, and
 * the option drawn.
 */
export function formatExplanation(e: DecisionExplanation, seed: number | string, terminal: Terminal): string[] {
  const year = formatYear(e.year);
  const out: string[] = [];
  out.push(terminal.style('bold', `${e.state} at tick ${e.tick} (${year}), seed ${String(seed)}: chose ${e.chosen} — ${OPTION_LABELS[e.chosen]}`));
  out.push(`perception model: ${e.perception}; decision policy: ${e.policy}`);
  out.push('');
  out.push(terminal.style('bold', 'Main threat'));
  out.push(...threatLines(e.mainThreat, terminal));
  if (e.otherThreats.length > 0) {
    out.push(`  next: ${e.otherThreats.map((t) => `${t.state} ${t.threat.toFixed(3)} (P ${t.power.toFixed(2)}, G ${t.proximity.toFixed(2)}, O ${t.offence.toFixed(2)}, â ${t.intent.toFixed(2)})`).join('; ')}`);
  }
  if (e.greatPowers.length > 0) {
    out.push('');
    out.push(terminal.style('bold', 'Great powers in view (model §5.2, note N57): threat ranking, and the institutions on each side'));
    for (const g of e.greatPowers) {
      const head = `  #${String(g.rank).padEnd(3)} ${g.state.padEnd(6)} T = ${g.threat.toFixed(3)}${g.main ? ' (main threat)' : ''}`
        + `   P ${g.power.toFixed(2)}, G ${g.proximity.toFixed(2)}, O ${g.offence.toFixed(2)}, â ${g.intent.toFixed(2)}`;
      out.push(g.main ? terminal.style('bold', head) : head);
      out.push(`        including it: ${g.inclusive.length > 0 ? g.inclusive.join(', ') : '—'};  excluding it: ${g.exclusive.length > 0 ? g.exclusive.join(', ') : '—'}`);
    }
  }
  out.push('');
  out.push(terminal.style('bold', `Context toward ${e.mainThreat.state} (model §5.2)`));
  for (const [key, symbol, meaning] of CONTEXT) {
    const v = e.context[key];
    if (v === undefined || typeof v === 'object') continue;
    const text = typeof v === 'boolean' ? (v ? ' yes' : ' no') : f3(v);
    out.push(`  ${symbol.padEnd(8)} ${text.padStart(7)}   ${meaning}`);
  }
  out.push('');
  out.push(terminal.style('bold', 'Options: utility V = the sum of its terms (model §5.4); p = logit probability'));
  let cumulative = 0;
  for (const o of e.options) {
    const lo = cumulative;
    cumulative += o.probability;
    const chosen = o.option === e.chosen;
    const mark = chosen ? terminal.style('green', '▶') : ' ';
    const name = `${o.option.padEnd(4)} ${OPTION_LABELS[o.option].padEnd(22)} ${FAMILY_OF[o.option].padEnd(14)}`;
    const head = o.available
      ? `${mark} ${name} V = ${f3(o.utility)}   p = ${pct(o.probability)}   [${lo.toFixed(3)}, ${cumulative.toFixed(3)})`
      : `${mark} ${name} not available (masked, model §5.3)   p =   0.0%`;
    out.push(chosen ? terminal.style('bold', head) : head);
    if (o.available) out.push(`        = ${o.terms.map((t) => `${t.term} ${t.value < 0 ? '-' : '+'}${Math.abs(t.value).toFixed(3)}`).join('  ')}`);
  }
  out.push('');
  out.push(`Draw: u = ${e.draw.toFixed(4)} falls in ${e.chosen}'s interval of the cumulative probabilities (menu order) → ${terminal.style('bold', e.chosen)} (${OPTION_LABELS[e.chosen]}).`);
  if (e.venue !== null) out.push(`Venue: ${e.venue}, against ${e.mainThreat.state} (model §5.5).`);
  if (e.partner !== null) {
    const p = e.partner;
    const who = p.states.length > 0 ? p.states.join(', ') : 'none';
    const text = p.kind === 'ally'
      ? `Partner: ally ${who} against ${e.mainThreat.state} (model §5.5): ${p.inForce ? 'the alliance is in force' : 'no alliance formed (no consent)'}.`
      : p.kind === 'entente'
        ? `Partner: entente partner ${who} against ${e.mainThreat.state} (model §5.5)${p.inForce ? '' : ', below entMin'}.`
        : `Partner: club members ${who} in ${e.venue ?? '?'}, against ${e.mainThreat.state} (model §5.5).`;
    out.push(text);
  } else if (e.chosen === 'HE' || e.chosen === 'SE') {
    out.push(`Partner: none — no state outside ${e.mainThreat.state}'s alliances was available (model §5.3).`);
  }
  if (e.application !== null) out.push(`Applies to ${e.application} by its ${e.chosen} act against ${e.mainThreat.state}: a candidate until a vote admits it (model §5.12).`);
  if (e.votes.length > 0) {
    out.push('');
    out.push(terminal.style('bold', 'Accession votes (model §5.12): a block or a hold is an institutional act against the candidate'));
    for (const v of e.votes) out.push(`  ${v.institution} (${v.rule}): ${v.voter} ${voteVerb(v.vote, v.veto)} ${v.candidate}${v.vote === 'hold' ? ` (a grievance, N61${v.veto ? '; a veto' : ''})` : v.vote === 'admit' && v.veto ? ' (holds a veto)' : ''}`);
  }
  return out;
}

/** The verb of an accession vote: a block by a veto holder is a veto (N60); a hold is a vote against over a grievance (N61). */
function voteVerb(vote: 'block' | 'admit' | 'hold', veto: boolean): string {
  return vote === 'admit' ? 'admits' : vote === 'hold' ? 'holds' : veto ? 'vetoes' : 'blocks';
}
