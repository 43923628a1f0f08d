// What the canvas marks on top of a flow: the path an instance took, the engine's errors, and what a
// comparison of two versions found. Marks are looks, not edits: they never enter the undo history.
import { highlightColors, markColors, heatColors, tooltipText, edgeKey } from './shapes.js';

// Options passed with every look change; the editor's history skips changes that carry it.
export const LOOK = { ignoreHistory: true };

function setNodeLook(node, stroke, strokeWidth, notes, dash) {
  const { label, type } = node.getData() ?? {};
  node.attr({
    body: { stroke, strokeWidth, strokeDasharray: dash ?? null },
    tooltip: { text: tooltipText(label ?? node.id, type ?? '', node.id, notes) },
  }, LOOK);
}

function setEdgeLook(edge, stroke, strokeWidth, dash) {
  edge.attr({ line: { stroke, strokeWidth, strokeDasharray: dash ?? null } }, LOOK);
}

/**
 * The path an instance took: visited activities and taken connections stand out, the rest fades;
 * activities it waits on and a faulted one get their own colour. Connections are named by their shared key.
 */
export function highlightPath(graph, { visited, taken, waiting, faulted }) {
  const on = new Set(visited ?? []);
  const waits = new Set(waiting ?? []);
  const fault = new Set(faulted ?? []);
  const edges = new Set(taken ?? []);
  graph.batchUpdate(() => {
    for (const node of graph.getNodes()) {
      const color = fault.has(node.id) ? highlightColors.faulted : waits.has(node.id) ? highlightColors.waiting
        : on.has(node.id) ? highlightColors.node : highlightColors.dimmed;
      setNodeLook(node, color, color === highlightColors.dimmed ? 1.5 : 3);
      node.setData({ highlighted: on.has(node.id) || waits.has(node.id) || fault.has(node.id) }, LOOK);
    }
    for (const edge of graph.getEdges()) {
      const taken = edges.has(edgeKey(edge)) || edges.has(edge.id);
      setEdgeLook(edge, taken ? highlightColors.edge : highlightColors.dimmed, taken ? 2.5 : 1.5);
    }
  });
  for (const node of graph.getNodes()) {
    const classes = graph.findViewByCell(node.id)?.container.classList;
    classes?.toggle('pe-highlighted', on.has(node.id));
    classes?.toggle('pe-waiting', waits.has(node.id));
    classes?.toggle('pe-faulted', fault.has(node.id));
  }
}

/**
 * The engine's errors on the canvas: { activities: { id: [message] }, connections: { key: [message] } }.
 * Every node and edge is reset first, so a fixed error disappears with the next call.
 */
export function showProblems(graph, problems) {
  const activities = problems?.activities ?? {};
  const connections = problems?.connections ?? {};
  graph.batchUpdate(() => {
    for (const node of graph.getNodes()) {
      const notes = activities[node.id];
      setNodeLook(node, notes ? markColors.problem : markColors.normal, notes ? 2.5 : 1.5, notes?.map((m) => `⚠ ${m}`));
    }
    for (const edge of graph.getEdges()) {
      const notes = connections[edgeKey(edge)];
      setEdgeLook(edge, notes ? markColors.problem : markColors.normal, notes ? 2.5 : 1.5, notes ? '6 3' : null);
    }
  });
  for (const node of graph.getNodes()) {
    graph.findViewByCell(node.id)?.container.classList.toggle('pe-invalid', Boolean(activities[node.id]));
  }
}

/**
 * A comparison of two versions drawn on the newer one (removed activities and connections are drawn too):
 * { added: [id], changed: [id], removed: [id], addedConnections: [key], removedConnections: [key], landing: { id: count } }.
 * landing (a migration preview) only adds a note and a data-landing attribute: the colours stay the comparison's.
 */
export function markComparison(graph, marks) {
  const kinds = new Map();
  for (const id of marks?.added ?? []) kinds.set(id, 'added');
  for (const id of marks?.changed ?? []) kinds.set(id, 'changed');
  for (const id of marks?.removed ?? []) kinds.set(id, 'removed');
  const addedEdges = new Set(marks?.addedConnections ?? []);
  const removedEdges = new Set(marks?.removedConnections ?? []);
  const words = { added: 'toegevoegd', changed: 'gewijzigd', removed: 'verwijderd' };
  const landing = marks?.landing ?? {};
  const landed = (id) => (landing[id] ? [landing[id] === 1 ? '1 traject komt hier' : `${landing[id]} trajecten komen hier`] : []);
  graph.batchUpdate(() => {
    for (const node of graph.getNodes()) {
      const kind = kinds.get(node.id);
      setNodeLook(node, kind ? markColors[kind] : markColors.normal, kind ? 3 : 1.5, [...(kind ? [words[kind]] : []), ...landed(node.id)],
        kind === 'removed' ? '6 3' : null);
      // A migration preview's count, as a badge on the activity where the trajecten land (the heat map's badge, neutral).
      const count = landing[node.id];
      const [fill, text] = heatColors['geen-norm'];
      node.attr({ badge: { display: count ? null : 'none', fill, stroke: fill },
        badgeText: { display: count ? null : 'none', fill: text, text: count ? `→ ${count}` : '' } }, LOOK);
    }
    for (const edge of graph.getEdges()) {
      const key = edgeKey(edge);
      const kind = addedEdges.has(key) ? 'added' : removedEdges.has(key) ? 'removed' : null;
      setEdgeLook(edge, kind ? markColors[kind] : markColors.normal, kind ? 2.5 : 1.5, kind === 'removed' ? '6 3' : null);
    }
  });
  for (const node of graph.getNodes()) {
    const container = graph.findViewByCell(node.id)?.container;
    if (!container) continue;
    container.dataset.comparison = kinds.get(node.id) ?? 'same';
    if (landing[node.id]) container.dataset.landing = String(landing[node.id]);
    else delete container.dataset.landing;
  }
}

/**
 * Where instances wait (the heat map): { id: { text, heat, count } } puts a badge above each such activity, coloured
 * by heat; every other badge is hidden, so a second call replaces the first. The node's element carries
 * data-waiting (the count) and data-heat for the screen's tests.
 */
export function showWaiting(graph, waiting) {
  const marks = waiting ?? {};
  graph.batchUpdate(() => {
    for (const node of graph.getNodes()) {
      const mark = marks[node.id];
      const [fill, text] = heatColors[mark?.heat] ?? heatColors['geen-norm'];
      const display = mark ? null : 'none';
      node.attr({ badge: { display, fill, stroke: fill }, badgeText: { display, fill: text, text: mark?.text ?? '' } }, LOOK);
    }
  });
  for (const node of graph.getNodes()) {
    const container = graph.findViewByCell(node.id)?.container;
    if (!container) continue;
    const mark = marks[node.id];
    if (mark) {
      container.dataset.waiting = String(mark.count);
      container.dataset.heat = mark.heat;
    } else {
      delete container.dataset.waiting;
      delete container.dataset.heat;
    }
  }
}
