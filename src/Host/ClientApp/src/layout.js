// Auto-layout with dagre: ranks run top to bottom, the way the ports point (outcomes leave at the bottom).
import dagre from '@dagrejs/dagre';
import { NODE_WIDTH, NODE_HEIGHT } from './shapes.js';

/**
 * Positions for the given activities and connections: a map from activity id to its top-left corner
 * (X6 positions a node by its corner; dagre returns centres).
 */
export function layoutPositions(activityIds, connections) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of activityIds) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const c of connections) {
    if (g.hasNode(c.source) && g.hasNode(c.target)) g.setEdge(c.source, c.target, {}, c.id);
  }
  dagre.layout(g);
  const positions = new Map();
  for (const id of activityIds) {
    const n = g.node(id);
    positions.set(id, { x: Math.round(n.x - NODE_WIDTH / 2), y: Math.round(n.y - NODE_HEIGHT / 2) });
  }
  return positions;
}

/**
 * Whether stored positions leave any two activities on top of each other at the current node size (with a
 * margin for the outcome labels under a node): the shipped flows were positioned for smaller nodes.
 */
export function overlaps(activities) {
  const marginX = 10;
  const marginY = 24;
  for (let i = 0; i < activities.length; i++) {
    for (let j = i + 1; j < activities.length; j++) {
      const a = activities[i];
      const b = activities[j];
      if (Math.abs(a.x - b.x) < NODE_WIDTH + marginX && Math.abs(a.y - b.y) < NODE_HEIGHT + marginY) return true;
    }
  }
  return false;
}
