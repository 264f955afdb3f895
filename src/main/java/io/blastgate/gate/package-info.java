/**
 * The gate (docs/policy.md): the containment ladder ({@link io.blastgate.gate.Actions}, from
 * {@code policy/actions.yaml}), the policy as data ({@link io.blastgate.gate.Policy}, read and checked
 * by {@link io.blastgate.gate.PolicyReader} against {@code policy/policy.schema.json}), and the decision
 * itself, {@link io.blastgate.gate.Gate#decide}: a pure function of the action, the target, the
 * detection's confidence, the blast radius, the policy, the facts' age and the clock. {@link
 * io.blastgate.gate.GateService} gathers those inputs from the graph. Executors carry a decided action
 * out in the system that holds the identity (docs/executors.md): {@link
 * io.blastgate.gate.WebhookExecutor} as a signed webhook, {@link io.blastgate.gate.KeycloakExecutor} in
 * Keycloak, both over the JDK's HTTP client and Jackson.
 */
package io.blastgate.gate;
