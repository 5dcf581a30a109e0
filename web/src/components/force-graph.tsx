/**
 * A cluster's graph: people (circles, coloured by risk level) and the identifiers they share
 * (squares; hubs large and highlighted). A small force layout of our own: nodes repel, edges pull,
 * a weak gravity keeps the picture centred. Drag a node to move it; click a person to open them.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { GraphEdge, GraphNode } from '../api/types';
import { navigate } from '../stores/router';
import { enc } from '../api/client';

const W = 900;
const H = 560;

interface P {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export function layout(nodes: GraphNode[], edges: GraphEdge[], iterations = 300): Map<string, P> {
  const pos = new Map<string, P>();
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    const r = node.kind === 'person' ? 220 : 120;
    pos.set(node.id, { x: W / 2 + r * Math.cos(a), y: H / 2 + r * Math.sin(a), vx: 0, vy: 0 });
  });
  const list = nodes.map((nd) => pos.get(nd.id)!);
  const springs = edges.map((e) => [pos.get(e.source), pos.get(e.target)] as const).filter((s): s is readonly [P, P] => Boolean(s[0] && s[1]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  let alpha = 1;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < n; j++) {
        const b = list[j]!;
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = Math.random() - 0.5;
          dy = Math.random() - 0.5;
          d2 = 0.25;
        }
        const f = (k * k) / d2;
        a.vx += dx * f * 0.05;
        a.vy += dy * f * 0.05;
        b.vx -= dx * f * 0.05;
        b.vy -= dy * f * 0.05;
      }
    }
    for (const [a, b] of springs) {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = ((d - k * 0.8) / d) * 0.08;
      a.vx += dx * f;
      a.vy += dy * f;
      b.vx -= dx * f;
      b.vy -= dy * f;
    }
    for (const p of list) {
      p.vx += (W / 2 - p.x) * 0.01;
      p.vy += (H / 2 - p.y) * 0.01;
      const speed = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
      const cap = 30 * alpha + 1;
      if (speed > cap) {
        p.vx = (p.vx / speed) * cap;
        p.vy = (p.vy / speed) * cap;
      }
      p.x = Math.min(W - 20, Math.max(20, p.x + p.vx));
      p.y = Math.min(H - 20, Math.max(20, p.y + p.vy));
      p.vx *= 0.5;
      p.vy *= 0.5;
    }
    alpha *= 0.985;
  }
  return pos;
}

export function ForceGraph({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const initial = useMemo(() => layout(nodes, edges), [nodes, edges]);
  const [pos, setPos] = useState(initial);
  const [hover, setHover] = useState<string | null>(null);
  const drag = useRef<{ id: string; moved: boolean } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => setPos(initial), [initial]);

  const neighbours = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const e of edges) {
      (m.get(e.source) ?? m.set(e.source, new Set()).get(e.source)!).add(e.target);
      (m.get(e.target) ?? m.set(e.target, new Set()).get(e.target)!).add(e.source);
    }
    return m;
  }, [edges]);

  const toSvg = (e: PointerEvent) => {
    const r = svg.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    d.moved = true;
    const { x, y } = toSvg(e);
    setPos((prev) => new Map(prev).set(d.id, { x, y, vx: 0, vy: 0 }));
  };
  const lit = (id: string) => !hover || hover === id || neighbours.get(hover)?.has(id);

  return (
    <div className="graph" data-testid="cluster-graph">
      <svg ref={svg} viewBox={`0 0 ${W} ${H}`} onPointerMove={onMove} onPointerUp={() => (drag.current = null)} onPointerLeave={() => (drag.current = null)} role="img" aria-label="Cluster graph">
        {edges.map((e, i) => {
          const a = pos.get(e.source);
          const b = pos.get(e.target);
          if (!a || !b) return null;
          const on = !hover || e.source === hover || e.target === hover;
          return <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={`edge edge-${e.kind === 'holds' ? 'holds' : 'link'}`} strokeOpacity={on ? 0.8 : 0.1} strokeWidth={e.kind === 'holds' ? 1 : 1 + 2 * e.weight} />;
        })}
        {nodes.map((nd) => {
          const p = pos.get(nd.id);
          if (!p) return null;
          const person = nd.kind === 'person';
          const size = person ? 9 + Math.min(8, nd.degree) : nd.hub ? 10 + Math.min(10, nd.degree) : 6;
          return (
            <g
              key={nd.id}
              className={`node node-${nd.kind}${nd.hub ? ' node-hub' : ''} level-${nd.level ?? 'none'}`}
              data-node-kind={nd.kind}
              data-hub={nd.hub ? 'true' : 'false'}
              opacity={lit(nd.id) ? 1 : 0.25}
              transform={`translate(${p.x},${p.y})`}
              onPointerDown={(e) => {
                (e.target as Element).setPointerCapture?.(e.pointerId);
                drag.current = { id: nd.id, moved: false };
              }}
              onPointerUp={() => {
                const d = drag.current;
                drag.current = null;
                if (person && d && !d.moved) navigate(`/people/${enc(nd.id)}`);
              }}
              onMouseEnter={() => setHover(nd.id)}
              onMouseLeave={() => setHover(null)}
            >
              {person ? <circle r={size} /> : <rect x={-size} y={-size} width={size * 2} height={size * 2} rx={2} />}
              {person || nd.hub ? (
                <text y={size + 12} textAnchor="middle">
                  {nd.label.length > 28 ? `${nd.label.slice(0, 27)}…` : nd.label}
                </text>
              ) : null}
              <title>
                {person ? `${nd.label} (${nd.person_kind ?? 'person'}) · ${nd.level ?? 'unscored'}${nd.score !== null ? ` ${Math.round(nd.score)}` : ''}` : `${nd.identifier_type}: ${nd.label} · held by ${nd.degree} people${nd.hub ? ' · hub' : ''}`}
              </title>
            </g>
          );
        })}
      </svg>
      <p className="muted small">Circles: people (colour: risk level; click to open). Squares: identifiers two or more of them share; large orange squares are hubs. Drag to rearrange; hover to highlight.</p>
    </div>
  );
}
