package io.blastgate.http;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.blastradius.NotATargetException;
import io.blastgate.blastradius.UnknownTargetException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /api/v1/blast-radius?target=ID[&max_hops=N]}: what would break if the target were
 * contained (model.md). 404 for an id nothing has, 400 for an owner (owners are not contained). A graph
 * that cannot answer in full is a 503, never a smaller answer.
 */
final class BlastRadiusRoute implements Handler {
  private final BlastRadiusService blastRadius;

  BlastRadiusRoute(BlastRadiusService blastRadius) {
    this.blastRadius = blastRadius;
  }

  @Override
  public void handle(Context ctx) {
    String target = Params.required(ctx, "target");
    int maxHops =
        Params.intInRange(
            ctx,
            "max_hops",
            blastRadius.defaultMaxHops(),
            BlastRadiusService.MIN_MAX_HOPS,
            Integer.MAX_VALUE);
    try {
      ctx.json(BlastRadiusJson.of(blastRadius.compute(target, maxHops)));
    } catch (UnknownTargetException e) {
      throw ProblemException.notFound(e.getMessage());
    } catch (NotATargetException e) {
      throw ProblemException.badRequest(e.getMessage());
    }
  }
}
