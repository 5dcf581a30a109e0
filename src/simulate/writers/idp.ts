/**
 * Sign-in logs as the three identity providers write them: Okta System Log events, Microsoft
 * Entra ID sign-ins (Graph `signIn` resources and Azure Monitor diagnostic records) and Google
 * Workspace login activities (Admin SDK Reports API). Field names, nesting, id shapes and
 * timestamp formats follow the vendors' documentation and the real samples in shared/data.
 */
import { COMPANY } from '../catalog/names.js';
import { COUNTRY_NAMES, US_STATE_NAMES as US_STATES } from '../catalog/regions.js';
import type { Client, Session } from '../activity.js';
import { Rng } from '../random.js';
import { isoMs } from '../time.js';

function stateName(region: string, country: string): string {
  return country === 'US' ? (US_STATES[region] ?? region) : region;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Okta System Log events for one session: a failed try (sometimes), the session start and, on the
 * day's first sign-in, the MFA step.
 */
export function oktaEvents(s: Session, c: Client, withMfa: boolean): object[] {
  const p = s.person;
  const r = s.rng.fork('okta');
  const geo = {
    city: s.egress.geo.city,
    state: stateName(s.egress.geo.region, s.egress.geo.country),
    country: COUNTRY_NAMES[s.egress.geo.country] ?? s.egress.geo.country,
    postalCode: null,
    geolocation: { lat: s.egress.geo.lat, lon: s.egress.geo.lon },
  };
  const sessionId = `102${r.chars(22, ALNUM)}`;
  const base = (at: number, requestId: string) => ({
    actor: { id: p.idpUserId, type: 'User', alternateId: p.workEmail, displayName: p.fullName, detailEntry: null },
    client: {
      userAgent: { rawUserAgent: c.userAgent, os: c.os, browser: c.browser },
      zone: 'null',
      device: c.kind,
      id: null,
      ipAddress: s.egress.ip,
      geographicalContext: geo,
    },
    request: { ipChain: [{ ip: s.egress.ip, geographicalContext: geo, version: 'V4', source: null }] },
    securityContext: { asNumber: s.egress.net.asn, asOrg: s.egress.net.as_org.toLowerCase(), isp: s.egress.net.name.toLowerCase(), domain: s.egress.net.domain, isProxy: s.egress.net.kind === 'vpn' },
    published: isoMs(at),
    transaction: { type: 'WEB', id: requestId, detail: {} },
    version: '0',
  });
  const events: object[] = [];
  let t = s.at;
  if (s.failedFirst) {
    const rid = r.chars(27, ALNUM);
    events.push({
      ...base(t, rid),
      uuid: r.uuid(),
      eventType: 'user.session.start',
      legacyEventType: 'core.user_auth.login_failed',
      displayMessage: 'User login to Okta',
      severity: 'WARN',
      outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' },
      authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: 'unknown' },
      debugContext: { debugData: { requestId: rid, requestUri: '/idp/idx/identify', url: '/idp/idx/identify?', deviceFingerprint: c.fingerprint, threatSuspected: 'false' } },
      target: null,
    });
    t += r.int(8_000, 40_000);
  }
  const rid = r.chars(27, ALNUM);
  events.push({
    ...base(t, rid),
    uuid: r.uuid(),
    eventType: 'user.session.start',
    legacyEventType: 'core.user_auth.login_success',
    displayMessage: 'User login to Okta',
    severity: 'INFO',
    outcome: { result: 'SUCCESS', reason: null },
    authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: sessionId },
    debugContext: { debugData: { requestId: rid, requestUri: '/idp/idx/identify', url: '/idp/idx/identify?', deviceFingerprint: c.fingerprint, threatSuspected: 'false' } },
    target: null,
  });
  if (!withMfa) return events;
  const mfaRid = r.chars(27, ALNUM);
  const phone = p.mfaDevice;
  events.push({
    ...base(t + r.int(2_000, 15_000), mfaRid),
    uuid: r.uuid(),
    eventType: 'user.authentication.auth_via_mfa',
    legacyEventType: 'core.user.factor.attempt_success',
    displayMessage: 'Authentication of user via MFA',
    severity: 'INFO',
    outcome: { result: 'SUCCESS', reason: null },
    authenticationContext: { authenticationProvider: 'FACTOR_PROVIDER', credentialProvider: 'OKTA_CREDENTIAL_PROVIDER', credentialType: 'OKTA_VERIFY_PUSH', issuer: null, interface: null, authenticationStep: 0, externalSessionId: sessionId },
    debugContext: { debugData: { requestId: mfaRid, requestUri: '/idp/idx/authenticators/poll', url: '/idp/idx/authenticators/poll?', deviceFingerprint: c.fingerprint, factor: 'OKTA_VERIFY_PUSH', threatSuspected: 'false' } },
    // The phone that approved the push (Okta Identity Engine's LogDevice).
    device: { id: phone.id, name: phone.name, os_platform: phone.platform, os_version: phone.platform === 'IOS' ? '18.5' : '14', managed: false, registered: true, device_integrator: null, disk_encryption_type: phone.platform === 'IOS' ? 'ALL_INTERNAL_VOLUMES' : 'USER', screen_lock_type: 'BIOMETRIC', jailbreak: false, secure_hardware_present: true },
    target: [
      { id: p.idpUserId, type: 'User', alternateId: p.workEmail, displayName: p.fullName, detailEntry: null },
      { id: `pfd${r.chars(17, ALNUM)}`, type: 'AuthenticatorEnrollment', alternateId: 'unknown', displayName: 'Okta Verify', detailEntry: { methodTypeUsed: 'Get a push notification', methodUsedVerifiedProperties: '[DEVICE_BOUND, HARDWARE_PROTECTED, USER_PRESENCE]' } },
    ],
  });
  return events;
}

