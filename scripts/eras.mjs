// `npm run eras`: runs every era scenario (scenarios/era-*.yaml) over 50 seeds for its length in
// ticks and writes one table of model outputs per era (docs/eras.md), with the data behind it:
//   docs/eras.csv       one row per era and metric: n, mean, sd and the 95% confidence interval
//   docs/eras-runs.csv  one row per run: era, replicate, seed and the run's metrics
// Seeds come from the library's stable derivation (deriveSeed via runEnsemble: base seed, scenario
// id, replicate), so every run can be replayed alone with runSimulation(scenario, { seed, ticks }).
// The confidence intervals are t-based over the 50 runs (summarizeSample: mathjs mean and std).
//
// Usage: npm run eras            (builds first)
//        node scripts/eras.mjs   (with an existing build; --replicates N --out DIR to change)
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FAMILIES, OPTIONS, bundledScenariosDir, loadScenario, observedBehaviour, runEnsemble, summarizeSample,
} from '../dist/node.js';

/** The eras, in order, with the year each ends (1 January; the span is [start, end)). */
export const ERAS = [
  { name: 'era-1815-1853', label: '1815–1853', end: 1853 },
  { name: 'era-1853-1890', label: '1853–1890', end: 1890 },
  { name: 'era-1890-1914', label: '1890–1914', end: 1914 },
  { name: 'era-1919-1939', label: '1919–1939', end: 1939 },
  { name: 'era-1945-1991', label: '1945–1991', end: 1991 },
  { name: 'era-1991-2010', label: '1991–2010', end: 2010 },
  { name: 'era-2010-today', label: '2010–2025', end: 2026 },
];
const BASE_SEED = 'eras';

const OPTION_NAMES = {
  NONE: 'do nothing', BAND: 'bandwagon', HI: 'arm', HE: 'alliance', SE: 'entente', SS: 'sanctions',
  SL: 'legitimacy denial', II: 'inclusive inst.', IE: 'exclusive inst.',
};
const FAMILY_NAMES = { hard: 'hard', soft: 'soft', institutional: 'institutional', accommodate: 'accommodate' };

function args() {
  const out = { replicates: 50, out: fileURLToPath(new URL('../docs/', import.meta.url)) };
  const a = process.argv.slice(2);
  for (let k = 0; k < a.length; k++) {
    if (a[k] === '--replicates') out.replicates = Number(a[++k]);
    else if (a[k] === '--out') out.out = a[++k];
    else throw new Error(`unknown argument ${a[k]}`);
  }
  if (!(Number.isInteger(out.replicates) && out.replicates >= 2)) throw new Error('--replicates must be a whole number >= 2');
  return out;
}

/** The metrics of the table: family and option shares, mean CON and the three counts. */
const METRICS = [
  ...FAMILIES.map((f) => `familyShare_${f}`),
  ...OPTIONS.map((o) => `actionShare_${o}`),
  'meanCon', 'alliancesFormed', 'aggressions', 'softEpisodesBegun',
];

