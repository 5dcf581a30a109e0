import { Type } from '@sinclair/typebox';
import { Contribution, Nullable, Paging } from './common.js';

const S = Type.String();
const NS = Nullable(Type.String());

export const ClusterRow = Type.Object({
  id: S,
  risk_score: Type.Number(),
  risk_level: S,
  size: Type.Integer(),
  reasons: Type.Array(S),
  hubs: Type.Array(Type.Object({ type: S, value: S, members: Type.Integer() })),
});

export const ClustersQuery = Type.Object({ level: Type.Optional(Type.String({ description: 'comma-separated risk levels' })), ...Paging });
export const ClustersPage = Type.Object({ total: Type.Integer(), rows: Type.Array(ClusterRow) });

export const ClusterDetail = Type.Object({
  cluster: Type.Object({
    id: S,
    risk_score: Type.Number(),
    risk_level: S,
    reasons: Type.Array(S),
    hubs: Type.Array(Type.Object({ type: S, value: S, members: Type.Integer() })),
    explanation: Type.Array(Contribution),
    size: Type.Integer(),
  }),
  nodes: Type.Array(
    Type.Object({
      id: S,
      kind: Type.Union([Type.Literal('person'), Type.Literal('identifier')]),
      label: S,
      person_kind: NS,
      score: Nullable(Type.Number()),
      level: NS,
      identifier_type: NS,
      degree: Type.Integer(),
      hub: Type.Boolean(),
    }),
  ),
  edges: Type.Array(Type.Object({ source: S, target: S, kind: S, weight: Type.Number(), label: NS })),
  cases: Type.Array(Type.Object({ id: S, title: S, status: S, resolution: NS, assignee: NS, updated_at: S })),
});
