package io.blastgate.http;

import io.blastgate.blastradius.BlastRadiusService;
import io.blastgate.model.HopBound;
import io.blastgate.wire.BlastRadiusJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /api/v1/blast-radius?target=ID[&max_hops=N]}: what would break if the target were
 * contained (graph-model/README.md). 404 for an id nothing has, 400 for an owner (owners are not contained). A graph
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
            HopBound.DIRECT,
            Integer.MAX_VALUE);
    ctx.json(BlastRadiusJson.of(blastRadius.compute(target, maxHops)));
  }
}
