package io.blastgate.entities;

import io.blastgate.graph.CypherQuery;

/** The Cypher files of the entity feature, under {@code cypher/queries/entities/}. */
enum EntityQuery implements CypherQuery {
  FIND_ENTITY("entities/find-entity.cypher"),
  FIND_OWNERS("entities/find-owners.cypher"),
  FIND_NEIGHBOURS("entities/find-neighbours.cypher"),
  SEARCH_ENTITIES("entities/search-entities.cypher");

  private final String file;

  EntityQuery(String file) {
    this.file = file;
  }

  @Override
  public String file() {
    return file;
  }
}
