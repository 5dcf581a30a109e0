import { deviceLabel, deviceRule, deviceSubject } from '../../define.js';
import { SOFTWARE_TABLES, toolsOnDevice } from '../../helpers/inventory.js';
import { keepAwakeCatalog } from '../../reference/keep-awake.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.software.keep_awake',
    title: 'Keep-awake or mouse-jiggler software',
    description: 'Software whose purpose is to keep the computer awake or simulate mouse movement (Caffeine, Amphetamine, Mouse Jiggler, Move Mouse, Don\'t Sleep, ...) is installed or running.',
    rationale: 'Keeping a hosted laptop awake and its chat status "active" lets a remote operator use it at any hour and hides that nobody sits in front of it.',
    sources: [SRC.mandiant, SRC.seal],
    severity: 'low',
    data_needed: ['osquery:processes', 'osquery:programs', 'osquery:apps'],
    false_positives: ['People who keep a laptop awake during long builds or presentations', 'General utilities with a keep-awake feature (PowerToys Awake) are reported at info severity'],
    params: {},
  },
  (ctx, d) => {
    const ka = keepAwakeCatalog();
    return [...toolsOnDevice(d, ka.software, [...SOFTWARE_TABLES, 'processes']).values()].map((t) => ({
      ...deviceSubject(d),
      summary: `${t.tool.name} on ${deviceLabel(d)}`,
      severity: ka.weak.has(t.tool.id) ? ('info' as const) : undefined,
      discriminator: `${d.key}:${t.tool.id}`,
      evidence: { device: d.key, hostname: d.device?.hostname ?? null, software: t.tool.id, name: t.tool.name, seen: t.hits },
      fact_keys: [`keep-awake:${d.key}`],
      first_seen: t.first,
      last_seen: t.last,
    }));
  },
);
