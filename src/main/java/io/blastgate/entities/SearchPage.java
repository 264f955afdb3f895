package io.blastgate.entities;

import io.blastgate.model.EntityRef;
import java.util.List;
import java.util.OptionalInt;

/** One page of search hits; {@code nextOffset} is empty on the last page. */
public record SearchPage(List<EntityRef> items, int limit, int offset, OptionalInt nextOffset) {
  public SearchPage {
    items = List.copyOf(items);
    if (limit < 1 || offset < 0 || items.size() > limit) {
      throw new IllegalArgumentException("bad page: limit " + limit + ", offset " + offset);
    }
    if (nextOffset.isPresent() && nextOffset.getAsInt() != offset + limit) {
      throw new IllegalArgumentException("the next page starts at offset + limit");
    }
  }
}
