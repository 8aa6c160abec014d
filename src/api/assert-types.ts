// Compile-time only: the public types (src/api/types.ts) must stay what the engine produces. When a
// schema changes, this file stops compiling until types.ts (and the README's result section) follow.
import type { AuditResult as EngineResult } from '../engine/result.js';
import type { Finding as EngineFinding, JourneyModel, Touchpoint as EngineTouchpoint } from '../model/schema.js';
import type { AuditResult, Finding, Inventory, Touchpoint } from './types.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

export type Checks = [
  Holds<Same<Finding, EngineFinding>>,
  Holds<Same<Touchpoint, EngineTouchpoint>>,
  Holds<Same<AuditResult, EngineResult>>,
  // Problem reasons are typed loosely in public (a union of a dozen codes): the engine's must fit them.
  Holds<JourneyModel extends Inventory ? true : false>,
];
