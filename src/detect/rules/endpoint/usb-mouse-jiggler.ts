import { deviceLabel, deviceRule, deviceSubject, timeRange } from '../../define.js';
import { keepAwakeCatalog } from '../../reference/keep-awake.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.usb.mouse_jiggler',
    title: 'Hardware mouse jiggler attached',
    description: 'A USB device that names itself a mouse jiggler or mouse mover is attached to the laptop.',
    rationale: 'A jiggler keeps an unattended laptop awake and "active" in chat and monitoring tools, which a laptop in a farm needs between remote sessions.',
    sources: [SRC.mandiant, SRC.seal],
    severity: 'medium',
    data_needed: ['osquery:usb_devices'],
    false_positives: ['Employees who use a jiggler to stay "online" while away from the desk', 'Most jigglers present as an ordinary mouse and are not seen at all'],
    params: {},
  },
  (ctx, d) => {
    const ka = keepAwakeCatalog();
    const rows = (d.tables.get('usb_devices') ?? []).map((r) => ({ r, word: ka.matchUsb(r.columns) })).filter((x) => x.word);
    if (!rows.length) return [];
    return [
      {
        ...deviceSubject(d),
        summary: `Mouse jiggler "${rows[0]!.r.columns.model ?? rows[0]!.r.columns.vendor}" on ${deviceLabel(d)}`,
        discriminator: d.key,
        evidence: { device: d.key, hostname: d.device?.hostname ?? null, usb_devices: rows.slice(0, 5).map(({ r, word }) => ({ row_id: r.id, observed_at: r.observed_at, vendor_id: r.columns.vendor_id, model_id: r.columns.model_id, vendor: r.columns.vendor, model: r.columns.model, matched: word })) },
        fact_keys: [`keep-awake:${d.key}`],
        ...timeRange(rows.map((x) => x.r.observed_at)),
      },
    ];
  },
);
