import { z } from 'zod';
import { isValidCidr } from '../../enrich/ipaddr.js';

const cidr = z.string().refine(isValidCidr, { message: 'not an IP address or CIDR range (e.g. 203.0.113.0/24, 2001:db8::/32)' });
const asn = z.number().int().min(1).max(4294967295);
const file = z.string().min(1);
const provider = z.string().min(1);

/** `enrich:` section of unmask.yaml. Owned by the enrichment layer (src/enrich); see docs/enrichment.md. */
export const enrichSection = z
  .object({
    /** CIDR ranges of the company's own egress (offices, corporate VPN concentrators). */
    corporate_ranges: z.array(cidr).default([]),
    /** Tor exit lists: one address per line, or Tor's `exit-addresses` format (`ExitAddress a.b.c.d ...`). */
    tor_exit_lists: z.array(file).default([]),
    /** VPN egress the operator knows of, in addition to the curated list. */
    vpn_ranges: z
      .array(z.object({ provider, cidrs: z.array(cidr).default([]), asns: z.array(asn).default([]) }).strict())
      .default([]),
    /** Files of VPN egress ranges, one address or CIDR per line (`#` comments allowed). */
    vpn_range_files: z.array(z.object({ provider, file }).strict()).default([]),
    /** VPN providers the company itself uses: their addresses are classed `corporate`, not `vpn`. */
    allowed_vpn_providers: z.array(provider).default([]),
    /** Hosting networks to add to the curated list. */
    hosting_asns: z.array(z.object({ asn, provider }).strict()).default([]),
    /**
     * Cloud providers' published range files, in their own formats: AWS `ip-ranges.json`,
     * Google Cloud `cloud.json`, Azure Service Tags JSON, or a plain list of CIDRs.
     */
    cloud_range_files: z
      .array(z.object({ file, format: z.enum(['aws', 'gcp', 'azure', 'cidr_list']), provider: provider.optional() }).strict())
      .default([]),
    /** Country for phone numbers written without +country code when the person's home country is unknown. */
    default_phone_country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
      .transform((s) => s.toUpperCase())
      .nullable()
      .default(null),
    /** Most distinct IPs kept in memory by one IP enricher (oldest dropped first). */
    cache_size: z.number().int().min(1000).default(500_000),
  })
  .strict()
  .prefault({});
