// The designer's tools on an X6 graph, all built into X6 3.x: selection, snaplines, keyboard, minimap and
// drag-and-drop from the toolbox. JS still owns only the graph: after every change it reports the graph's shape
// (ids, types, positions, connections) to C#, which keeps the flow itself and its undo history (property edits are
// steps there too); undo and redo hand C# the graph as it is and draw the state C# gives back (restore).
import { Selection, Snapline, History, Keyboard, MiniMap, Dnd } from '@antv/x6';
import { activityNode, activityPorts, connectionEdge, tooltipText, outcomeOfPort } from './shapes.js';
import { createClipboard } from './clipboard.js';

// How long the graph must be quiet before C# hears of a change: one drag is one report, not fifty.
const REPORT_DELAY_MS = 150;

export function enableEditing(graph, element, { dotnet, toolbox, minimap }) {
  let paused = false;
  let timer = null;
  const usedIds = new Set();

  graph.use(new Selection({ enabled: true, multiple: true, rubberband: true, modifiers: 'shift', movable: true, showNodeSelectionBox: true, pointerEvents: 'none' }));
  graph.use(new Snapline({ enabled: true }));
  // X6's history only tells that the user changed the graph (one command per drag, paste or delete); the steps
  // themselves are kept in C#, so one command is enough. Looks (errors, comparison colours) carry ignoreHistory.
  graph.use(new History({ enabled: true, stackSize: 1, beforeAddCommand: (_event, args) => !args?.options?.ignoreHistory }));
  graph.use(new Keyboard({ enabled: true, global: false }));
  if (minimap) graph.use(new MiniMap({ container: minimap, width: 180, height: 120, padding: 8 }));
  const dnd = new Dnd({
    target: graph,
    scaled: false,
    dndContainer: toolbox ?? undefined,
    // Dnd adds the drop point to the node's own position, so the node starts at the origin.
    getDropNode: (dragging) => graph.createNode(activityNode({ ...dragging.getData(), id: newId(dragging.getData().type), x: 0, y: 0 })),
  });

  // The keyboard listens on the canvas element, so typing in the property panel never deletes a node.
  element.tabIndex = 0;
  element.addEventListener('mousedown', () => element.focus({ preventScroll: true }));

  const snapshot = () => ({
    activities: graph.getNodes().map((n) => {
      const p = n.position();
      return { id: n.id, type: n.getData()?.type ?? '', x: Math.round(p.x), y: Math.round(p.y), copyOf: n.getData()?.copyOf ?? null };
    }),
    connections: graph.getEdges()
      .filter((e) => e.getSourceCellId() && e.getTargetCellId())
      .map((e) => ({ source: e.getSourceCellId(), outcome: outcomeOfPort(e.getSourcePortId()), target: e.getTargetCellId() })),
  });

  const report = () => {
    if (paused) return;
    clearTimeout(timer);
    timer = setTimeout(() => dotnet?.invokeMethodAsync('OnGraphChanged', snapshot()), REPORT_DELAY_MS);
  };
  graph.on('history:change', report);
  // Attaching an edge's end is a change X6's history records as one command, but only once the mouse is up.
  graph.on('edge:connected', report);
  graph.on('selection:changed', () => {
    const nodes = graph.getSelectedCells().filter((c) => c.isNode()).map((c) => c.id);
    dotnet?.invokeMethodAsync('OnSelectionChanged', nodes);
  });

  // Readable, never reused ids: an id deleted earlier may still come back through undo, and must stay its own.
  function newId(type) {
    const stem = String(type || 'activiteit').replace(/[^A-Za-z0-9_-]/g, '').toLowerCase() || 'activiteit';
    let n = 1;
    while (usedIds.has(`${stem}-${n}`) || graph.hasCell(`${stem}-${n}`)) n++;
    usedIds.add(`${stem}-${n}`);
    return `${stem}-${n}`;
  }

  const clipboard = createClipboard(graph, newId);
  const deleteSelection = () => {
    const cells = graph.getSelectedCells();
    if (cells.length > 0) graph.removeCells(cells);
  };
  graph.bindKey(['delete', 'backspace'], (e) => { e.preventDefault(); deleteSelection(); });
  // C# reads the graph itself before it steps back, so a change still waiting to be reported is not lost.
  const ask = (method) => {
    clearTimeout(timer);
    dotnet?.invokeMethodAsync(method);
  };
  graph.bindKey(['ctrl+z', 'meta+z'], (e) => { e.preventDefault(); ask('OnUndoRequested'); });
  graph.bindKey(['ctrl+shift+z', 'meta+shift+z', 'ctrl+y', 'meta+y'], (e) => { e.preventDefault(); ask('OnRedoRequested'); });
  graph.bindKey(['ctrl+c', 'meta+c'], (e) => { e.preventDefault(); clipboard.copy(); });
  graph.bindKey(['ctrl+v', 'meta+v'], (e) => { e.preventDefault(); clipboard.paste(); });
  graph.bindKey(['ctrl+a', 'meta+a'], (e) => { e.preventDefault(); graph.select(graph.getNodes()); });

  // The toolbox is Blazor's markup; a drag can only start from the browser's own mousedown, so JS listens there.
  const onToolboxMouseDown = (e) => {
    const item = e.target.closest?.('[data-activity-type]');
    if (!item || e.button !== 0) return;
    e.preventDefault();
    const type = item.dataset.activityType;
    const node = graph.createNode(activityNode({ id: `dnd-${type}`, type, label: item.dataset.activityLabel ?? type,
      outcomes: JSON.parse(item.dataset.activityOutcomes ?? '[]') }));
    dnd.start(node, e);
  };
  toolbox?.addEventListener('mousedown', onToolboxMouseDown);

  return {
    /** Runs a change the user did not make (loading a flow): no undo step, no report. */
    pause(change) {
      paused = true;
      try {
        change();
        // Cleaning the history is a history change too; inside the pause, or a drawn layout would count as an edit.
        graph.cleanHistory();
      } finally {
        paused = false;
      }
    },
    loaded(ids) { for (const id of ids) usedIds.add(id); },
    /** Draws a state C# stepped to (undo, redo): no report back, and the selection kept where its activities still exist. */
    restore(change, ids, selected) {
      clearTimeout(timer);
      this.pause(change);
      this.loaded(ids);
      const kept = (selected ?? []).filter((id) => graph.hasCell(id));
      if (kept.length > 0) graph.resetSelection(kept);
      else graph.cleanSelection();
    },
    /** Adds an activity in the middle of what is visible (the toolbox's keyboard way) and selects it. */
    add(activity) {
      const centre = graph.getGraphArea().center;
      const id = newId(activity.type);
      graph.addNode(activityNode({ ...activity, id, x: Math.round(centre.x - 110), y: Math.round(centre.y - 30) }));
      graph.resetSelection(id);
      return id;
    },
    /**
     * Renames an activity (X6 ids cannot change): a node under the new id at the same place, every connection moved
     * over, the old node removed. C# has renamed the activity in the flow (one undo step there) before this runs.
     */
    rename(oldId, newId) {
      const node = graph.getCellById(oldId);
      if (!node?.isNode() || graph.hasCell(newId)) return false;
      const data = node.getData() ?? {};
      const { x, y } = node.getPosition();
      const moved = graph.getConnectedEdges(node).map((edge) => ({
        source: edge.getSourceCellId() === oldId ? newId : edge.getSourceCellId(),
        target: edge.getTargetCellId() === oldId ? newId : edge.getTargetCellId(),
        outcome: outcomeOfPort(edge.getSourcePortId()),
      }));
      graph.startBatch('rename');
      graph.addNode(activityNode({ id: newId, type: data.type, label: data.label, outcomes: data.outcomes ?? [], x, y }));
      graph.removeNode(node);
      for (const connection of moved) graph.addEdge(connectionEdge(connection));
      graph.stopBatch('rename');
      usedIds.add(newId);
      graph.resetSelection(newId);
      return true;
    },
    copy: () => clipboard.copy(),
    paste: () => clipboard.paste(),
    deleteSelection,
    select: (id) => graph.resetSelection(id),
    /** A property edit in C# changed what the node shows: its label or its outcome ports. Not an undo step. */
    update(id, look) {
      const node = graph.getCellById(id);
      if (!node?.isNode()) return;
      const data = node.getData() ?? {};
      node.setData({ label: look.label, outcomes: look.outcomes }, { ignoreHistory: true });
      node.attr({ label: { text: look.label }, tooltip: { text: tooltipText(look.label, data.type, id) } }, { ignoreHistory: true });
      const wanted = new Set(look.outcomes.map((o) => `out:${o}`));
      const current = node.getPorts();
      if (current.length !== wanted.size + 1 || current.some((p) => p.group === 'out' && !wanted.has(p.id))
        || [...wanted].some((p) => !node.hasPort(p))) {
        // Connections from an outcome that is gone go with it, as C# drops them from the flow.
        for (const edge of graph.getConnectedEdges(node, { outgoing: true })) {
          if (!wanted.has(edge.getSourcePortId())) graph.removeCell(edge, { ignoreHistory: true });
        }
        node.prop('ports/items', activityPorts(look.outcomes), { ignoreHistory: true, rewrite: true });
        report();
      }
    },
    snapshot,
    dispose() {
      clearTimeout(timer);
      toolbox?.removeEventListener('mousedown', onToolboxMouseDown);
      dnd.dispose();
    },
  };
}
