// The studio's canvas: JS owns only the graph. Blazor creates one canvas per page through `create`,
// gets back an object reference and calls its methods; the flow, its validation and saving stay in C#.
// Read-only for now; editing (toolbox drop, connect, delete, undo/redo) plugs in through `graph.use(...)`
// with X6 3.x's built-in Selection, History, Keyboard and Clipboard, in a module beside this one.
import { Graph } from '@antv/x6';
import { registerShapes, activityNode, connectionEdge, highlightColors } from './shapes.js';
import { layoutPositions } from './layout.js';

class FlowCanvas {
  constructor(element) {
    registerShapes();
    this.element = element;
    this.graph = new Graph({
      container: element,
      autoResize: true,
      background: { color: '#f7f8fa' },
      grid: { visible: true, size: 10 },
      panning: { enabled: true },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      // Read-only: nothing moves or connects until the designer switches editing on.
      interacting: false,
    });
    this.connections = [];
  }

  /**
   * Shows a flow: { activities: [{ id, label, type, x, y, outcomes }], connections: [{ id, source, outcome, target }] }.
   * Activities without a designer position are placed by dagre (all of them, so the result stays readable).
   */
  load(flow) {
    const activities = flow.activities ?? [];
    this.connections = flow.connections ?? [];
    const positioned = activities.length > 0 && activities.every((a) => a.x != null && a.y != null);
    const positions = positioned ? null : layoutPositions(activities.map((a) => a.id), this.connections);
    const cells = [
      ...activities.map((a) => this.graph.createNode(activityNode(positions ? { ...a, ...positions.get(a.id) } : a))),
      ...this.connections.map((c) => this.graph.createEdge(connectionEdge(c))),
    ];
    this.graph.resetCells(cells);
    this.element.dataset.nodeCount = String(activities.length);
    this.zoomToFit();
  }

  /** Places every node by dagre, ignoring the stored positions. */
  autoLayout() {
    const nodes = this.graph.getNodes();
    const positions = layoutPositions(nodes.map((n) => n.id), this.connections);
    this.graph.batchUpdate(() => {
      for (const node of nodes) {
        const p = positions.get(node.id);
        node.position(p.x, p.y);
      }
    });
    this.zoomToFit();
    return Object.fromEntries(positions);
  }

  /** Marks the path an instance took: the given activities and connections stand out, the rest fades. */
  highlightPath(activityIds, connectionIds) {
    const activities = new Set(activityIds ?? []);
    const connections = new Set(connectionIds ?? []);
    this.graph.batchUpdate(() => {
      for (const node of this.graph.getNodes()) {
        const on = activities.has(node.id);
        node.attr('body/stroke', on ? highlightColors.node : highlightColors.dimmed);
        node.attr('body/strokeWidth', on ? 3 : 1.5);
        node.setData({ highlighted: on });
      }
      for (const edge of this.graph.getEdges()) {
        const on = connections.has(edge.id);
        edge.attr('line/stroke', on ? highlightColors.edge : highlightColors.dimmed);
        edge.attr('line/strokeWidth', on ? 2.5 : 1.5);
      }
    });
    for (const id of activities) this.graph.findViewByCell(id)?.container.classList.add('pe-highlighted');
  }

  zoomToFit() {
    this.graph.zoomToFit({ padding: 24, maxScale: 1 });
  }

  dispose() {
    this.graph.dispose();
    delete this.element.dataset.nodeCount;
  }
}

/** Creates a canvas in the element; the caller keeps the returned object and calls its methods. */
export function create(element) {
  return new FlowCanvas(element);
}
