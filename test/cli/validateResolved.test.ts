import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli, tempDir } from './cliHarness.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

interface Provenance { kind: string; state?: string; year?: number; file?: string; pairs?: { between: string[]; value: string; allianceIds: number[] }[] }
interface Resolved { file: string; provenance: Provenance[]; scenario: { meta: { id: string }; dyads: { between: string[]; alliance: boolean }[]; states: { id: string; capabilities: { mil: number } }[] } }

describe('counterpoise validate --resolved', () => {
  it('prints the resolved scenario as YAML with what each data reference became: the COW alliances behind each allied pair', () => {
    const r = cli(['validate', 'brics-plus', '--resolved']);
    expect(r.code).toBe(0);
    const doc = parseYaml(r.stdout) as Resolved;
    expect(doc.file).toBe('brics-plus');
    expect(doc.scenario.meta.id).toBe('brics-plus');
    const alliances = doc.provenance.find((p) => p.kind === 'alliances');
    expect(alliances).toMatchObject({ year: 2009, file: expect.stringMatching(/alliance/i) });
    // NATO is COW alliance 227 (the scenario's header cites it): the pairs it makes allies name it.
    const nato = (alliances?.pairs ?? []).filter((p) => p.allianceIds.includes(227));
    expect(nato.length).toBeGreaterThan(0);
    for (const p of nato) {
      expect(p.value).toBe('alliance');
      // Every pair named in the provenance is an allied dyad of the resolved scenario.
      expect(doc.scenario.dyads.some((d) => d.alliance && d.between.includes(p.between[0]) && d.between.includes(p.between[1]))).toBe(true);
    }
    // Which NMC file and year gave each state's capabilities, and the values it got.
    const caps = doc.provenance.filter((p) => p.kind === 'capabilities');
    expect(caps.length).toBe(doc.scenario.states.length);
    const chn = caps.find((p) => p.state === 'CHN') as Provenance & { values: { mil: number } };
    expect(chn).toMatchObject({ year: 2009, file: expect.stringMatching(/NMC/i) });
    expect(chn.values.mil).toBe(doc.scenario.states.find((s) => s.id === 'CHN')?.capabilities.mil);
    expect(doc.provenance.some((p) => p.kind === 'trade')).toBe(true);
    expect(doc.provenance.some((p) => p.kind === 'major')).toBe(true);
  });

  it('--format json and --json print the same document as JSON', () => {
    const a = cli(['validate', 'brics-plus', '--resolved', '--format', 'json']);
    const b = cli(['validate', 'brics-plus', '--resolved', '--json']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const doc = JSON.parse(a.stdout) as Resolved;
    expect(doc).toEqual(parseYaml(cli(['validate', 'brics-plus', '--resolved']).stdout));
  });

  it('IGO members drawn from the data are listed with the IGO, year and members', () => {
    const r = cli(['validate', 'americas-1904-1936', '--resolved', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { provenance: { kind: string; ioname?: string; members?: string[]; year?: number }[] };
    const oas = doc.provenance.find((p) => p.kind === 'igo-members' && p.ioname === 'OAS');
    expect(oas).toMatchObject({ year: 1904 });
    expect(oas?.members).toContain('USA');
    expect(oas?.members).not.toContain('PAN');
  });

  it('--format with a bad value, or without --resolved, is a usage error (exit 2)', () => {
    expect(cli(['validate', 'brics-plus', '--resolved', '--format', 'xml']).code).toBe(2);
    expect(cli(['validate', 'brics-plus', '--format', 'json']).code).toBe(2);
  });
});
