import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic';
import type { Blueprint } from '../schema/blueprint';
import { checkContainers } from './containers';
import { type Check, createCtx } from './context';
import { checkCycles } from './cycles';
import { checkDangerous } from './dangerous';
import { checkDuplicateEntries } from './duplicates';
import { checkEmpty } from './empty';
import { checkReservedLabels } from './labels';
import { checkLinks } from './links';
import { checkMounts } from './mounts';
import { checkCompiledNames, checkNames } from './names';
import { checkNetworks } from './networks';
import { checkParameters } from './parameters';
import { checkPods } from './pods';
import { checkPorts } from './ports';
import { checkResources } from './resources';
import { checkScaling } from './scaling';
import { checkUnused } from './unused';

/** Every semantic check, one concern each (DESIGN §3). Order does not matter: the result is sorted. */
const CHECKS: readonly Check[] = [
  checkEmpty,
  checkNames,
  checkCompiledNames,
  checkPods,
  checkContainers,
  checkLinks,
  checkCycles,
  checkPorts,
  checkMounts,
  checkNetworks,
  checkResources,
  checkScaling,
  checkDuplicateEntries,
  checkParameters,
  checkDangerous,
  checkReservedLabels,
  checkUnused,
];

/**
 * Semantic validation of a blueprint that passed the schema (or was built by the canvas):
 * everything the schema cannot see. Never throws; returns diagnostics in a stable order.
 */
export function validate(bp: Blueprint): Diagnostic[] {
  return run(bp, CHECKS);
}

/**
 * The checks of references and start order only: links (dangling, to itself, "healthy" without a
 * healthcheck), cycles, the volumes, configs, secrets and networks named, and every container's
 * image. Each diagnostic equals validate()'s, in the same order (the checks are independent);
 * the Compose importer reads only these, and the other checks would walk the whole blueprint again.
 */
export function validateReferences(bp: Blueprint): Diagnostic[] {
  return run(bp, REFERENCE_CHECKS);
}

const REFERENCE_CHECKS: readonly Check[] = [checkContainers, checkLinks, checkCycles, checkMounts, checkNetworks];

function run(bp: Blueprint, checks: readonly Check[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = createCtx(bp, out);
  for (const check of checks) check(ctx);
  return sortDiagnostics(out);
}
