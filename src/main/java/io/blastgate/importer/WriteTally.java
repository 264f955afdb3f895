package io.blastgate.importer;

/** What some batches wrote and removed: relationships written, nodes and relationships deleted. */
record WriteTally(long entities, long relationships, long removedNodes, long removedRelationships) {
  static final WriteTally NONE = new WriteTally(0, 0, 0, 0);

  WriteTally plus(WriteTally other) {
    return new WriteTally(entities + other.entities, relationships + other.relationships,
        removedNodes + other.removedNodes, removedRelationships + other.removedRelationships);
  }

  boolean removedAnything() {
    return removedNodes > 0 || removedRelationships > 0;
  }
}
