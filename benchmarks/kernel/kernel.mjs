// The limit: a deliberately minimal, hand-written kernel of one tick's decision arithmetic over
// Float64Arrays, with no engine around it — what the hardware can do for the same numbers.
//
// Per tick it computes exactly what the engine's perceive and decide phases compute (THEORY
// §5.2–5.4): the CINC shares and CON, Walt's threat matrix T_ij = ahat_ij·(w_P·P_ij + w_G·G_ij +
// w_O·O_ij) for every ordered pair, each state's main threat j* = argmax_j T_ij (ties: higher
// cinc_j, then a hash of the state's draw and j), the sixteen context variables toward j* (D, Dt,
// θ_ij, ν, ideo, λ, r, disp, A, ρ_I, ρ_E, CON, ally, G, new club), the option masks, the nine
// utilities V_a, the logit and an inverse-CDF draw. It does not apply effects: the world it reads
// stays as it was given (the engine's tick does all of that and more).
//
// Two variants, same arithmetic and same results:
//   dense  the straightforward way: the whole matrix T is stored, then scanned by rows (argmax)
//          and by columns (A, shared threat of institutions);
//   fused  the engine's own tricks: T is not stored, each row's argmax is taken while the row is
//          computed, an entry whose upper bound a·(w_P + w_G·G + O) is below the row's best so
//          far skips the division, and the few columns T_·j* are recomputed for the targets.
//
// Nothing here is shared with src/: the formulas are written out again, in the engine's order of
// operations, so the kernel reproduces the engine's tick-0 probabilities bit for bit (checked by
// benchmarks/kernel.mjs before timing).

const HE = 3;
const SE = 4;
const SS = 5;
const II = 7;
const OPTIONS = 9;

