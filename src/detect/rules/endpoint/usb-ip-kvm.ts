import { deviceLabel, deviceRule, deviceSubject, timeRange } from '../../define.js';
import { matchIpKvm } from '../../reference/ip-kvm.js';
import { SRC } from '../../sources.js';

export const rule = deviceRule(
  {
    id: 'endpoint.usb.ip_kvm',
    title: 'IP-KVM attached to the laptop',
    description: 'A USB device on the laptop identifies as an IP-KVM (PiKVM, TinyPilot, JetKVM, GL.iNet Comet/GLKVM, BliKVM, NanoKVM) by its USB ids, manufacturer and product strings or default serial; an unnamed Linux USB gadget matches with lower confidence.',
    rationale: 'When remote-access software is blocked, farms attach IP-KVMs: small network devices that present as keyboard, mouse and screen capture so the laptop can be driven remotely without any software on it (MITRE T1219.003).',
    sources: [SRC.doj2025, SRC.microsoft, SRC.t1219_003, SRC.ipkvmwatch],
    severity: 'high',
    data_needed: ['osquery:usb_devices'],
    false_positives: ['Home-lab and IT staff use IP-KVMs for their own machines (exempt them with a reason and an expiry date)', 'Other Linux-based USB gadgets (development boards) share the generic id 1d6b:0104', 'USB descriptors can be changed, so a clean result proves nothing'],
    params: {},
    attack: ['T1219.003'],
  },
  (ctx, d) => {
    const hits = new Map<string, { hit: NonNullable<ReturnType<typeof matchIpKvm>>; rows: Array<Record<string, string | undefined>>; times: string[] }>();
    for (const r of d.tables.get('usb_devices') ?? []) {
      const hit = matchIpKvm(r.columns);
      if (!hit) continue;
      let e = hits.get(hit.device);
      if (!e) hits.set(hit.device, (e = { hit, rows: [], times: [] }));
      e.times.push(r.observed_at);
      if (e.rows.length < 5) e.rows.push({ row_id: r.id, observed_at: r.observed_at, vendor_id: r.columns.vendor_id, model_id: r.columns.model_id, vendor: r.columns.vendor, model: r.columns.model, serial: r.columns.serial });
    }
    return [...hits.values()].map(({ hit, rows, times }) => ({
      ...deviceSubject(d),
      summary: `${hit.confidence === 'high' ? '' : 'Possible IP-KVM: '}${hit.name} on the USB bus of ${deviceLabel(d)}`,
      severity: hit.confidence === 'high' ? ('high' as const) : ('medium' as const),
      discriminator: `${d.key}:${hit.device}`,
      evidence: { device: d.key, hostname: d.device?.hostname ?? null, ip_kvm: hit.device, name: hit.name, confidence: hit.confidence, matched: hit.matched, usb_devices: rows },
      fact_keys: [`ip-kvm:${d.key}`],
      ...timeRange(times),
    }));
  },
);