function main() {
  const opts = args();
  const known = new Set(ERAS.map((e) => e.name));
  const files = readdirSync(bundledScenariosDir()).filter((f) => /^era-.*\.yaml$/.test(f)).map((f) => f.slice(0, -5));
  const stray = files.filter((f) => !known.has(f));
  if (stray.length > 0) throw new Error(`era scenarios missing from scripts/eras.mjs ERAS: ${stray.join(', ')}`);

  const started = Date.now();
  const summary = []; // { era, metric, n, mean, sd, ciLow, ciHigh }
  const observed = []; // observedForEra, one per era
  const runs = [];
  const timing = [];
  for (const era of ERAS) {
    const scenario = loadScenario(era.name);
    const { startYear, ticksPerYear } = scenario.meta;
    const ticks = Math.round((era.end - startYear) * ticksPerYear);
    const t0 = Date.now();
    const samples = Object.fromEntries(METRICS.map((m) => [m, []]));
    for (const r of runEnsemble(scenario, { replicates: opts.replicates, ticks, baseSeed: BASE_SEED })) {
      for (const m of METRICS) samples[m].push(r.metrics[m]);
      runs.push({ era: era.name, replicate: r.spec.replicate, seed: r.spec.seed, ticks, ...Object.fromEntries(METRICS.map((m) => [m, r.metrics[m]])) });
    }
    const ms = Date.now() - t0;
    timing.push({ era: era.name, states: scenario.states.length, ticks, startYear, ms });
    for (const m of METRICS) summary.push({ era: era.name, metric: m, ...summarizeSample(samples[m]) });
    // The same quantities per state-year, for the comparison with the observed record: a state takes
    // one action a tick, so acts of an option per state-year = its share × ticksPerYear (N28).
    const years = era.end - startYear;
    summary.push({ era: era.name, metric: 'simulated_HE_perStateYear', ...summarizeSample(samples.actionShare_HE.map((v) => v * ticksPerYear)) });
    summary.push({ era: era.name, metric: 'simulated_HI_perStateYear', ...summarizeSample(samples.actionShare_HI.map((v) => v * ticksPerYear)) });
    summary.push({ era: era.name, metric: 'simulated_allianceMemberships_perYear', ...summarizeSample(samples.alliancesFormed.map((v) => (2 * v) / years)) });
    observed.push(observedForEra(scenario, startYear, era.end));
    console.log(`${era.name}: ${scenario.states.length} states, ${ticks} ticks x ${opts.replicates} seeds, ${(ms / 1000).toFixed(1)} s`);
  }
  const total = (Date.now() - started) / 1000;
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'eras.csv'), csv(
    ['era', 'metric', 'n', 'mean', 'sd', 'ciLow', 'ciHigh'],
    summary.map((s) => [s.era, s.metric, s.n, s.mean, s.sd, s.ciLow, s.ciHigh]),
  ));
  writeFileSync(join(opts.out, 'eras-runs.csv'), csv(
    ['era', 'replicate', 'seed', 'ticks', ...METRICS],
    runs.map((r) => [r.era, r.replicate, r.seed, r.ticks, ...METRICS.map((m) => r[m])]),
  ));
  for (const o of observed) {
    for (const [metric, value] of Object.entries(o.values)) summary.push({ era: o.era, metric, n: 1, mean: value, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN });
  }
  writeFileSync(join(opts.out, 'eras.md'), markdown(summary, timing, total, opts.replicates, observed));
  console.log(`wrote docs/eras.md, docs/eras.csv, docs/eras-runs.csv in ${total.toFixed(1)} s`);
}

/**
 * What the bundled COW record shows for an era's states over its span (the observed module,
 * docs/validation.md "Coding the observed record"): defence-pact joins and military build-ups per
 * state-year, for all the era's states and for those that are great powers at its start.
 */
const OBSERVED_LAST_YEAR = 2012;

function observedForEra(scenario, startYear, end) {
  const ids = new Set(scenario.states.map((s) => s.id));
  const majors = new Set(scenario.states.filter((s) => s.major).map((s) => s.id));
  // The observed record ends with the alliance data (2012): an era past it is compared over its covered years.
  const last = Math.min(end - 1, OBSERVED_LAST_YEAR);
  const rows = last < startYear ? [] : observedBehaviour({ from: startYear, to: last }).filter((r) => ids.has(r.stateId));
  const measured = rows.filter((r) => r.buildup !== undefined);
  const gp = measured.filter((r) => majors.has(r.stateId));
  const rate = (list, f) => (list.length === 0 ? Number.NaN : list.filter(f).length / list.length);
  return {
    era: scenario.meta.id,
    stateYears: rows.length,
    values: {
      observed_stateYears: rows.length,
      observed_HE_perStateYear: rate(rows, (r) => r.HE),
      observed_allianceMemberships_perYear: last < startYear ? Number.NaN : rows.filter((r) => r.HE).length / (last - startYear + 1),
      observed_lastYear: last,
      observed_HI_perStateYear: rate(measured, (r) => r.HI),
      observed_HI_greatPowers_perStateYear: rate(gp, (r) => r.HI),
      observed_anyAct_perStateYear: rate(rows, (r) => r.category !== 'NONE'),
    },
  };
}

