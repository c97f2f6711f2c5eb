import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface GraphNode {
  id: string;
  label: string;
  x: number;
  y: number;
  color: string;
  size: number;
}

interface Props {
  nodes: GraphNode[];
  edges: Array<{ source: string; target: string; weight: number }>;
  selected: string | null;
  onSelect: (id: string) => void;
  label: string;
}

/**
 * The cooperation network drawn with Cytoscape on a 2D canvas (no WebGL needed), at the ForceAtlas2 positions the
 * API computes. Loaded lazily with its page. The table beside it carries the same data for keyboard and screen
 * reader users.
 */
export default function GraphView({ nodes, edges, selected, onSelect, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<cytoscape.Core | null>(null);

  useEffect(() => {
    if (!container.current) return;
    // Scale the layout into a 1000 × 1000 box so node sizes in pixels stay meaningful whatever the layout's units.
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = 1000 / Math.max(1e-9, maxX - minX, maxY - minY);
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...nodes.map((n) => ({
          data: { id: n.id, label: n.label, color: n.color, size: n.size },
          position: { x: (n.x - minX) * scale, y: (maxY - n.y) * scale },
        })),
        ...edges.map((e) => ({ data: { id: `${e.source}-${e.target}`, source: e.source, target: e.target, weight: e.weight } })),
      ],
      layout: { name: 'preset', fit: true, padding: 10 },
      style: [
        {
          selector: 'node',
          style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', 'border-width': 0.5, 'border-color': '#333' },
        },
        { selector: 'edge', style: { width: 0.4, 'line-color': '#9aa5b1', opacity: 0.5 } },
        { selector: 'node.selected', style: { 'border-width': 4, 'border-color': '#000', label: 'data(label)', 'font-size': 14, 'z-index': 10 } },
        { selector: 'edge.selected', style: { 'line-color': '#111', opacity: 1, width: 1.5 } },
      ],
      minZoom: 0.05,
      maxZoom: 8,
    });
    cy.on('tap', 'node', (event) => onSelect(event.target.id() as string));
    graph.current = cy;
    return () => cy.destroy();
  }, [nodes, edges, onSelect]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.elements().removeClass('selected');
    if (selected) {
      const node = cy.getElementById(selected);
      node.addClass('selected');
      node.connectedEdges().addClass('selected');
    }
  }, [selected, nodes]);

  return <div ref={container} className="graph-view" role="img" aria-label={label} data-testid="graph-view" />;
}
