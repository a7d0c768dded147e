// Synthetic credentials of each format, written the ways code carries them (arguments, headers,
// comments, fallbacks, neutral keys). None of them is real.
// expect: secret-provider-token@28-135
const client = new Client('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');
// expect: secret-provider-token@54-161
await fetch(url, { headers: { Authorization: `Bearer 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` } });
// expect: secret-provider-token@15-122
// old value: sk_test_Tayi4lQtHFrLneZDLZ3Gl35PEPhaKIcwxMRBVRz6CVveRjpR9XLCBjTMtSO3Us63E9tNks6TwsJ00qBglpEsYKNtPIX2dVvFvBd
// expect: secret-provider-token@43-81
const cred = process.env.SERVICE_CRED ?? 'whsec_mtEnZ1CSsH3aB3npdjX9kT5dioOsRuGG';
// expect: secret-provider-token@35-99
export const settings = { value: "EAAAcnXIgY222SOLfSSdB9hHmczvq1wriOIFbIUVDCQeZTyyJuHnK3Nlj2Rsn7Hl", retries: 3 };
// expect: secret-provider-token@29-79
init({ region: 'eu', auth: 'sq0csp-exK9Nf_LCy6LBbEcLrctcanSqg4LvJh0XhSybXRCMVp' });
// expect: secret-provider-token@28-101
const client = new Client('access_token$production$bvbg3qljaoqvw18s$d822b67d1b7c021cd642fa5600ea6924');
// expect: secret-provider-token@54-92
await fetch(url, { headers: { Authorization: `Bearer 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` } });
// expect: secret-provider-token@15-53
// old value: 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
// expect: secret-provider-token@43-85
const cred = process.env.SERVICE_CRED ?? 'FLWSECK-hb2g071c18gccg74915c9af8dh59018d-X';
// expect: secret-provider-token@35-87
export const settings = { value: "shippo_live_3bf50c542111af8173e39aff145e264d924947c8", retries: 3 };
// expect: secret-provider-token@29-87
init({ region: 'eu', auth: 'EZAK7g8u9JBUvaCcCglXRw9ghRRdgrfaBB4KmotT1mx7A8sYoAqklq4fFr' });
// expect: secret-provider-token@28-83
const client = new Client('duffel_live_Yxy8Yh777HkguWEgSGi1AmpVhnIxq3c3EaOcMmhShqa');
// expect: secret-provider-token@54-108
await fetch(url, { headers: { Authorization: `Bearer access-production-d013e5a8-7399-4888-af00-4480408e0b5f` } });
// expect: secret-provider-token@23-87
coinbase_api_secret: "sYHyCFHRYsHcvQbRf4Nxl8B4HYKZTR1BSUNdewAIWEnflQ3UdEiVIliM4mvDjatw"
