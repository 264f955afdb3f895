package io.blastgate.http;

import io.blastgate.entities.EntityService;
import io.blastgate.error.BlastgateException.UnknownEntity;
import io.blastgate.model.Label;
import io.blastgate.wire.EntityJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code GET /api/v1/entities}: with {@code id}, the entity with its owners and neighbours (404 when
 * no entity has the id); with {@code q}, one page of search hits (an empty page when nothing matches).
 * Exactly one of the two.
 */
final class EntitiesRoute implements Handler {
  static final int DEFAULT_LIMIT = 50;
  /** Enough for any name or id a person types; it also bounds the size of the Lucene query. */
  static final int MAX_QUERY_LENGTH = 256;

  private final EntityService entities;

  EntitiesRoute(EntityService entities) {
    this.entities = entities;
  }

  @Override
  public void handle(Context ctx) {
    Optional<String> id = Params.optional(ctx, "id");
    Optional<String> q = Params.optional(ctx, "q");
    if (id.isPresent() == q.isPresent()) {
      throw ProblemException.badRequest("give exactly one of the query parameters 'id' and 'q'");
    }
    if (id.isPresent()) {
      lookup(ctx, id.get());
    } else {
      search(ctx, q.get());
    }
  }

  private void lookup(Context ctx, String id) {
    var detail =
        entities
            .lookup(id)
            .orElseThrow(() -> new UnknownEntity(id));
    ctx.json(EntityJson.Detail.of(detail));
  }

  private void search(Context ctx, String q) {
    if (q.length() > MAX_QUERY_LENGTH) {
      throw ProblemException.badRequest(
          "query parameter 'q' must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    Optional<Label> label =
        Params.optional(ctx, "label")
            .map(
                name ->
                    Label.fromCypherName(name)
                        .orElseThrow(
                            () ->
                                ProblemException.badRequest(
                                    "query parameter 'label' must be one of "
                                        + String.join(", ", Arrays.stream(Label.values()).map(Label::cypherName).toList())
                                        + "; got " + Params.quote(name))));
    int limit = Params.intInRange(ctx, "limit", DEFAULT_LIMIT, 1, EntityService.MAX_LIMIT);
    int offset = Params.intInRange(ctx, "offset", 0, 0, Integer.MAX_VALUE - EntityService.MAX_LIMIT);
    ctx.json(EntityJson.Page.of(entities.search(q, label, limit, offset)));
  }
}
