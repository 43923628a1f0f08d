// Copy and paste of selected activities with the connections between them. X6's own clipboard plugin
// pastes clones under random UUIDs; a flow's activity ids are read by people (journal, errors, exports),
// so pasted activities get readable new ids and remember which activity they copy (C# copies its inputs).
import { activityNode, connectionEdge, outcomeOfPort } from './shapes.js';

const OFFSET = 30;

export function createClipboard(graph, newId) {
  let copied = null;
  return {
    copy() {
      const nodes = graph.getSelectedCells().filter((c) => c.isNode());
      if (nodes.length === 0) return;
      const ids = new Set(nodes.map((n) => n.id));
      copied = {
        nodes: nodes.map((n) => ({ ...n.getData(), id: n.id, ...n.position() })),
        edges: graph.getEdges()
          .filter((e) => ids.has(e.getSourceCellId()) && ids.has(e.getTargetCellId()))
          .map((e) => ({ source: e.getSourceCellId(), outcome: outcomeOfPort(e.getSourcePortId()), target: e.getTargetCellId() })),
      };
    },
    paste() {
      if (!copied) return;
      const renamed = new Map(copied.nodes.map((n) => [n.id, newId(n.type)]));
      graph.startBatch('paste');
      for (const n of copied.nodes) {
        graph.addNode(activityNode({ ...n, id: renamed.get(n.id), x: n.x + OFFSET, y: n.y + OFFSET, copyOf: n.id }));
      }
      for (const e of copied.edges) {
        graph.addEdge(connectionEdge({ source: renamed.get(e.source), outcome: e.outcome, target: renamed.get(e.target) }));
      }
      graph.stopBatch('paste');
      graph.resetSelection([...renamed.values()]);
      // A second paste lands beside the first, not on top of it.
      copied = { ...copied, nodes: copied.nodes.map((n) => ({ ...n, x: n.x + OFFSET, y: n.y + OFFSET })) };
    },
  };
}
