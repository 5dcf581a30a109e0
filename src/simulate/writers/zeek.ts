/**
 * Zeek conn.log from the two VPN gateways' sensors: the east sensor logs Zeek's tab-separated
 * format with its `#` header, the west sensor logs JSON (`LogAscii::use_json`). Devices on the
 * always-on VPN appear under the tunnel address osquery reports in interface_addresses.
 */
import type { Session } from '../activity.js';
import { addressOf, network, RMM_RELAYS } from '../catalog/networks.js';
import type { Rng } from '../random.js';

export interface Conn {
  ts: number;
  uid: string;
  orig_h: string;
  orig_p: number;
  resp_h: string;
  resp_p: number;
  proto: 'tcp' | 'udp';
  service: string | null;
  duration: number;
  orig_bytes: number;
  resp_bytes: number;
  conn_state: string;
  local_resp: boolean;
  history: string;
  orig_pkts: number;
  resp_pkts: number;
}

const UID = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const ZEEK_FIELDS = ['ts', 'uid', 'id.orig_h', 'id.orig_p', 'id.resp_h', 'id.resp_p', 'proto', 'service', 'duration', 'orig_bytes', 'resp_bytes', 'conn_state', 'local_orig', 'local_resp', 'missed_bytes', 'history', 'orig_pkts', 'orig_ip_bytes', 'resp_pkts', 'resp_ip_bytes', 'tunnel_parents', 'ip_proto'];
const ZEEK_TYPES = ['time', 'string', 'addr', 'port', 'addr', 'port', 'enum', 'string', 'interval', 'count', 'count', 'string', 'bool', 'bool', 'count', 'string', 'count', 'count', 'count', 'count', 'set[string]', 'count'];

function conn(r: Rng, ts: number, orig: string, resp: string, port: number, proto: 'tcp' | 'udp', service: string | null, duration: number, ob: number, rb: number, localResp: boolean): Conn {
  const tcp = proto === 'tcp';
  return {
    ts,
    uid: `C${r.chars(17, UID)}`,
    orig_h: orig,
    orig_p: r.int(49152, 65535),
    resp_h: resp,
    resp_p: port,
    proto,
    service,
    duration,
    orig_bytes: ob,
    resp_bytes: rb,
    conn_state: 'SF',
    local_resp: localResp,
    history: tcp ? 'ShADadFf' : 'Dd',
    orig_pkts: tcp ? Math.max(4, Math.round(ob / 900)) : 1,
    resp_pkts: tcp ? Math.max(4, Math.round(rb / 1200)) : 1,
  };
}

/** The connections a VPN'd laptop makes around one sign-in. */
export function sessionConns(s: Session): Conn[] {
  const d = s.device;
  if (!d?.tunnelIp || !s.person.corpVpn) return [];
  const r = s.rng.fork('zeek');
  const t = s.at / 1000 - r.float(1, 5);
  const out: Conn[] = [
    conn(r, t, d.tunnelIp, '10.0.0.53', 53, 'udp', 'dns', r.float(0.005, 0.06), r.int(40, 70), r.int(90, 320), true),
    conn(r, t + r.float(0.1, 2), d.tunnelIp, `10.0.10.${r.int(5, 40)}`, 443, 'tcp', 'ssl', r.float(2, 900), r.int(2_000, 90_000), r.int(8_000, 900_000), true),
    conn(r, t + r.float(2, 20), d.tunnelIp, addressOf(network('aws'), r), 443, 'tcp', 'ssl', r.float(5, 1800), r.int(3_000, 200_000), r.int(20_000, 4_000_000), false),
  ];
  for (const tool of d.relayTools) {
    const installed = d.installs.find((i) => i.tool === tool);
    if (!installed || installed.at > s.at) continue;
    const relay = RMM_RELAYS[tool];
    if (!relay) continue;
    const port = r.pick(relay.ports);
    out.push(conn(r, t + r.float(20, 300), d.tunnelIp, addressOf(network(relay.network), r), port, 'tcp', port === 443 ? 'ssl' : null, r.float(1800, 14_000), r.int(2_000_000, 60_000_000), r.int(30_000_000, 900_000_000), false));
  }
  return out;
}

function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

export function zeekTsvHeader(openedAt: number): string {
  const open = new Date(openedAt).toISOString().replace(/T/, '-').replace(/:/g, '-').slice(0, 19);
  return ['#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', `#open\t${open}`, `#fields\t${ZEEK_FIELDS.join('\t')}`, `#types\t${ZEEK_TYPES.join('\t')}`].join('\n') + '\n';
}

export function zeekTsvFooter(closedAt: number): string {
  return `#close\t${new Date(closedAt).toISOString().replace(/T/, '-').replace(/:/g, '-').slice(0, 19)}\n`;
}

export function zeekTsvLine(c: Conn): string {
  const tcp = c.proto === 'tcp';
  const ipBytes = (bytes: number, pkts: number) => bytes + pkts * (tcp ? 52 : 28);
  return [fixed(c.ts, 6), c.uid, c.orig_h, c.orig_p, c.resp_h, c.resp_p, c.proto, c.service ?? '-', fixed(c.duration, 6), c.orig_bytes, c.resp_bytes, c.conn_state, 'T', c.local_resp ? 'T' : 'F', 0, c.history, c.orig_pkts, ipBytes(c.orig_bytes, c.orig_pkts), c.resp_pkts, ipBytes(c.resp_bytes, c.resp_pkts), '-', tcp ? 6 : 17].join('\t') + '\n';
}

export function zeekJsonLine(c: Conn): string {
  const tcp = c.proto === 'tcp';
  const rec: Record<string, unknown> = {
    ts: Number(fixed(c.ts, 6)),
    uid: c.uid,
    'id.orig_h': c.orig_h,
    'id.orig_p': c.orig_p,
    'id.resp_h': c.resp_h,
    'id.resp_p': c.resp_p,
    proto: c.proto,
  };
  if (c.service) rec.service = c.service;
  Object.assign(rec, {
    duration: Number(fixed(c.duration, 6)),
    orig_bytes: c.orig_bytes,
    resp_bytes: c.resp_bytes,
    conn_state: c.conn_state,
    local_orig: true,
    local_resp: c.local_resp,
    missed_bytes: 0,
    history: c.history,
    orig_pkts: c.orig_pkts,
    orig_ip_bytes: c.orig_bytes + c.orig_pkts * (tcp ? 52 : 28),
    resp_pkts: c.resp_pkts,
    resp_ip_bytes: c.resp_bytes + c.resp_pkts * (tcp ? 52 : 28),
    ip_proto: tcp ? 6 : 17,
  });
  return `${JSON.stringify(rec)}\n`;
}