const ENTRA_APPS = [
  { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  { id: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online' },
  { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
  { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
];

function entraOs(c: Client, s: Session): string {
  if (!s.device) return s.person.mfaDevice.platform === 'IOS' ? 'Ios' : 'Android';
  return s.device.platform === 'windows' ? 'Windows10' : s.device.platform === 'darwin' ? 'MacOs' : 'Linux';
}

/** Graph `signIn` resources for one session (a failure first, sometimes). */
export function entraSignIns(s: Session, c: Client, tenant: string): Array<Record<string, unknown>> {
  const p = s.person;
  const r = s.rng.fork('entra');
  const app = r.pick(ENTRA_APPS);
  const out: Array<Record<string, unknown>> = [];
  const one = (at: number, ok: boolean): Record<string, unknown> => {
    const id = r.uuid();
    const browserVersion = c.userAgent.match(/(?:Chrome|Version|Firefox|Edg)\/([\d.]+)/)?.[1] ?? '137.0.0';
    const browserName = c.browser === 'EDGE' ? 'Edge' : c.browser === 'FIREFOX' ? 'Firefox' : c.browser === 'SAFARI' ? 'Safari' : 'Chrome';
    return {
      id,
      createdDateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      userDisplayName: p.fullName,
      userPrincipalName: p.workEmail,
      userId: p.idpUserId,
      appId: app.id,
      appDisplayName: app.name,
      ipAddress: s.egress.ip,
      clientAppUsed: 'Browser',
      userAgent: c.userAgent,
      correlationId: r.uuid(),
      conditionalAccessStatus: ok ? 'success' : 'notApplied',
      originalRequestId: id,
      isInteractive: true,
      tokenIssuerName: '',
      tokenIssuerType: 'AzureAD',
      processingTimeInMilliseconds: r.int(40, 900),
      riskDetail: 'none',
      riskLevelAggregated: 'none',
      riskLevelDuringSignIn: 'none',
      riskState: 'none',
      riskEventTypes_v2: [],
      resourceDisplayName: app.name,
      resourceId: app.id,
      resourceTenantId: tenant,
      homeTenantId: tenant,
      authenticationRequirement: 'multiFactorAuthentication',
      userType: 'Member',
      status: ok ? { errorCode: 0, failureReason: 'Other.', additionalDetails: 'MFA requirement satisfied by claim in the token' } : { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.', additionalDetails: 'The user didn\'t enter the right credentials. It\'s expected to see some number of these errors in your logs due to users making mistakes.' },
      deviceDetail: {
        deviceId: s.device ? Rng.from('entra-device', s.device.serial).uuid() : '',
        displayName: s.device?.hostname ?? '',
        operatingSystem: entraOs(c, s),
        browser: `${browserName} ${browserVersion}`,
        isCompliant: Boolean(s.device),
        isManaged: Boolean(s.device),
        trustType: s.device ? (s.device.platform === 'windows' ? 'Azure AD joined' : 'Azure AD registered') : '',
      },
      location: {
        city: s.egress.geo.city,
        state: stateName(s.egress.geo.region, s.egress.geo.country),
        countryOrRegion: s.egress.geo.country,
        geoCoordinates: { altitude: null, latitude: s.egress.geo.lat, longitude: s.egress.geo.lon },
      },
      appliedConditionalAccessPolicies: [],
      authenticationDetails: ok
        ? [
            { authenticationStepDateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'), authenticationMethod: 'Password', authenticationMethodDetail: 'Password in the cloud', succeeded: true, authenticationStepResultDetail: 'Correct password', authenticationStepRequirement: 'Primary authentication' },
            { authenticationStepDateTime: new Date(at + 9000).toISOString().replace(/\.\d{3}Z$/, 'Z'), authenticationMethod: 'Mobile app notification', authenticationMethodDetail: p.mfaDevice.name, succeeded: true, authenticationStepResultDetail: 'MFA successfully completed', authenticationStepRequirement: 'Primary authentication' },
          ]
        : [{ authenticationStepDateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'), authenticationMethod: 'Password', authenticationMethodDetail: 'Password in the cloud', succeeded: false, authenticationStepResultDetail: 'Invalid username or password or Invalid on-premise username or password.', authenticationStepRequirement: 'Primary authentication' }],
    };
  };
  let t = s.at;
  if (s.failedFirst) {
    out.push(one(t, false));
    t += r.int(8_000, 40_000);
  }
  out.push(one(t, true));
  return out;
}

/** Wrap a Graph sign-in as an Azure Monitor diagnostic-setting record (category SignInLogs). */
export function entraDiagnostic(sig: Record<string, unknown>, s: Session, tenant: string): Record<string, unknown> {
  const created = String(sig.createdDateTime);
  const status = sig.status as { errorCode: number; failureReason: string };
  const ticks = String(s.rng.fork('ticks', created).int(0, 9_999_999)).padStart(7, '0');
  const withTicks = created.replace(/Z$/, `.${ticks}`);
  return {
    time: `${withTicks}Z`,
    resourceId: `/tenants/${tenant}/providers/Microsoft.aadiam`,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category: 'SignInLogs',
    tenantId: tenant,
    resultType: String(status.errorCode),
    resultSignature: 'None',
    ...(status.errorCode ? { resultDescription: status.failureReason } : {}),
    durationMs: 0,
    callerIpAddress: sig.ipAddress,
    correlationId: sig.correlationId,
    identity: sig.userDisplayName,
    Level: 4,
    location: s.egress.geo.country,
    properties: { ...sig, createdDateTime: `${withTicks}+00:00`, autonomousSystemNumber: s.egress.net.asn, networkLocationDetails: [], flaggedForReview: false, isTenantRestricted: false, crossTenantAccessType: 'none' },
  };
}

/** Google Workspace login activities (Reports API, application `login`) for one session. */
export function googleActivities(s: Session): object[] {
  const p = s.person;
  const r = s.rng.fork('google');
  const out: object[] = [];
  const one = (at: number, ok: boolean) => ({
    kind: 'admin#reports#activity',
    id: { time: isoMs(at), uniqueQualifier: `${r.chance(0.5) ? '-' : ''}${r.int(1, 9)}${r.digits(18)}`, applicationName: 'login', customerId: COMPANY.googleCustomer },
    etag: `"${r.chars(43, ALNUM)}/${r.chars(27, ALNUM)}"`,
    actor: { callerType: 'USER', email: p.workEmail, profileId: p.idpUserId },
    ipAddress: s.egress.ip,
    networkInfo: { ipAsn: [s.egress.net.asn], regionCode: s.egress.geo.country, subdivisionCode: s.egress.geo.country === 'US' ? `US-${s.egress.geo.region}` : '' },
    events: [
      ok
        ? {
            type: 'login',
            name: 'login_success',
            parameters: [
              { name: 'login_type', value: 'google_password' },
              { name: 'login_challenge_method', multiValue: ['password', 'google_prompt'] },
              { name: 'is_suspicious', boolValue: false },
            ],
          }
        : {
            type: 'login',
            name: 'login_failure',
            parameters: [
              { name: 'login_type', value: 'google_password' },
              { name: 'login_challenge_method', multiValue: ['password'] },
              { name: 'login_failure_type', value: 'login_failure_invalid_password' },
              { name: 'is_suspicious', boolValue: false },
            ],
          },
    ],
  });
  let t = s.at;
  if (s.failedFirst) {
    out.push(one(t, false));
    t += r.int(8_000, 40_000);
  }
  out.push(one(t, true));
  return out;
}
