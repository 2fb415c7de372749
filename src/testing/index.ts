/**
 * counterpoise/testing — the theory of THEORY.md §6 as executable properties: fast-check
 * arbitraries over the admissible parameter set and a runner that checks a user's parameters,
 * policy or threat model against the suite. Requires fast-check (a peer dependency).
 * @packageDocumentation
 */
export {};
