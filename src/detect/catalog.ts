/**
 * The rule catalog: every rule, one module per rule under rules/<family>/. The file path mirrors
 * the id (`endpoint.rmm.multiple_vendors` → rules/endpoint/rmm-multiple-vendors.ts); the catalog
 * lint test (test/detect/catalog.test.ts) checks that, the metadata and that every rule has tests.
 * Order: by family, as docs/rules.md lists them.
 */
import type { Rule } from './rule.js';
import { rule as endpointListeningRemoteDesktop } from './rules/endpoint/listening-remote-desktop.js';
import { rule as endpointLocaleKoreanUndeclared } from './rules/endpoint/locale-korean-undeclared.js';
import { rule as endpointRmmAfterDelivery } from './rules/endpoint/rmm-after-delivery.js';
import { rule as endpointRmmInstalled } from './rules/endpoint/rmm-installed.js';
import { rule as endpointRmmListening } from './rules/endpoint/rmm-listening.js';
import { rule as endpointRmmMultipleVendors } from './rules/endpoint/rmm-multiple-vendors.js';
import { rule as endpointRmmRunning } from './rules/endpoint/rmm-running.js';
import { rule as endpointSoftwareKeepAwake } from './rules/endpoint/software-keep-awake.js';
import { rule as endpointUsbIpKvm } from './rules/endpoint/usb-ip-kvm.js';
import { rule as endpointUsbMouseJiggler } from './rules/endpoint/usb-mouse-jiggler.js';
import { rule as hrAddressChangedAfterHire } from './rules/hr/address-changed-after-hire.js';
import { rule as hrAddressPoBoxOrForwarder } from './rules/hr/address-po-box-or-forwarder.js';
import { rule as hrAddressShared } from './rules/hr/address-shared.js';
import { rule as hrContactDisposableEmail } from './rules/hr/contact-disposable-email.js';
import { rule as hrContactVoipPhone } from './rules/hr/contact-voip-phone.js';
import { rule as hrIdentifierSharedEmail } from './rules/hr/identifier-shared-email.js';
import { rule as hrIdentifierSharedPhone } from './rules/hr/identifier-shared-phone.js';
import { rule as hrShippingAddressNotHome } from './rules/hr/shipping-address-not-home.js';
import { rule as identitySessionContinuousMultiday } from './rules/identity/session-continuous-multiday.js';
import { rule as identitySigninAstrillVpn } from './rules/identity/signin-astrill-vpn.js';
import { rule as identitySigninCountryMismatch } from './rules/identity/signin-country-mismatch.js';
import { rule as identitySigninForeignWorkingHours } from './rules/identity/signin-foreign-working-hours.js';
import { rule as identitySigninImpossibleTravel } from './rules/identity/signin-impossible-travel.js';
import { rule as identitySigninManyCountries } from './rules/identity/signin-many-countries.js';
import { rule as identitySigninSharedDeviceFingerprint } from './rules/identity/signin-shared-device-fingerprint.js';
import { rule as identitySigninSharedIp } from './rules/identity/signin-shared-ip.js';
import { rule as identitySigninSharedMfaDevice } from './rules/identity/signin-shared-mfa-device.js';
import { rule as identitySigninVpnOrHosting } from './rules/identity/signin-vpn-or-hosting.js';
import { rule as networkEgressSigninMismatch } from './rules/network/egress-signin-mismatch.js';
import { rule as networkRmmRelayNetwork } from './rules/network/rmm-relay-network.js';
import { rule as networkRmmRelayPort } from './rules/network/rmm-relay-port.js';
import { rule as networkVpnConnection } from './rules/network/vpn-connection.js';
import { rule as payrollAccountHolderMismatch } from './rules/payroll/account-holder-mismatch.js';
import { rule as payrollAccountShared } from './rules/payroll/account-shared.js';
import { rule as payrollDestinationCrypto } from './rules/payroll/destination-crypto.js';
import { rule as payrollDestinationForeignBank } from './rules/payroll/destination-foreign-bank.js';
import { rule as payrollDestinationFrequentChanges } from './rules/payroll/destination-frequent-changes.js';
import { rule as payrollDestinationMoneyService } from './rules/payroll/destination-money-service.js';
import { rule as payrollWalletShared } from './rules/payroll/wallet-shared.js';
import { rule as recruitingInterviewFlags } from './rules/recruiting/interview-flags.js';
import { rule as recruitingPhotoReused } from './rules/recruiting/photo-reused.js';
import { rule as recruitingReferralChain } from './rules/recruiting/referral-chain.js';
import { rule as recruitingResumeExperiencePredatesTechnology } from './rules/recruiting/resume-experience-predates-technology.js';
import { rule as recruitingResumeNearDuplicate } from './rules/recruiting/resume-near-duplicate.js';
import { rule as sanctionsMatch } from './rules/sanctions/match.js';

const RULES: Rule[] = [
  identitySessionContinuousMultiday,
  identitySigninAstrillVpn,
  identitySigninCountryMismatch,
  identitySigninForeignWorkingHours,
  identitySigninImpossibleTravel,
  identitySigninManyCountries,
  identitySigninSharedDeviceFingerprint,
  identitySigninSharedIp,
  identitySigninSharedMfaDevice,
  identitySigninVpnOrHosting,
  endpointListeningRemoteDesktop,
  endpointLocaleKoreanUndeclared,
  endpointRmmAfterDelivery,
  endpointRmmInstalled,
  endpointRmmListening,
  endpointRmmMultipleVendors,
  endpointRmmRunning,
  endpointSoftwareKeepAwake,
  endpointUsbIpKvm,
  endpointUsbMouseJiggler,
  networkEgressSigninMismatch,
  networkRmmRelayNetwork,
  networkRmmRelayPort,
  networkVpnConnection,
  hrAddressChangedAfterHire,
  hrAddressPoBoxOrForwarder,
  hrAddressShared,
  hrContactDisposableEmail,
  hrContactVoipPhone,
  hrIdentifierSharedEmail,
  hrIdentifierSharedPhone,
  hrShippingAddressNotHome,
  payrollAccountHolderMismatch,
  payrollAccountShared,
  payrollDestinationCrypto,
  payrollDestinationForeignBank,
  payrollDestinationFrequentChanges,
  payrollDestinationMoneyService,
  payrollWalletShared,
  recruitingInterviewFlags,
  recruitingPhotoReused,
  recruitingReferralChain,
  recruitingResumeExperiencePredatesTechnology,
  recruitingResumeNearDuplicate,
  sanctionsMatch,
];

export function allRules(): Rule[] {
  return RULES;
}

export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
