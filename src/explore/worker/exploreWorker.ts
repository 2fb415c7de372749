/**
 * The explorer's Web Worker (bundled for the browser as dist/explore/worker.js and started by the
 * page from an inline Blob): runs an {@link ExploreSession} on counterpoise's core and answers the
 * page's messages. mathjs and scenario validation are chunks whose text the page sends first and
 * the worker runs only when needed (docs/explore.md "Size and speed"). While playing, it runs as
 * many ticks as the chosen speed allows and posts one frame per batch.
 */
import type { ExploreReply, ExploreRequest } from '../ExploreMessages.js';
import { exploreChunks, type ExploreChunks } from './ExploreChunks.js';
import type { ExploreLibraries } from './ExploreLibraries.js';
import { ExploreSession } from './ExploreSession.js';

/** The parts of a worker's global scope used here (the project's TypeScript has no DOM types). */
interface WorkerScope {
  onmessage: ((event: { data: ExploreRequest }) => void) | null;
  postMessage(message: ExploreReply): void;
}

const scope = globalThis as unknown as WorkerScope;
/** The chunks' source texts, sent by the page first ('chunks'); run only when needed. */
let chunkSources: Partial<Record<keyof ExploreChunks, string>> = {};

/**
 * Runs a chunk of the explorer on first use (synchronously) and returns its library. A chunk is
 * run from its text, not loaded from a URL: from a file:// page, a worker may not import a Blob
 * URL (its origin is opaque), and the page must make no request anyway.
 */
function chunk<K extends keyof ExploreChunks>(name: K): NonNullable<ExploreChunks[K]> {
  const loaded = exploreChunks()[name];
  if (loaded !== undefined) return loaded as NonNullable<ExploreChunks[K]>;
  const source = chunkSources[name];
  if (source === undefined) throw new Error(`the explorer's ${name} chunk is not in this page`);
  // The chunk is an IIFE bundle that puts its library on the global scope (ExploreChunks).
  new Function(source)();
  const library = exploreChunks()[name];
  if (library === undefined) throw new Error(`the explorer's ${name} chunk did not load`);
  return library as NonNullable<ExploreChunks[K]>;
}

/** mathjs and scenario validation, each loaded only when needed (the scenario chunk takes mathjs from the math chunk). */
const libraries: ExploreLibraries = {
  math: () => chunk('math'),
  scenarioFiles: () => { chunk('math'); return chunk('scenario'); },
};
const session = new ExploreSession(libraries);
let playing = false;
let ticksPerSecond = 10;
let timer: ReturnType<typeof setTimeout> | null = null;
let last = 0;
let owed = 0;

function stop(): void {
  playing = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** One beat of play: the ticks the speed owes since the last beat (at most 200 per beat), then a frame. */
function beat(): void {
  if (!playing) return;
  const now = Date.now();
  owed = Math.min(owed + ((now - last) / 1000) * ticksPerSecond, 200);
  last = now;
  const ticks = Math.floor(owed);
  if (ticks > 0) {
    owed -= ticks;
    scope.postMessage({ type: 'frame', frame: session.step(ticks), playing: true });
  }
  timer = setTimeout(beat, Math.max(4, Math.min(33, 1000 / ticksPerSecond)));
}

function handle(request: ExploreRequest): void {
  switch (request.type) {
    case 'chunks': chunkSources = request.sources; return;
    case 'load': stop(); scope.postMessage(session.load(request.scenario, request.seed)); return;
    case 'load-file': stop(); scope.postMessage(session.loadFile(request.name, request.text, request.seed, request.tables)); return;
    case 'reset': stop(); scope.postMessage({ type: 'frame', frame: session.reset(request.seed), playing: false }); return;
    case 'step': stop(); scope.postMessage({ type: 'frame', frame: session.step(request.ticks), playing: false }); return;
    case 'play':
      ticksPerSecond = Math.max(0.5, request.ticksPerSecond);
      if (!playing) {
        playing = true;
        last = Date.now();
        owed = 1;
        beat();
      }
      return;
    case 'pause': stop(); scope.postMessage({ type: 'frame', frame: session.step(0), playing: false }); return;
    case 'set': scope.postMessage(session.set(request.setting, request.value)); return;
    case 'explain': scope.postMessage(session.explain(request.state, request.tick)); return;
    case 'export-csv': scope.postMessage(session.ticksCsv()); return;
    case 'ensemble': stop(); scope.postMessage(session.ensemble(request.seed, request.seeds, request.ticks)); return;
  }
}

scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (error) {
    stop();
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
