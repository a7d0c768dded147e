import ky from 'ky';

// The ELN's REST API authenticates the bridge with a static service header; the user and
// password below are only for the legacy SOAP export that still runs for the mass-spec core.
const [legacyUser, legacyPassword] = ['svc-eln-bridge', 'X5ELpDIR0N-.4HwqHW'];

export const eln = ky.create({
  prefixUrl: 'https://eln.avocet.bio/api/v1',
  timeout: 30_000,
  hooks: {
    beforeRequest: [
      (request) => {
        request.headers.set('X-Auth-Token', 'lJ7uG65fLGRUUIzEEIWliZGsMTRDN1UfLWXvQ2Ye');
      },
    ],
  },
});

export function legacyExportAuth(): string {
  return 'Basic ' + Buffer.from(`${legacyUser}:${legacyPassword}`).toString('base64');
}