/** FNV-style mixing of two 32-bit integers (the engine's tie-break hash, mix32). */
function mix32(a, b) {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * @param {object} x  the world as typed arrays (see benchmarks/kernel.mjs: copied from a fresh
 *   engine world, canonical state order): n, mil, eco, pop, major, proximity, ahat, off, nuc,
 *   ideo, trade, ally, idHash, member (slots×n), strength, alive, slots, theta, nu, lambda, params.
 */
export function createKernel(x) {
  const n = x.n;
  const p = x.params;
  const Q = x.slots;
  const cinc = new Float64Array(n);
  const T = new Float64Array(n * n); // dense variant only
  const target = new Int32Array(n);
  const tMain = new Float64Array(n);
  const colT = new Float64Array(n); // fused variant: the current target's column
  const allySum = new Float64Array(n);
  const freeCount = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const shared = new Float64Array(Q * n);
  const instCinc = new Float64Array(Q);
  const allyCount = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) allyCount[i] += x.ally[i * n + k];
  // Member lists of the institutions (memberships do not change: the kernel applies no effects).
  const members = [];
  for (let q = 0; q < Q; q++) {
    const list = [];
    if (x.alive[q] === 1) for (let k = 0; k < n; k++) if (x.member[q * n + k] === 1) list.push(k);
    members.push(Int32Array.from(list));
  }
  const offOpen = new Float64Array(n);
  const offNuc = new Float64Array(n);
  const z = new Float64Array(16);
  const v = new Float64Array(OPTIONS);
  const prob = new Float64Array(n * OPTIONS);
  const mask = new Uint8Array(OPTIONS);
  const action = new Int8Array(n);
  const counts = new Float64Array(OPTIONS);
  let tickNo = 0;

  function shares() {
    let sm = 0;
    let se = 0;
    let sp = 0;
    for (let i = 0; i < n; i++) { sm += x.mil[i]; se += x.eco[i]; sp += x.pop[i]; }
    const im = sm > 0 ? 1 / (3 * sm) : 0;
    const ie = se > 0 ? 1 / (3 * se) : 0;
    const ip = sp > 0 ? 1 / (3 * sp) : 0;
    let total = 0;
    for (let i = 0; i < n; i++) { cinc[i] = x.mil[i] * im + x.eco[i] * ie + x.pop[i] * ip; total += cinc[i]; }
    return total;
  }

  /** Ray & Singer's CON over the great powers (≥ 2 of them), else over all states. */
  function concentration() {
    let majors = 0;
    for (let i = 0; i < n; i++) majors += x.major[i];
    const all = !(p.conOver === 'majors' && majors >= 2);
    let total = 0;
    let count = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!all && x.major[i] === 0) continue;
      total += cinc[i]; count++;
      if (cinc[i] < lo) lo = cinc[i];
      if (cinc[i] > hi) hi = cinc[i];
    }
    if (count === 0 || !(total > 0)) return 0;
    if (count === 1) return 1;
    if (lo === hi) return 0;
    const mean = 1 / count;
    let dev = 0;
    for (let i = 0; i < n; i++) {
      if (!all && x.major[i] === 0) continue;
      const d = cinc[i] / total - mean;
      dev += d * d;
    }
    return Math.sqrt(Math.min(1, Math.max(0, dev / (1 - 1 / count))));
  }

  function offence() {
    const oneMinusTheta = 1 - x.theta;
    const oneMinusThetaMad = 1 - (1 - (1 - x.theta) * (1 - p.thetaNuc * 1 * 1)); // 1 − θ_ij under MAD, as the engine rounds it
    for (let j = 0; j < n; j++) {
      offOpen[j] = p.wO * x.off[j] * oneMinusTheta;
      offNuc[j] = x.nuc[j] === 1 ? p.wO * x.off[j] * oneMinusThetaMad : offOpen[j];
    }
  }

  // The argmax rule, written out inline below: a new best when T is larger, or equal with a larger
  // cinc_j; on a full tie the smaller hash of (the state's tie draw, j's id hash).

  /** Dense: the whole matrix, then each row's argmax. */
  function denseThreat(draws, drawStride) {
    const { ahat, proximity, idHash } = x;
    const { wP, wG } = p;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      const o = x.nuc[i] === 1 ? offNuc : offOpen;
      for (let j = 0; j < n; j++) {
        const cj = cinc[j];
        const sum = ci + cj;
        const P = sum > 0 ? cj / sum : 0.5;
        T[row + j] = ahat[row + j] * (wP * P + wG * proximity[row + j] + o[j]);
      }
      T[row + i] = 0;
    }
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const u = Math.floor(draws[i * drawStride + 1] * 4294967296) >>> 0;
      let best = -1;
      let bestT = -Infinity;
      let bestC = -Infinity;
      let bestKey = -1;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const t = T[row + j];
        const cj = cinc[j];
        if (t > bestT || (t === bestT && cj > bestC)) { best = j; bestT = t; bestC = cj; bestKey = -1; } else if (t === bestT && cj === bestC) {
          if (bestKey < 0) bestKey = mix32(u, idHash[best]);
          const key = mix32(u, idHash[j]);
          if (key < bestKey) { best = j; bestKey = key; }
        }
      }
      target[i] = best;
      tMain[i] = bestT;
    }
  }

  /** Fused: each row's T computed and maximised in one pass, not stored; bound-skipped divisions. */
  function fusedThreat(draws, drawStride) {
    const { ahat, proximity, idHash } = x;
    const { wP, wG } = p;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const ci = cinc[i];
      const o = x.nuc[i] === 1 ? offNuc : offOpen;
      const u = Math.floor(draws[i * drawStride + 1] * 4294967296) >>> 0;
      let best = -1;
      let bestT = -Infinity;
      let bestC = -Infinity;
      let bestKey = -1;
      for (let j = 0; j < n; j++) {
        const a = ahat[row + j];
        if (a * (wP + wG * proximity[row + j] + o[j]) < bestT || j === i) continue;
        const cj = cinc[j];
        const sum = ci + cj;
        const P = sum > 0 ? cj / sum : 0.5;
        const t = a * (wP * P + wG * proximity[row + j] + o[j]);
        if (t > bestT || (t === bestT && cj > bestC)) { best = j; bestT = t; bestC = cj; bestKey = -1; } else if (t === bestT && cj === bestC) {
          if (bestKey < 0) bestKey = mix32(u, idHash[best]);
          const key = mix32(u, idHash[j]);
          if (key < bestKey) { best = j; bestKey = key; }
        }
      }
      target[i] = best;
      tMain[i] = bestT;
    }
  }

  /** Per target j (once a tick): Σ over k not allied with j of cinc_k·T_kj, their number, and shared_q(j). */
  function prepareTarget(j, dense) {
    if (stamp[j] === tickNo) return;
    stamp[j] = tickNo;
    const { ahat, proximity, ally } = x;
    if (dense) {
      for (let k = 0; k < n; k++) colT[k] = T[k * n + j];
    } else {
      const cj = cinc[j];
      for (let k = 0; k < n; k++) {
        const sum = cinc[k] + cj;
        const P = sum > 0 ? cj / sum : 0.5;
        colT[k] = ahat[k * n + j] * (p.wP * P + p.wG * proximity[j * n + k] + (x.nuc[k] === 1 ? offNuc[j] : offOpen[j]));
      }
      colT[j] = 0;
    }
    let sum = 0;
    let free = 0;
    for (let k = 0; k < n; k++) {
      if (k === j || ally[j * n + k] === 1) continue;
      free++;
      sum += cinc[k] * colT[k];
    }
    allySum[j] = sum;
    freeCount[j] = free;
    for (let q = 0; q < Q; q++) {
      if (x.alive[q] === 0 || x.member[q * n + j] === 1 || !(instCinc[q] > 0)) { shared[q * n + j] = 0; continue; }
      let num = 0;
      const list = members[q];
      for (let m = 0; m < list.length; m++) num += cinc[list[m]] * colT[list[m]];
      shared[q * n + j] = num / instCinc[q];
    }
  }

  /**
   * One tick. `draws` holds each state's uniforms (stride `drawStride`; [0] the choice, [1] the
   * tie-break), as the engine's StateStreams lays them out.
   */
  function tick(draws, drawStride, dense = true) {
    tickNo++;
    const totalCinc = shares();
    const con = concentration();
    offence();
    if (dense) denseThreat(draws, drawStride); else fusedThreat(draws, drawStride);
    for (let q = 0; q < Q; q++) {
      let sum = 0;
      const list = members[q];
      for (let m = 0; m < list.length; m++) sum += cinc[list[m]];
      instCinc[q] = sum;
    }
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const j = target[i];
      prepareTarget(j, dense);
      const ij = i * n + j;
      const t = tMain[i];
      const trade = x.trade[ij];
      // context (THEORY §5.2), in the engine's packed order
      z[0] = t;
      z[1] = Math.min(1, trade / x.eco[i] / p.wSat);
      z[2] = Math.min(1, trade / x.eco[j] / p.wSat);
      z[3] = 1 - (1 - x.theta) * (1 - p.thetaNuc * x.nuc[i] * x.nuc[j]);
      z[4] = x.nu;
      z[5] = x.ideo[j];
      z[6] = x.lambda;
      const r = cinc[i] / (cinc[i] + cinc[j]);
      z[7] = r;
      z[8] = Math.abs(2 * r - 1);
      const allied = x.ally[ij];
      const num = allySum[j] - (allied === 0 ? cinc[i] * t : 0);
      const den = totalCinc - cinc[i] - cinc[j];
      z[9] = den > 0 ? Math.min(1, Math.max(0, num / den)) : 0;
      let rhoI = 0;
      let incl = -1;
      let rhoE = 0;
      let excl = -1;
      for (let q = 0; q < Q; q++) {
        if (x.alive[q] === 0 || x.member[q * n + i] === 0) continue;
        const sq = x.strength[q];
        if (x.member[q * n + j] === 1) {
          if (incl < 0 || sq > rhoI) { rhoI = sq; incl = q; }
        } else {
          const score = sq * shared[q * n + j];
          if (excl < 0 || score > rhoE || (score === rhoE && sq > x.strength[excl])) { rhoE = score; excl = q; }
        }
      }
      z[10] = rhoI;
      z[11] = rhoE;
      z[12] = con;
      z[13] = allied;
      z[14] = x.proximity[ij];
      z[15] = excl < 0 ? 1 : 0;
      // masks (THEORY §5.3; a partner not allied with j nor already with i)
      for (let a = 0; a < OPTIONS; a++) mask[a] = 1;
      let free = freeCount[j] - (allied === 0 ? 1 : 0);
      if (free > 0 && allyCount[i] > 0 && free <= allyCount[i]) {
        for (let k = 0; k < n && free > 0; k++) if (k !== j && x.ally[i * n + k] === 1 && x.ally[j * n + k] === 0) free--;
      }
      if (free <= 0) { mask[HE] = 0; mask[SE] = 0; }
      if (!(trade > 0)) mask[SS] = 0;
      if (incl < 0) mask[II] = 0;
      // utilities (THEORY §5.4)
      const D = z[1];
      const Dt = z[2];
      const P3 = (z[3] + z[4] + (1 - z[5])) / 3;
      const lam = z[6];
      const disp = z[8];
      const A = z[9];
      const X = t > p.tStar ? (t - p.tStar) / (1 - p.tStar) : 0;
      const hardCommon = p.betaH - p.dH * D - p.pH * P3 - p.lH * lam - p.cDH * disp - p.eta * allied;
      const uHI = hardCommon + p.cR * r;
      const uHE = hardCommon + p.cA * A;
      const softCommon = p.betaS + p.pS * P3 + p.lS * lam + p.cD * disp;
      const uSE = softCommon + p.dS * D + p.cA2 * A;
      const uSS = softCommon + (p.dS - p.sigmaC) * D + p.sigmaE * Dt;
      const uSL = softCommon + p.dS * D + p.lL * lam;
      const instCommon = (p.dS + p.dI) * D + p.pS * P3 + p.lS * lam + p.cD * disp;
      const uII = p.betaI + instCommon + p.zeta * rhoI - p.epsC * con + p.cP * r;
      const uIE = p.betaE + instCommon + p.zeta * rhoE + p.epsC * con - p.cP * r;
      v[0] = 0;
      v[1] = -p.kappaBAND + t * p.b * (1 - r) * (1 - A) * z[14];
      v[2] = -p.kappaHI + t * uHI + p.xi * X;
      v[3] = -p.kappaHE + t * uHE + p.xi * X;
      v[4] = -p.kappaSE + t * uSE;
      v[5] = -p.kappaSS + t * uSS;
      v[6] = -p.kappaSL + t * uSL;
      v[7] = -p.kappaII + t * uII;
      v[8] = -p.kappaIE - p.kappaCreate * z[15] + t * uIE;
      // logit and inverse-CDF draw
      const ob = i * OPTIONS;
      let max = -Infinity;
      for (let a = 0; a < OPTIONS; a++) if (mask[a] !== 0 && v[a] > max) max = v[a];
      let total = 0;
      for (let a = 0; a < OPTIONS; a++) {
        const e = mask[a] !== 0 ? Math.exp((v[a] - max) / p.mu) : 0;
        prob[ob + a] = e;
        total += e;
      }
      for (let a = 0; a < OPTIONS; a++) prob[ob + a] /= total;
      const u = draws[i * drawStride];
      let last = 0;
      for (let a = 0; a < OPTIONS; a++) if (prob[ob + a] > 0) last = a;
      let a = 0;
      let acc = prob[ob];
      while (a < last && !(u < acc)) { a++; acc += prob[ob + a]; }
      if (!(prob[ob + a] > 0)) a = last;
      action[i] = a;
      counts[a]++;
    }
    return counts;
  }

  return { tick, target, tMain, prob, action, n };
}
