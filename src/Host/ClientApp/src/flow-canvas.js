// The studio's canvas: JS owns only the graph. Blazor creates one canvas per page through `create`, gets
// back an object reference and calls its methods; the flow itself, its validation and saving stay in C#.
// With `editable` the designer's tools are switched on (editing.js) and changes are reported to C#.
import { Graph } from '@antv/x6';
import { registerShapes, activityNode, connectionEdge, edgeLook } from './shapes.js';
import { layoutPositions, overlaps } from './layout.js';
import { highlightPath, showProblems, markComparison, showWaiting } from './marks.js';
import { enableEditing } from './editing.js';

// Below this scale the 13 px labels of the nodes shrink under 9 px: a fit stops there.
const READABLE_SCALE = 0.7;
const FIT_PADDING = 24;

class FlowCanvas {
  constructor(element, options) {
    registerShapes();
    this.element = element;
    this.graph = new Graph({
      container: element,
      autoResize: true,
      background: { color: '#f7f8fa' },
      grid: { visible: true, size: 10 },
      // Dragging the background pans; with the designer, Shift + drag selects a rectangle instead.
      panning: { enabled: true },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      interacting: options.editable ? { nodeMovable: true, magnetConnectable: true, edgeMovable: false, edgeLabelMovable: false, vertexMovable: false, vertexAddable: false } : false,
      connecting: {
        snap: { radius: 24 },
        allowBlank: false,
        allowLoop: false,
        allowNode: false,
        allowEdge: false,
        allowMulti: 'withPort',
        highlight: true,
        // Connections leave by an outcome port and arrive at the input port; nothing else connects.
        validateMagnet: ({ magnet }) => magnet.getAttribute('port-group') === 'out',
        validateConnection: ({ targetPort, sourcePort }) => targetPort === 'in' && String(sourcePort ?? '').startsWith('out:'),
        createEdge: () => this.graph.createEdge({ shape: 'edge', ...edgeLook() }),
      },
    });
    this.editor = options.editable ? enableEditing(this.graph, element, options) : null;
    // A read-only canvas that was given a .NET reference reports clicked activities (the heat map lists who waits there).
    if (!options.editable && options.dotnet) {
      this.graph.on('node:click', ({ node }) => options.dotnet.invokeMethodAsync('OnActivityClicked', node.id));
    }
  }

  /**
   * Shows a flow: { activities: [{ id, label, type, x, y, outcomes }], connections: [{ id, source, outcome, target }] }.
   * Activities are placed by dagre when any lacks a position or stored positions overlap at this node size;
   * returns whether that happened (the designer then saves the new positions with the draft).
   */
  load(flow) {
    const activities = flow.activities ?? [];
    const connections = flow.connections ?? [];
    const positioned = activities.every((a) => a.x != null && a.y != null) && !overlaps(activities);
    const cells = this.cellsOf(activities, connections, !positioned);
    const reset = () => this.graph.resetCells(cells);
    if (this.editor) this.editor.pause(reset);
    else reset();
    this.editor?.loaded(activities.map((a) => a.id));
    this.element.dataset.nodeCount = String(activities.length);
    this.element.dataset.laidOut = String(!positioned && activities.length > 0);
    this.zoomToFit();
    return !positioned && activities.length > 0;
  }

  /**
   * The designer's undo and redo: draws the flow as C# has it in that state, where its positions say (they are all
   * known by then), keeping the view where the user looks and the selection where it can.
   */
  restore(flow, selected) {
    const activities = flow.activities ?? [];
    const connections = flow.connections ?? [];
    const cells = this.cellsOf(activities, connections, activities.some((a) => a.x == null || a.y == null));
    this.editor?.restore(() => this.graph.resetCells(cells), activities.map((a) => a.id), selected);
    this.element.dataset.nodeCount = String(activities.length);
  }

  cellsOf(activities, connections, layOut) {
    const positions = layOut ? layoutPositions(activities.map((a) => a.id), connections) : null;
    return [
      ...activities.map((a) => this.graph.createNode(activityNode(positions ? { ...a, ...positions.get(a.id) } : a))),
      ...connections.map((c) => this.graph.createEdge(connectionEdge(c))),
    ];
  }

  /** Places every node by dagre, ignoring the stored positions (one undo step in the designer). */
  autoLayout() {
    const nodes = this.graph.getNodes();
    const connections = this.graph.getEdges().map((e) => ({ id: e.id, source: e.getSourceCellId(), target: e.getTargetCellId() }));
    const positions = layoutPositions(nodes.map((n) => n.id), connections);
    this.graph.startBatch('layout');
    for (const node of nodes) {
      const p = positions.get(node.id);
      node.position(p.x, p.y);
    }
    this.graph.stopBatch('layout');
    this.zoomToFit();
    return Object.fromEntries(positions);
  }

  highlightPath(path) { highlightPath(this.graph, path); }
  showProblems(problems) { showProblems(this.graph, problems); }
  markComparison(marks) { markComparison(this.graph, marks); }
  showWaiting(waiting) { showWaiting(this.graph, waiting); }

  /**
   * The whole flow in view, unless that makes its labels too small to read (the shipped RVT flows have sixty activities):
   * then the readable scale, with the first activity at the top, centred; the minimap and panning show the rest.
   */
  zoomToFit() {
    // The frame may just have changed size (full screen); the graph follows it on the next resize event, fit now.
    this.graph.resize(this.element.clientWidth, this.element.clientHeight);
    this.graph.zoomToFit({ padding: FIT_PADDING, maxScale: 1 });
    if (this.graph.zoom() >= READABLE_SCALE || this.graph.getNodes().length === 0) return;
    const first = this.graph.getNodes().map((n) => n.getBBox())
      .reduce((top, box) => (box.y < top.y || (box.y === top.y && box.x < top.x) ? box : top));
    this.graph.zoomTo(READABLE_SCALE);
    this.graph.translate(this.element.clientWidth / 2 - first.center.x * READABLE_SCALE, FIT_PADDING - first.y * READABLE_SCALE);
  }
  zoomBy(factor) { this.graph.zoom(factor, { minScale: 0.2, maxScale: 2 }); }

  // The designer's commands; a read-only canvas has no editor and ignores them.
  addActivity(activity) { return this.editor?.add(activity); }
  copy() { this.editor?.copy(); }
  paste() { this.editor?.paste(); }
  deleteSelection() { this.editor?.deleteSelection(); }
  select(id) { this.editor?.select(id); }
  renameActivity(oldId, newId) { return this.editor?.rename(oldId, newId) ?? false; }
  updateActivity(id, look) { this.editor?.update(id, look); }
  snapshot() { return this.editor?.snapshot() ?? null; }

  dispose() {
    this.editor?.dispose();
    this.graph.dispose();
    delete this.element.dataset.nodeCount;
  }
}

/**
 * Creates a canvas in the element; the caller keeps the returned object and calls its methods.
 * options: { editable, dotnet (receives OnGraphChanged, OnSelectionChanged, OnUndoRequested, OnRedoRequested), toolbox, minimap }.
 */
export function create(element, options) {
  return new FlowCanvas(element, options ?? {});
}
