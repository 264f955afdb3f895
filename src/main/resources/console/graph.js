// The blast radius as Cytoscape elements, from the API's answer only. Loaded before console.js.
//
// Edges: when an impacted workload carries `via` (the chain of steps from the target), its path is
// drawn step by step. Otherwise the answer says which workloads are direct (hops 0: an edge from the
// target) and, for the others, the console asks for the workload's neighbours and links it to the
// impacted workload one hop nearer that it DEPENDS_ON (the rule that gave it its hops). A workload whose
// parent cannot be found is linked to the target by a dashed "hops n" edge, never left floating.
// Every edge points the way the impact spreads (from the target outwards), whatever the direction of
// the relationship it stands for.
"use strict";

window.BlastRadiusGraph = (function () {
  const CRITICALITY_COLOURS = {
    critical: "#c0392b", high: "#e67e22", medium: "#f1c40f", low: "#27ae60", unknown: "#95a5a6",
  };

  function hasVia(workload) {
    return Array.isArray(workload.via) && workload.via.length > 0;
  }

  /** The nodes: target, dependent identities, impacted workloads, via steps, shared credentials. */
  function nodes(answer) {
    const byId = new Map();
    const add = (id, data) => {
      if (!byId.has(id)) byId.set(id, { data: Object.assign({ id: id }, data) });
      return byId.get(id);
    };
    const target = answer.target;
    add(target.id, { name: target.name || target.id, label: target.label, kind: target.kind, role: "target" });
    for (const d of answer.dependent_identities || []) {
      add(d.id, { name: d.name || d.id, label: "Identity", kind: d.kind, role: "identity", depth: d.depth });
    }
    for (const w of answer.impacted || []) {
      for (const step of hasVia(w) ? w.via : []) {
        add(step.id, { name: step.name || step.id, label: step.label, role: "step" });
      }
    }
    for (const w of answer.impacted || []) {
      const node = add(w.id, {});
      Object.assign(node.data, {
        name: w.name || w.id, label: "Workload", kind: w.kind, hops: w.hops,
        criticality: w.criticality || "unknown", environment: w.environment,
        unowned: w.unowned, owners: w.owners || [], teams: w.teams || [],
        role: w.id === target.id ? "target" : "workload",
      });
    }
    for (const s of answer.shared_secrets || []) {
      if (!s.shared) continue;
      const node = add(s.credential.id, {
        name: s.credential.name || s.credential.id, label: "Credential", kind: s.credential.kind, role: "credential",
      });
      node.data.shared = true;
      node.data.consumerCount = s.consumer_count;
    }
    return byId;
  }

  function edge(source, target, label, inferred) {
    return { data: { id: source + "\u2192" + target, source: source, target: target, label: label || "" },
             classes: inferred ? "inferred" : "" };
  }

  /**
   * The edges. `dependsOn` maps a workload id to the ids it DEPENDS_ON (from the entity endpoint), for
   * the workloads without `via` that are more than 0 hops away.
   */
  function edges(answer, dependsOn) {
    const target = answer.target.id;
    const hopsOf = new Map((answer.impacted || []).map((w) => [w.id, w.hops]));
    const out = new Map();
    const put = (e) => { if (e.data.source !== e.data.target && !out.has(e.data.id)) out.set(e.data.id, e); };
    for (const d of answer.dependent_identities || []) {
      put(edge(target, d.id, "CAN_ASSUME"));
    }
    for (const w of answer.impacted || []) {
      if (hasVia(w)) {
        let previous = target;
        for (const step of w.via) {
          put(edge(previous, step.id, step.relationship));
          previous = step.id;
        }
        put(edge(previous, w.id, ""));
      } else if (w.hops === 0) {
        put(edge(target, w.id, answer.target.label === "Credential" ? "USES" : ""));
      } else {
        const parents = (dependsOn.get(w.id) || []).filter((p) => hopsOf.get(p) === w.hops - 1);
        if (parents.length === 0) put(edge(target, w.id, "hops " + w.hops, true));
        for (const p of parents) put(edge(p, w.id, "DEPENDS_ON"));
      }
    }
    for (const s of answer.shared_secrets || []) {
      if (!s.shared || s.credential.id === target) continue;
      for (const c of s.consumers || []) if (hopsOf.has(c)) put(edge(s.credential.id, c, "USES"));
    }
    return Array.from(out.values());
  }

  /** The workloads whose parents the console must look up: no via, more than 0 hops away. */
  function needsNeighbours(answer) {
    return (answer.impacted || []).filter((w) => !hasVia(w) && w.hops > 0).map((w) => w.id);
  }

  const STYLE = [
    { selector: "node", style: {
      "label": "data(name)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 3,
      "text-wrap": "wrap", "text-max-width": 80,
      "width": 22, "height": 22, "background-color": "#95a5a6", "border-width": 0, "color": "#1d2330" } },
    { selector: "node[criticality]", style: { "background-color": (n) => CRITICALITY_COLOURS[n.data("criticality")] || "#95a5a6" } },
    { selector: "node[role = 'target']", style: { "background-color": "#1d2330", "shape": "diamond", "width": 34, "height": 34, "font-weight": "bold" } },
    { selector: "node[role = 'identity'], node[role = 'step'], node[role = 'credential']", style: { "shape": "round-rectangle", "background-color": "#5d6d7e" } },
    { selector: "node[?unowned]", style: { "border-width": 3, "border-style": "dashed", "border-color": "#1d2330" } },
    { selector: "node[?shared]", style: { "border-width": 4, "border-color": "#8e44ad", "border-style": "solid" } },
    { selector: "node:selected", style: { "overlay-opacity": 0.2, "overlay-color": "#2c4d8a" } },
    { selector: "edge", style: {
      "width": 1.5, "line-color": "#aab2bd", "target-arrow-color": "#aab2bd", "target-arrow-shape": "triangle",
      "curve-style": "bezier", "arrow-scale": 0.8 } },
    { selector: "edge.inferred", style: { "line-style": "dashed", "label": "data(label)", "font-size": 7 } },
    { selector: "edge.path", style: { "line-color": "#2c4d8a", "target-arrow-color": "#2c4d8a", "width": 3 } },
  ];

  /** Draws into the container and returns the Cytoscape instance. */
  function draw(container, answer, dependsOn) {
    const elements = Array.from(nodes(answer).values()).concat(edges(answer, dependsOn));
    return window.cytoscape({
      container: container,
      elements: elements,
      style: STYLE,
      layout: { name: "breadthfirst", directed: false, roots: [answer.target.id], spacingFactor: 1.1, padding: 20 },
      wheelSensitivity: 0.3,
    });
  }

  /** The path from the target to a node: the answer's via when it has one, else the drawn edges. */
  function pathTo(cy, answer, nodeId) {
    const w = (answer.impacted || []).find((x) => x.id === nodeId);
    if (w && hasVia(w)) {
      const steps = w.via.map((s) => ({ id: s.id, name: s.name || s.id, relationship: s.relationship }));
      if (steps[steps.length - 1].id !== w.id) steps.push({ id: w.id, name: w.name || w.id, relationship: "" });
      // A via begins at the target itself (its first step has no relationship).
      if (steps[0].id !== answer.target.id) steps.unshift({ id: answer.target.id, name: answer.target.name || answer.target.id });
      return { steps: steps, edges: cy.collection() };
    }
    const found = cy.elements().aStar({ root: cy.getElementById(answer.target.id), goal: cy.getElementById(nodeId), directed: false });
    if (!found.found) return { steps: [], edges: cy.collection() };
    const steps = found.path.nodes().map((n) => ({ id: n.id(), name: n.data("name") }));
    return { steps: steps, edges: found.path.edges() };
  }

  return { nodes: nodes, edges: edges, needsNeighbours: needsNeighbours, draw: draw, pathTo: pathTo };
})();
