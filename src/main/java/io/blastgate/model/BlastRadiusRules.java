package io.blastgate.model;

/**
 * The two rules of the blast radius ({@code graph-model/README.md}) that both of its engines apply,
 * named once: the plugin uses these constants, and the Cypher files of {@code
 * cypher/queries/blastradius/} spell the same words; a test holds both to {@code
 * graph-model/model.yaml}.
 *
 * <ul>
 *   <li>A workload whose {@code status} is {@link #DECOMMISSIONED} is never impacted, nor traversed.
 *   <li>An owner's teams: an owner of kind {@link #TEAM} is its own team; one of kind {@link
 *       #PERSON} has the owners of kind team that it is {@link #MEMBERSHIP} of; any other, none.
 * </ul>
 */
public final class BlastRadiusRules {
  /** The Workload {@code status} of a workload that is neither impacted nor traversed. */
  public static final String DECOMMISSIONED = "decommissioned";

  /** The Owner {@code kind} of a team: its teams are itself. */
  public static final String TEAM = "team";

  /** The Owner {@code kind} of a person: its teams are those it is a member of. */
  public static final String PERSON = "person";

  /** The relationship from a person to each of its teams. */
  public static final RelType MEMBERSHIP = RelType.MEMBER_OF;

  private BlastRadiusRules() {}

  /** Whether a workload of this {@code status} (null when it has none) can be impacted. */
  public static boolean canBeImpacted(Object status) {
    return !DECOMMISSIONED.equals(status);
  }
}
