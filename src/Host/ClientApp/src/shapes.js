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
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: colors.fill, stroke: colors.border, strokeWidth: 1.5 },
      label: {
        refX: 0.5, refY: 0.36, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 13, fill: colors.text,
        textWrap: { width: NODE_WIDTH - 16, height: 20, ellipsis: true },
      },
      kind: { refX: 0.5, refY: 0.72, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, fill: colors.muted },
    },
    ports: {
      groups: {
        in: {
          position: 'top',
          attrs: { circle: { r: 4, magnet: true, stroke: colors.port, strokeWidth: 1.5, fill: colors.fill } },
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
  const ports = [{ id: INPUT_PORT, group: 'in' }];
  for (const outcome of activity.outcomes) {
    ports.push({ id: outcomePortId(outcome), group: 'out', attrs: { text: { text: outcome } } });
  }
  return {
    id: activity.id,
    shape: ACTIVITY_SHAPE,
    x: activity.x ?? 0,
    y: activity.y ?? 0,
    data: { type: activity.type, outcomes: activity.outcomes },
    attrs: {
      label: { text: activity.label },
      kind: { text: activity.type },
      tooltip: { text: `${activity.label} (${activity.type}, ${activity.id})` },
    },
    ports: { items: ports },
  };
}

/** The X6 edge for one connection: from the source's outcome port to the target's input port. */
export function connectionEdge(connection) {
  return {
    id: connection.id,
    shape: 'edge',
    source: { cell: connection.source, port: outcomePortId(connection.outcome) },
    target: { cell: connection.target, port: INPUT_PORT },
    router: { name: 'manhattan', args: { padding: 12 } },
    connector: { name: 'rounded' },
    attrs: { line: { stroke: colors.border, strokeWidth: 1.5, targetMarker: { name: 'block', width: 8, height: 6 } } },
    data: { outcome: connection.outcome },
  };
}

export const highlightColors = { node: '#1b873f', edge: '#1b873f', dimmed: '#c4ccd4' };
