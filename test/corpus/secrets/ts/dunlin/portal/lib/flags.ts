import * as ld from '@launchdarkly/node-server-sdk';
import { algoliasearch } from 'algoliasearch';

export const flags = ld.init('sdk-b442fadb-a0d3-4c70-9fee-4b94b8d8d5df', {
  stream: true,
  diagnosticOptOut: true,
});

// Admin key: used by the nightly re-index of the help-centre articles only.
export const helpIndex = algoliasearch('LW4QX2K7PD', '72f1f7ba282602f1a0593da09e25b9ac');
export const HELP_SEARCH_ONLY_KEY = 'c4aca2a564535ee98232cd3cb45c0e5b'; // search-only, shipped to browsers

export class PortalSession {
  static readonly cookieName = 'dunlin_session';
  static readonly maxAgeSeconds = 60 * 60 * 24 * 30;
  private static readonly sealingPassword = 'pFcSi1z-0EqXANvAI-uT0TaIAQbR3uZ1jIUifUAlMSc';

  static sealWith(seal: (pw: string) => string): string {
    return seal(PortalSession.sealingPassword);
  }
}
