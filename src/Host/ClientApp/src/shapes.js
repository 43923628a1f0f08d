// The node shape of one activity: a rounded box with its display name and type, an input port on top and
// one output port per named outcome along the bottom (connections start at the outcome they follow).
import { Graph } from '@antv/x6';

export const ACTIVITY_SHAPE = 'pe-activity';
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 60;
export const INPUT_PORT = 'in';

/** Port ids carry the outcome name, so an edge's source port says which outcome it follows. */
export const outcomePortId = (outcome) => `out:${outcome}`;

const colors = {
  border: '#5c6b7a',
  fill: '#ffffff',
  text: '#1f2933',
  muted: '#5c6b7a',
  port: '#594ae2',
};

let registered = false;

export function registerShapes() {
  // Registration is global in X6; a second canvas on the page must not register the shape again.
  if (registered) return;
  registered = true;
  Graph.registerNode(ACTIVITY_SHAPE, {
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    markup: [
      { tagName: 'rect', selector: 'body' },
      { tagName: 'title', selector: 'tooltip' },
      { tagName: 'text', selector: 'label' },
      { tagName: 'text', selector: 'kind' },
      // The heat map's badge (marks.js showWaiting): hidden until it has something to say. In a group of its own, so the
      // node's only direct rect stays its body.
      { tagName: 'g', selector: 'badgeGroup', children: [{ tagName: 'rect', selector: 'badge' }, { tagName: 'text', selector: 'badgeText' }] },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: colors.fill, stroke: colors.border, strokeWidth: 1.5 },
      label: {
        refX: 0.5, refY: 0.36, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 13, fill: colors.text,
        textWrap: { width: NODE_WIDTH - 16, height: 20, ellipsis: true },
      },
      kind: { refX: 0.5, refY: 0.72, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, fill: colors.muted },
      badge: { x: 20, y: -14, width: NODE_WIDTH - 40, height: 20, rx: 10, ry: 10, strokeWidth: 1, display: 'none' },
      badgeText: { x: NODE_WIDTH / 2, y: -4, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, display: 'none' },
    },
    ports: {
      groups: {
        in: {
          position: 'top',
          // 'passive': a connection may end here, never start here.
          attrs: { circle: { r: 4, magnet: 'passive', stroke: colors.port, strokeWidth: 1.5, fill: colors.fill } },
        },
        out: {
          position: 'bottom',
          label: { position: { name: 'bottom', args: { y: 6 } } },
          attrs: {
            circle: { r: 4, magnet: true, stroke: colors.port, strokeWidth: 1.5, fill: colors.port },
            text: { fontSize: 10, fill: colors.muted },
          },
        },
      },
    },
  }, true);
}

/** The X6 node for one activity of the canvas model. */
export function activityNode(activity) {
  return {
    id: activity.id,
    shape: ACTIVITY_SHAPE,
    // Above every edge, so an outcome port stays reachable where its edges start.
    zIndex: 2,
    x: activity.x ?? 0,
    y: activity.y ?? 0,
    data: { type: activity.type, label: activity.label, outcomes: activity.outcomes, copyOf: activity.copyOf ?? null },
    attrs: {
      label: { text: activity.label },
      kind: { text: activity.type },
      tooltip: { text: tooltipText(activity.label, activity.type, activity.id) },
    },
    ports: { items: activityPorts(activity.outcomes) },
  };
}

/** The X6 edge for one connection: from the source's outcome port to the target's input port. */
export function connectionEdge(connection) {
  return {
    ...(connection.id ? { id: connection.id } : {}),
    shape: 'edge',
    source: { cell: connection.source, port: outcomePortId(connection.outcome) },
    target: { cell: connection.target, port: INPUT_PORT },
    ...edgeLook(),
    data: { outcome: connection.outcome },
  };
}

/** How every edge looks, also one the user draws while connecting. */
export function edgeLook() {
  return {
    zIndex: 1,
    router: { name: 'manhattan', args: { padding: 12 } },
    connector: { name: 'rounded' },
    attrs: { line: { stroke: colors.border, strokeWidth: 1.5, targetMarker: { name: 'block', width: 8, height: 6 } } },
  };
}

/** The heat map's badge colours (fill, text) by how far a step's waits are past their norm (C#: WaitingHeat). */
export const heatColors = {
  'binnen-norm': ['#1b873f', '#ffffff'],
  'over-norm': ['#ef6c00', '#ffffff'],
  'ver-over-norm': ['#c62828', '#ffffff'],
  'geen-norm': ['#5c6b7a', '#ffffff'],
};

export const highlightColors = { node: '#1b873f', edge: '#1b873f', dimmed: '#c4ccd4', waiting: '#1565c0', faulted: '#c62828' };

/** Border colours of the designer's marks: an engine error, and what a comparison found. */
export const markColors = { problem: '#d32f2f', added: '#1b873f', changed: '#ef6c00', removed: '#c62828', normal: colors.border };

/** The key C# and JS share for a connection: which outcome of which source leads to which target. */
export const connectionKey = (source, outcome, target) => `${source}:${outcome}->${target}`;

/** The outcome an edge follows, read from its source port id ("out:Afgerond" → "Afgerond"). */
export const outcomeOfPort = (portId) => (portId ?? '').startsWith('out:') ? portId.slice(4) : 'Done';

/** The shared key of an X6 edge, or null while it is not attached at both ends. */
export function edgeKey(edge) {
  const source = edge.getSourceCellId();
  const target = edge.getTargetCellId();
  return source && target ? connectionKey(source, outcomeOfPort(edge.getSourcePortId()), target) : null;
}

/** The ports of an activity: one input on top, one output per outcome along the bottom. */
export function activityPorts(outcomes) {
  return [{ id: INPUT_PORT, group: 'in' }, ...(outcomes ?? []).map((o) => ({ id: outcomePortId(o), group: 'out', attrs: { text: { text: o } } }))];
}

/** The tooltip of a node: what it is, then whatever the engine or a comparison has to say about it. */
export function tooltipText(label, type, id, notes) {
  return [`${label} (${type}, ${id})`, ...(notes ?? [])].join('\n');
}