function csv(header, rows) {
  const cell = (v) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NA') : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

function markdown(summary, timing, total, replicates, observed) {
  const get = (era, metric) => summary.find((s) => s.era === era && s.metric === metric);
  const pct = (s) => `${(100 * s.mean).toFixed(1)} [${(100 * s.ciLow).toFixed(1)}, ${(100 * s.ciHigh).toFixed(1)}]`;
  const num = (s, d) => `${s.mean.toFixed(d)} [${s.ciLow.toFixed(d)}, ${s.ciHigh.toFixed(d)}]`;
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const sep = (n) => `|${' --- |'.repeat(n)}`;
  const label = (e) => `${e.label} (\`${e.name}\`)`;
  const cpu = cpus();
  const lines = [];
  lines.push('# The eras: model outputs by period');
  lines.push('');
  lines.push('Made by `npm run eras` (`scripts/eras.mjs`): every era scenario (`scenarios/era-*.yaml`, docs/scenarios.md)');
  lines.push(`run over ${replicates} seeds for its length in ticks, with every model parameter at its default.`);
  lines.push('');
  lines.push(`- **Date:** ${new Date().toISOString().slice(0, 10)}. **Machine:** ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.versions.node}. **Time:** ${total.toFixed(1)} s in all.`);
  lines.push(`- **Seeds:** derived by the library (\`deriveSeed\`, through \`runEnsemble\`) from base seed \`"${BASE_SEED}"\`, the scenario id and the replicate 0–${replicates - 1}; every seed is in \`docs/eras-runs.csv\`, so any run can be replayed with \`runSimulation(loadScenario(id), { seed, ticks })\`.`);
  lines.push('- **Numbers:** the mean over the runs and, in brackets, its 95 % confidence interval (t-based, `summarizeSample`). Shares are each run\'s share of all actions taken by all states in all ticks, in per cent. Mean CON is the run\'s mean concentration over the great powers; alliances formed, aggression events and soft-balancing episodes begun are counts per run. The same numbers, unrounded, are in `docs/eras.csv` (one row per era and metric; R: `read.csv`, pandas: `read_csv`).');
  lines.push('');
  lines.push('**How to read this.** These are outputs of the model, not findings about history. An era that follows the data (its file\'s `history` section; docs/scenarios.md says which) takes capabilities, great-power status and trade from COW year by year, with the model\'s own effects as deviations from them; the others start from the COW data of their first year and change only through the documented events their files list. The model\'s coefficients are the same in every era, set by the theory (docs/model.md §5.4) and never fitted to any period. The eras differ in their states (chosen by one mechanical rule), tick counts, institutions and coded attributes, so a difference between two rows is a difference the model draws from those inputs. Many inputs are proxies or [D] defaults (trade shares, legitimacy, domestic support; no trade before 1870), in eras that do not follow the data capabilities do not grow and states that enter or leave mid-span are represented by stated conventions (docs/scenarios.md, "Era conventions"). Read a row as "what this model does with this period\'s starting conditions", and the confidence intervals as the spread over random seeds only — not as uncertainty about the past.');
  lines.push('');
  lines.push('## Action families (% of all actions)');
  lines.push('');
  lines.push(row(['Era', ...FAMILIES.map((f) => FAMILY_NAMES[f])]));
  lines.push(sep(1 + FAMILIES.length));
  for (const e of ERAS) lines.push(row([label(e), ...FAMILIES.map((f) => pct(get(e.name, `familyShare_${f}`)))]));
  lines.push('');
  lines.push('## Options (% of all actions)');
  lines.push('');
  lines.push(`Families: accommodate = NONE + BAND; hard = HI + HE; soft = SE + SS + SL; institutional = II + IE (docs/model.md §5.3).`);
  lines.push('');
  lines.push(row(['Era', ...OPTIONS.map((o) => `${o} (${OPTION_NAMES[o]})`)]));
  lines.push(sep(1 + OPTIONS.length));
  for (const e of ERAS) lines.push(row([label(e), ...OPTIONS.map((o) => pct(get(e.name, `actionShare_${o}`)))]));
  lines.push('');
  lines.push('## Concentration, alliances, aggression, soft balancing (per run)');
  lines.push('');
  lines.push(row(['Era', 'states', 'ticks', 'mean CON', 'alliances formed', 'aggression events', 'soft-balancing episodes begun']));
  lines.push(sep(7));
  for (const e of ERAS) {
    const t = timing.find((x) => x.era === e.name);
    lines.push(row([label(e), String(t.states), `${t.ticks} (${t.startYear}–${e.end})`, num(get(e.name, 'meanCon'), 3),
      num(get(e.name, 'alliancesFormed'), 2), num(get(e.name, 'aggressions'), 2), num(get(e.name, 'softEpisodesBegun'), 2)]));
  }
  lines.push('');
  lines.push('## The model beside the observed record');
  lines.push('');
  lines.push('Per era, for the era\'s own states over its span: what the bundled COW data record (the observed module, `counterpoise observed`; coding rules in docs/validation.md) and what the model does (the runs above). The two are not the same quantity, and the table says so rather than hiding it: an observed defence-pact join is a state entering a formal alliance that year (COW alliances v4.1, defence obligation), while the model\'s HE is a *choice* to seek an alliance, which forms only with a partner\'s consent — the model\'s formed alliances are counted separately, as new alliance memberships (two per pair formed). An observed build-up is a year in which the state\'s shares of world military spending and personnel grew by more than the stated threshold (NMC); the model\'s HI is a choice to arm. Great powers are those coded major at the era\'s start. The observed record ends in 2012 (the alliance data), so the last era is compared over 2010–2012 only. Simulated values: mean [95 % CI] over the seeds; observed values are counts from the data, with no sampling interval.');
  lines.push('');
  lines.push(row(['Era', 'state-years', 'pact joins / state-year (observed)', 'HE choices / state-year (model)', 'new alliance memberships / year (observed)', 'new alliance memberships / year (model)', 'build-ups / state-year (observed, all)', 'build-ups / state-year (observed, great powers)', 'HI choices / state-year (model)']));
  lines.push(sep(9));
  const obs = (e, m, d) => { const v = get(e.name, m)?.mean; return v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d); };
  for (const e of ERAS) {
    lines.push(row([label(e), obs(e, 'observed_stateYears', 0), obs(e, 'observed_HE_perStateYear', 3), num(get(e.name, 'simulated_HE_perStateYear'), 3),
      obs(e, 'observed_allianceMemberships_perYear', 2), num(get(e.name, 'simulated_allianceMemberships_perYear'), 2),
      obs(e, 'observed_HI_perStateYear', 3), obs(e, 'observed_HI_greatPowers_perStateYear', 3), num(get(e.name, 'simulated_HI_perStateYear'), 3)]));
  }
  lines.push('');
  lines.push('## Timing');
  lines.push('');
  lines.push(row(['Era', 'states', 'ticks', 'seeds', 'seconds']));
  lines.push(sep(5));
  for (const t of timing) lines.push(row([t.era, String(t.states), String(t.ticks), String(replicates), (t.ms / 1000).toFixed(2)]));
  lines.push('');
  return `${lines.join('\n')}\n`;
}

main();
