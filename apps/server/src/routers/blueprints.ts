import { z } from 'zod';
import { BlueprintInput, Target } from '../schemas';
import { compileBlueprint, validateBlueprint } from '../services/blueprints';
import { procedure, router } from '../trpc';

/**
 * Validation and compilation on the server, with the same model and compiler as the browser.
 * Queries (answers depend on the input only); clients send them as POST (methodOverride) because a
 * blueprint does not fit in a URL.
 */
export function blueprintsRouter() {
  return router({
    validate: procedure.input(BlueprintInput).query(({ input }) => validateBlueprint(input)),
    compile: procedure
      .input(z.object({ blueprint: BlueprintInput, targets: z.array(Target).min(1).max(3).default(['compose', 'swarm', 'kubernetes']) }))
      .query(({ input }) => compileBlueprint(input.blueprint, input.targets)),
  });
}
