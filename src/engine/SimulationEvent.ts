/**
 * Something that happened in a tick, for the events table (alliances, institutions, aggression,
 * soft-balancing episodes). States and institutions are named by id.
 */
export type SimulationEvent =
  | { tick: number; type: 'alliance-formed'; actor: string; partner: string; target: string }
  // A formed alliance lapsed: the threat from `target` that made it had faded for allianceLapseYears (N29).
  | { tick: number; type: 'alliance-lapsed'; actor: string; partner: string; target: string }
  | { tick: number; type: 'club-founded'; institution: string; target: string; members: string[] }
  | { tick: number; type: 'institution-dissolved'; institution: string }
  | { tick: number; type: 'aggression'; actor: string; target: string; majorWar: boolean }
  | { tick: number; type: 'episode-start'; actor: string; target: string }
  | { tick: number; type: 'episode-end'; actor: string; target: string }
  // A scenario event fired (its changes follow as their own events where they have one).
  | { tick: number; type: 'scenario-event'; label: string }
  // Changes made between ticks (scenario events or Simulation.apply); `tick` is the tick they precede.
  | { tick: number; type: 'institution-joined'; institution: string; state: string }
  | { tick: number; type: 'institution-left'; institution: string; state: string }
  // An institution decided on a candidate (model §5.12): admitted or not, with the vote.
  | { tick: number; type: 'accession'; institution: string; state: string; admitted: boolean; votes: string }
  // A state applied to an institution by its own choice (model §5.12, note N59): its II or IE act
  // against `target` found no suitable institution it belongs to; it is now a candidate.
  | { tick: number; type: 'application'; institution: string; state: string; target: string; act: 'II' | 'IE' }
  // A chosen candidacy lapsed unadmitted after applicationLapseYears (N59); the state holds no status.
  | { tick: number; type: 'application-lapsed'; institution: string; state: string }
  // A state's status short of membership changed (model §5.11): candidate, observer, associate, or none.
  | { tick: number; type: 'institution-status'; institution: string; state: string; status: string }
  | { tick: number; type: 'institution-founded'; institution: string; members: string[] }
  | { tick: number; type: 'alliance-begun'; between: [string, string] }
  // Ended by a change, or at its data end date (an input alliance, N29).
  | { tick: number; type: 'alliance-ended'; between: [string, string] }
  // A state entered or left the state system on its date (model note N43), before tick `tick`;
  // `into`: the state of the scenario that absorbed it, when its spell declares one (N46).
  | { tick: number; type: 'state-entered'; state: string }
  | { tick: number; type: 'state-left'; state: string; into?: string };
